import { describe, expect, it } from 'vitest';
import { countSession } from './session-count.ts';

const groups = [
  { id: 'teens', parentId: null },
  { id: 'junior', parentId: 'teens' },
  { id: 'choir', parentId: null },
];
const participants = [
  { id: 'ada', active: true, groupIds: ['teens'] },
  { id: 'ben', active: true, groupIds: ['junior'] }, // a subgroup's member is expected too
  { id: 'cy', active: false, groupIds: ['teens'] }, // inactive: a walk-in if recorded
  { id: 'dee', active: true, groupIds: ['choir'] }, // another group: a walk-in if recorded
  { id: 'eve', active: true, groupIds: ['teens'] },
];

describe('countSession', () => {
  it('expects active members of the groups and subgroups; arrived counts walk-ins too', () => {
    expect(
      countSession({
        sessionGroupIds: ['teens'],
        groups,
        participants,
        records: [
          { participantId: 'ada', state: 'present' },
          { participantId: 'ben', state: 'late' },
          { participantId: 'cy', state: 'present' },
          { participantId: 'dee', state: 'absent' },
          { participantId: 'eve', state: null }, // cleared: still expected, not arrived
        ],
        presentCodes: ['present', 'late'],
      }),
    ).toEqual({ expected: 3, arrived: 3, arrivedExpected: 2, walkIns: 2 });
  });
});
