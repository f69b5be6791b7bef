// Time is injected so tests can move it (expiring assignments, grace periods, lockouts).
export interface Clock {
  now(): number;
}
export const systemClock: Clock = { now: () => Date.now() };
export const iso = (ms: number) => new Date(ms).toISOString();
