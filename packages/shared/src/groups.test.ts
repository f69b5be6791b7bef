import { describe, expect, it } from 'vitest';
import { withDescendants } from './groups.ts';

describe('withDescendants', () => {
  const groups = [
    { id: 'teens', parentId: null },
    { id: 'junior', parentId: 'teens' },
    { id: 'senior', parentId: 'teens' },
    { id: 'seniorA', parentId: 'senior' },
    { id: 'choir', parentId: null },
    { id: 'loopA', parentId: 'loopB' },
    { id: 'loopB', parentId: 'loopA' },
  ];
  it('adds every group below the roots, and only those', () => {
    expect([...withDescendants(['teens'], groups)].sort()).toEqual([
      'junior',
      'senior',
      'seniorA',
      'teens',
    ]);
    expect([...withDescendants(['choir'], groups)]).toEqual(['choir']);
  });
  it('stops on a cycle', () => {
    expect([...withDescendants(['loopA'], groups)].sort()).toEqual(['loopA', 'loopB']);
  });
});
