// The weekly attendance chart of the trends PDF, drawn with pdfkit's vector primitives and laid out
// like the web chart (apps/web/src/features/reports/trends-chart.tsx): stacked bars of returning and
// first-time attendees on the left axis, the attendance rate as a line on the right axis, week
// starts along the bottom. Vector, so it prints sharp at any size.
import { FONT, GREY, line, RULE, type ReportPdf } from './report-pdf.ts';

export interface ChartWeek {
  week: string;
  weekStart: string;
  attendees: number;
  firstTime: number;
  returning: number;
  rate: number | null;
}

const HEIGHT = 220;
const PAD = { l: 36, r: 40, t: 22, b: 44 };
const COLOURS = { returning: '#2f5d8a', firstTime: '#8db6dc', rate: '#c0392b' };

/** "Nov 16" (English) or "16 nov" (Spanish) from "2026-11-16", in the organization's language. */
const weekLabel = (pdf: ReportPdf, weekStart: string) =>
  pdf.words.weekLabel(Number(weekStart.slice(5, 7)), Number(weekStart.slice(8, 10)));

function frame(pdf: ReportPdf) {
  const top = pdf.doc.y;
  const plot = {
    x: pdf.left + PAD.l,
    y: top + PAD.t,
    w: pdf.width - PAD.l - PAD.r,
    h: HEIGHT - PAD.t - PAD.b,
  };
  return { top, plot, bottom: plot.y + plot.h };
}

function axes(pdf: ReportPdf, f: ReturnType<typeof frame>, max: number) {
  const { doc } = pdf;
  const { plot, bottom } = f;
  doc.font(FONT).fontSize(7.5).fillColor(GREY);
  line(doc, pdf.words.attendees, pdf.left, f.top + 4, { width: PAD.l + 40 });
  line(doc, pdf.words.rate, plot.x + plot.w, f.top + 4, { width: PAD.r, align: 'right' });
  for (const share of [0, 0.5, 1]) {
    const y = bottom - share * plot.h;
    doc
      .moveTo(plot.x, y)
      .lineTo(plot.x + plot.w, y)
      .lineWidth(0.4)
      .strokeColor(RULE)
      .stroke();
    line(doc, String(Math.round(max * share)), pdf.left, y - 3.5, {
      width: PAD.l - 6,
      align: 'right',
    });
    line(doc, `${Math.round(share * 100)}%`, plot.x + plot.w + 6, y - 3.5, { width: PAD.r - 6 });
  }
  doc
    .moveTo(plot.x, plot.y)
    .lineTo(plot.x, bottom)
    .lineTo(plot.x + plot.w, bottom)
    .lineWidth(0.8)
    .strokeColor('#333333')
    .stroke();
}

function bars(pdf: ReportPdf, f: ReturnType<typeof frame>, weeks: ChartWeek[], max: number) {
  const { doc } = pdf;
  const { plot, bottom } = f;
  const step = plot.w / weeks.length;
  const bar = Math.max(1.5, step * 0.7);
  const x = (i: number) => plot.x + i * step + (step - bar) / 2;
  const h = (n: number) => (n / max) * plot.h;
  const labelEvery = Math.ceil(weeks.length / 8);
  weeks.forEach((w, i) => {
    if (w.returning > 0)
      doc.rect(x(i), bottom - h(w.returning), bar, h(w.returning)).fill(COLOURS.returning);
    if (w.firstTime > 0)
      doc
        .rect(x(i), bottom - h(w.returning + w.firstTime), bar, h(w.firstTime))
        .fill(COLOURS.firstTime);
    if (i % labelEvery === 0) {
      doc.font(FONT).fontSize(7.5).fillColor(GREY);
      line(doc, weekLabel(pdf, w.weekStart), x(i) + bar / 2 - 25, bottom + 5, {
        width: 50,
        align: 'center',
      });
    }
  });
  const points = weeks.flatMap((w, i) =>
    w.rate === null ? [] : [[x(i) + bar / 2, bottom - w.rate * plot.h] as const],
  );
  points.forEach(([px, py], i) => (i === 0 ? doc.moveTo(px, py) : doc.lineTo(px, py)));
  if (points.length > 1) doc.lineWidth(1.4).strokeColor(COLOURS.rate).stroke();
  for (const [px, py] of points) doc.circle(px, py, 1.8).fill(COLOURS.rate);
}

function legend(pdf: ReportPdf, y: number) {
  const { doc } = pdf;
  let x = pdf.left + PAD.l;
  for (const [label, colour] of [
    [pdf.words.returning, COLOURS.returning],
    [pdf.words.firstTime, COLOURS.firstTime],
    [pdf.words.attendanceRate, COLOURS.rate],
  ] as const) {
    doc.rect(x, y + 1, 8, 8).fill(colour);
    doc.font(FONT).fontSize(8).fillColor('black');
    line(doc, label, x + 12, y, { width: 90 });
    x += 100;
  }
}

export function drawTrendsChart(pdf: ReportPdf, weeks: ChartWeek[]) {
  const { doc } = pdf;
  if (weeks.length === 0) {
    doc.font(FONT).fontSize(9).fillColor('black');
    line(doc, pdf.words.noSessionsInRange, pdf.left, doc.y, { width: pdf.width });
    doc.y += 20;
    return;
  }
  pdf.ensure(HEIGHT);
  const f = frame(pdf);
  // The axis tops at an even number, so its middle tick is a whole number too.
  const max = Math.max(2, Math.ceil(Math.max(...weeks.map((w) => w.attendees)) / 2) * 2);
  axes(pdf, f, max);
  bars(pdf, f, weeks, max);
  legend(pdf, f.bottom + 22);
  doc.fillColor('black');
  doc.y = f.top + HEIGHT;
}
