import { describe, expect, it } from 'vitest';
import { asciiFileName, downloadName } from './download-name.ts';

const base = { zone: 'America/Los_Angeles', nowMs: Date.parse('2026-11-23T05:00:00Z') };

describe('downloadName', () => {
  it("names one session's download by the session and its day in the organization's zone", () => {
    expect(
      downloadName({
        ...base,
        kind: 'attendance',
        format: 'pdf',
        // Sunday 03:00 UTC is Saturday evening in Los Angeles.
        session: { name: 'Morning class', scheduledStart: '2026-11-22T03:00:00Z' },
      }),
    ).toBe('rollcall-attendance-morning-class-2026-11-21.pdf');
  });

  it('names a range by the group and the dates', () => {
    expect(
      downloadName({
        ...base,
        kind: 'attendance',
        format: 'csv',
        group: { name: 'Jóvenes / Youth' },
        range: { from: '2026-06-01', to: '2026-11-22' },
      }),
    ).toBe('rollcall-attendance-jóvenes-youth-2026-06-01-to-2026-11-22.csv');
  });

  it("names a report without dates by today's date in the zone", () => {
    expect(downloadName({ ...base, kind: 'drifting', format: 'csv' })).toBe(
      'rollcall-drifting-2026-11-22.csv',
    );
  });

  it('keeps letters of any script in the name', () => {
    expect(
      downloadName({
        ...base,
        kind: 'absentees',
        format: 'csv',
        session: { name: 'Culto dominical — Łucja', scheduledStart: '2026-11-22T18:00:00Z' },
      }),
    ).toBe('rollcall-absentees-culto-dominical-łucja-2026-11-22.csv');
  });
});

describe('asciiFileName', () => {
  it.each([
    [
      'rollcall-attendance-culto-dominical-2026-11-22.csv',
      'rollcall-attendance-culto-dominical-2026-11-22.csv',
    ],
    [
      'rollcall-attendance-jóvenes-youth-2026-06-01-to-2026-11-22.csv',
      'rollcall-attendance-jovenes-youth-2026-06-01-to-2026-11-22.csv',
    ],
    ['rollcall-absentees-łucja-2026-11-22.pdf', 'rollcall-absentees-ucja-2026-11-22.pdf'],
    ['rollcall-attendance-예배-2026-11-22.pdf', 'rollcall-attendance-2026-11-22.pdf'],
    ['Łucja 김민준 "note".js', 'ucja  _note_.js'],
    ['김민준', 'download'],
  ])('%s → %s', (name, ascii) => {
    expect(asciiFileName(name)).toBe(ascii);
    expect(ascii).toMatch(/^[\x20-\x7e]+$/);
  });
});
