// One sentence a person can read about a conflict, from its data alone (no clock, no locale).
import type { ConflictState, Observation } from './types.ts';

const hhmm = (isoTime: string) => /T(\d{2}:\d{2})/.exec(isoTime)?.[1] ?? isoTime;
const one = (v: Observation) => `${v.state ?? 'cleared'} at ${hhmm(v.recordedAt)} (${v.method})`;

export function explainConflict(conflict: ConflictState): string {
  const [first, ...others] = conflict.versions;
  if (!first) return 'No versions recorded';
  const sentence = `One device recorded ${one(first)} while ${others.map((o) => `another recorded ${one(o)}`).join(' and ')}`;
  return conflict.status === 'auto_resolved' && conflict.rule
    ? `${sentence}. Settled automatically: ${conflict.rule}`
    : sentence;
}
