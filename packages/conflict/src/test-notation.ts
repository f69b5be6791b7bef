// A tiny notation for test cases: 'A1 present qr @3 base0' is device A's first change, state
// present by QR, stamped at t=3, made on top of version 0. '-' as the state means cleared.
import type { Observation } from './types.ts';

export function obs(spec: string): Observation {
  const [who, state, method = 'qr', at = '@1', base = 'base0'] = spec.trim().split(/\s+/);
  const device = who!.replace(/\d+$/, '');
  const seq = Number(who!.slice(device.length) || '1');
  const t = Number(at.slice(1));
  return {
    changeId: `${device}-${seq}`,
    deviceId: device,
    deviceSeq: seq,
    userId: `user-${device}`,
    state: state === '-' ? null : state!,
    method,
    recordedAt: `2026-11-22T09:${String(t % 60).padStart(2, '0')}:00.000Z`,
    hlc: `${String(1_763_800_000_000 + t * 1000).padStart(15, '0')}-00000-${device}`,
    baseVersion: Number(base.slice(4)),
  };
}
