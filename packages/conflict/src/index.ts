export * from './types.ts';
export * from './hlc.ts';
export * from './policy.ts';
export * from './reconcile.ts';
export * from './explain.ts';
export * from './key-state-codec.ts';
export * from './departure.ts';
