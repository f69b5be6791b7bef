// Weekly occurrences in the device's time zone: 9:00 stays 9:00 on both sides of a DST change.
export function weeklyOccurrences(date: string, start: string, end: string, weeks: number) {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [sh, sm] = start.split(':').map(Number) as [number, number];
  const [eh, em] = end.split(':').map(Number) as [number, number];
  return Array.from({ length: weeks }, (_, w) => ({
    scheduledStart: new Date(y, m - 1, d + 7 * w, sh, sm).toISOString(),
    scheduledEnd: new Date(y, m - 1, d + 7 * w, eh, em).toISOString(),
  }));
}

/** The date (YYYY-MM-DD) and time (HH:MM) of an instant in the device's time zone, for a form. */
export function localParts(iso: string) {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return {
    date: `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`,
    time: `${pad(d.getHours())}:${pad(d.getMinutes())}`,
  };
}
