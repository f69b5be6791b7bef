// Small statistics for benchmark reports: medians and percentiles of repeated measurements.
export function percentile(values: number[], p: number): number {
  if (values.length === 0) throw new Error('no values');
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  const value = sorted[rank];
  if (value === undefined) throw new Error('no values');
  return value;
}
export const median = (values: number[]) => percentile(values, 50);
export const fmt = (n: number, digits = 0) =>
  n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
