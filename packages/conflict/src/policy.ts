// Per-organization rules that settle some disagreements without an admin. Each is a pure function
// of the set of disagreeing observations, so the outcome does not depend on arrival order.
import type { Observation } from './types.ts';

export type PolicyRule =
  | { kind: 'qr_beats_manual_absent' }
  | { kind: 'earliest_arrival_between'; states: string[] }
  | { kind: 'latest_wins' };

export interface ConflictPolicy {
  rules: PolicyRule[];
}

/** Default: only agreement merges; every disagreement goes to the admin's queue. */
export const DEFAULT_POLICY: ConflictPolicy = { rules: [] };

const ARRIVED = ['present', 'late'];

/** `versions` sorted by arrival. Returns the winner or null when the rule does not apply. */
function settle(rule: PolicyRule, versions: Observation[]): Observation | null {
  switch (rule.kind) {
    case 'qr_beats_manual_absent': {
      const scans = versions.filter(
        (v) => v.method === 'qr' && v.state !== null && ARRIVED.includes(v.state),
      );
      const absent = versions.filter(
        (v) => v.state === 'absent' && (v.method === 'manual' || v.method === 'bulk'),
      );
      const scanned = new Set(scans.map((v) => v.state));
      const onlyThese = scans.length + absent.length === versions.length && scanned.size === 1;
      return onlyThese && absent.length > 0 ? (scans[0] ?? null) : null;
    }
    case 'earliest_arrival_between':
      return versions.every((v) => v.state !== null && rule.states.includes(v.state))
        ? (versions[0] ?? null)
        : null;
    case 'latest_wins':
      return versions.at(-1) ?? null;
  }
}

export function applyPolicy(
  policy: ConflictPolicy,
  versions: Observation[],
): { winner: Observation; rule: string } | null {
  for (const rule of policy.rules) {
    const winner = settle(rule, versions);
    if (winner) return { winner, rule: describePolicyRule(rule) };
  }
  return null;
}

export function describePolicyRule(rule: PolicyRule): string {
  switch (rule.kind) {
    case 'qr_beats_manual_absent':
      return 'A QR scan beats a manual "absent": the badge was at the door';
    case 'earliest_arrival_between':
      return `Between ${rule.states.join(' and ')}, the earliest arrival wins`;
    case 'latest_wins':
      return 'The latest recorded value wins';
  }
}
