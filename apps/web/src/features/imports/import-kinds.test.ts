import { describe, expect, it } from 'vitest';
import { addOutcome, type Outcome } from './import-kinds.ts';

const part = (o: Partial<Outcome>): Outcome => ({
  dryRun: false,
  total: 2,
  created: 0,
  updated: 0,
  unchanged: 0,
  sessionsCreated: 0,
  kept: [],
  problems: [],
  ...o,
});

describe('adding up the parts of an import', () => {
  it('sums the counts and numbers kept rows from the first row of the file', () => {
    const first = addOutcome(
      null,
      part({ created: 2, sessionsCreated: 1, kept: [{ row: 2, message: 'a' }] }),
      0,
    );
    const both = addOutcome(
      first,
      part({ created: 1, unchanged: 1, kept: [{ row: 1, message: 'b' }] }),
      2,
    );
    expect(both).toMatchObject({ total: 4, created: 3, unchanged: 1, sessionsCreated: 1 });
    expect(both.kept).toEqual([
      { row: 2, message: 'a' },
      { row: 3, message: 'b' },
    ]);
  });
});
