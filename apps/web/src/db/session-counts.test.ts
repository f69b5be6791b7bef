// The device counts a session as countSession (packages/shared) does, and as the server's live page
// does (sync-server live-count.test.ts, the same fixture shape): parent group P with subgroup C;
// Pia (P) present then checked out, Cal (C) late, Vic (C) in the organization's own "online"
// state that counts as present, Ina (P, inactive) present, Wes (no group) present, Abe (C) absent,
// Eli (P) excused, Flo (P) nothing recorded, Cleo (P) checked in and taken back (cleared).
import 'fake-indexeddb/auto';
import {
  countSession,
  uuidv7,
  type Group,
  type Participant,
  type PresenceState,
  type Session,
} from '@rollcall/shared';
import Dexie, { type DBCoreCursor } from 'dexie';
import { describe, expect, it } from 'vitest';
import { RollcallDb, type LocalRecord } from './db.ts';
import { countSessionsOnDevice, stillIn } from './session-counts.ts';

const AT = '2026-11-22T09:00:00.000Z';
const [P, C, OTHER] = [uuidv7(), uuidv7(), uuidv7()];
const groups: Group[] = [
  { id: P, name: 'Parent', parentId: null, active: true },
  { id: C, name: 'Child', parentId: P, active: true },
  { id: OTHER, name: 'Other', parentId: null, active: true },
];
const state = (code: string, countsAsPresent: boolean, sortOrder: number): PresenceState => ({
  id: uuidv7(),
  code,
  label: code,
  color: '#000000',
  sortOrder,
  isDefault: code === 'present',
  countsAsPresent,
  active: true,
});
const states = [
  state('present', true, 1),
  state('late', true, 2),
  state('absent', false, 3),
  state('excused', false, 4),
  state('online', true, 5),
];
const person = (name: string, groupIds: string[], active = true): Participant => ({
  id: uuidv7(),
  firstName: name,
  lastName: 'Count',
  preferredName: null,
  personalCode: name,
  externalKey: null,
  qrToken: name,
  guardianName: null,
  guardianPhone: null,
  active,
  extra: {},
  groupIds,
  updatedAt: AT,
});
const people = {
  pia: person('Pia', [P]),
  cal: person('Cal', [C]),
  vic: person('Vic', [C]),
  ina: person('Ina', [P], false),
  wes: person('Wes', []),
  abe: person('Abe', [C]),
  eli: person('Eli', [P]),
  flo: person('Flo', [P]),
  cleo: person('Cleo', [P]),
};
const session = (groupIds: string[]): Session => ({
  id: uuidv7(),
  name: 'Count',
  location: null,
  groupIds,
  scheduledStart: AT,
  scheduledEnd: AT,
  actualStart: null,
  actualEnd: null,
  status: 'active',
  lateAfterMinutes: null,
});
const record = (
  sessionId: string,
  participantId: string,
  state: string | null,
  leftAt: string | null = null,
): LocalRecord => ({
  sessionId,
  participantId,
  state,
  method: 'qr',
  recordedAt: AT,
  recordedBy: 'u',
  deviceId: 'd',
  version: 1,
  hasConflict: false,
  conflictId: null,
  leftAt,
  pending: false,
});

const main = session([P]);
const mainRecords = [
  record(main.id, people.pia.id, 'present', '2026-11-22T10:00:00.000Z'),
  record(main.id, people.cal.id, 'late'),
  record(main.id, people.vic.id, 'online'),
  record(main.id, people.ina.id, 'present'),
  record(main.id, people.wes.id, 'present'),
  record(main.id, people.abe.id, 'absent'),
  record(main.id, people.eli.id, 'excused'),
  record(main.id, people.cleo.id, null),
];

/** The one definition, fed the fixture itself rather than anything read from the store. */
const shared = (s: Session, records: LocalRecord[]) =>
  countSession({
    sessionGroupIds: s.groupIds,
    groups,
    participants: Object.values(people),
    records,
    presentCodes: states.filter((x) => x.countsAsPresent).map((x) => x.code),
  });

async function store(name: string) {
  const db = new RollcallDb(`${name}-${uuidv7()}`);
  await db.groups.bulkPut(groups);
  await db.presenceStates.bulkPut(states);
  await db.participants.bulkPut(Object.values(people));
  return db;
}

describe('the device counts a session as countSession does', () => {
  it('the fixture: expected members of the groups and subgroups, arrivals with walk-ins', () => {
    // Pia, Cal, Vic, Abe, Eli, Flo and Cleo are expected (Ina is inactive); Pia, Cal, Vic, Ina
    // and Wes arrived, two of them walk-ins.
    expect(shared(main, mainRecords)).toEqual({
      expected: 7,
      arrived: 5,
      arrivedExpected: 3,
      walkIns: 2,
    });
  });

  it("the usher's sessions list: each session of the list as countSession counts it", async () => {
    const db = await store('sessions-list');
    const child = session([C]);
    const open = session([]); // no groups: nobody expected, everyone who came arrived
    const childRecords = [
      record(child.id, people.cal.id, 'late'),
      record(child.id, people.pia.id, 'present'),
    ];
    const openRecords = [record(open.id, people.wes.id, 'present')];
    await db.sessions.bulkPut([main, child, open]);
    await db.records.bulkPut([...mainRecords, ...childRecords, ...openRecords]);
    const counts = await countSessionsOnDevice(db, [main, child, open]);
    expect(counts.get(main.id)).toMatchObject(shared(main, mainRecords));
    expect(counts.get(child.id)).toMatchObject(shared(child, childRecords));
    expect(counts.get(open.id)).toMatchObject(shared(open, openRecords));
    db.close();
  });

  it('the door: the roster header says arrived of expected, the headcount who is still in', async () => {
    const db = await store('door');
    await db.sessions.put(main);
    await db.records.bulkPut(mainRecords);
    const count = (await countSessionsOnDevice(db, [main])).get(main.id)!;
    const { expected, arrived } = shared(main, mainRecords);
    expect({ expected: count.expected, arrived: count.arrived }).toEqual({ expected, arrived });
    // Pia was checked out: of the five who arrived, four are still in.
    expect(count.left).toBe(1);
    expect(stillIn(count)).toBe(arrived - 1);
    db.close();
  });

  it('follows the organization: states that stop counting as present stop counting', async () => {
    const db = await store('states');
    await db.sessions.put(main);
    await db.records.bulkPut(mainRecords);
    const [late, online] = [states[1]!, states[4]!];
    await db.presenceStates.bulkPut([late, online].map((s) => ({ ...s, countsAsPresent: false })));
    const count = (await countSessionsOnDevice(db, [main])).get(main.id)!;
    // Pia, Ina and Wes; Cal (late) and Vic (online) no longer count.
    expect(count.arrived).toBe(3);
    db.close();
  });
});

describe('a device that stored its people before the groupIds index', () => {
  it('counts them after the upgrade: IndexedDB indexes the rows already there', async () => {
    const name = `counts-upgrade-${uuidv7()}`;
    const old = new Dexie(name);
    old.version(2).stores({
      participants: 'id, personalCode, externalKey, qrToken, lastName, firstName',
      sessions: 'id, scheduledStart',
      groups: 'id',
      presenceStates: 'id, code',
      records: '[sessionId+participantId], sessionId, participantId, inConflict',
    });
    await old.table('groups').bulkPut(groups);
    await old.table('presenceStates').bulkPut(states);
    await old.table('participants').bulkPut(Object.values(people));
    await old.table('records').bulkPut(mainRecords);
    old.close();
    const db = new RollcallDb(name);
    const count = (await countSessionsOnDevice(db, [main])).get(main.id);
    expect(count).toMatchObject(shared(main, mainRecords));
    db.close();
  });
});

/** Rows handed out of IndexedDB per table: by query, by key and by cursor. */
function countReads(db: RollcallDb) {
  const rows = new Map<string, number>();
  const add = (table: string, n: number) => rows.set(table, (rows.get(table) ?? 0) + n);
  db.use({
    stack: 'dbcore',
    name: 'count-reads',
    create: (down) => ({
      ...down,
      table: (name) => {
        const t = down.table(name);
        return {
          ...t,
          get: async (req) => {
            const v: unknown = await t.get(req);
            if (v !== undefined) add(name, 1);
            return v;
          },
          getMany: async (req) => {
            const v = await t.getMany(req);
            add(name, v.filter((x) => x !== undefined).length);
            return v;
          },
          query: async (req) => {
            const r = await t.query(req);
            if (req.values) add(name, r.result.length);
            return r;
          },
          openCursor: async (req) => {
            const c = await t.openCursor(req);
            if (!c) return c;
            return Object.create(c, {
              value: {
                get: () => {
                  add(name, 1);
                  return c.value as unknown;
                },
              },
            }) as DBCoreCursor;
          },
        };
      },
    }),
  });
  return (table: string) => rows.get(table) ?? 0;
}

describe('reading the counts for a list of sessions', () => {
  it("reads the listed sessions' records and their people, not the whole store", async () => {
    const db = new RollcallDb(`reads-${uuidv7()}`);
    const read = countReads(db);
    await db.groups.bulkPut(groups);
    await db.presenceStates.bulkPut(states);
    // 2,000 people in another group and 100 other sessions of 100 records each (not listed).
    const others = Array.from({ length: 2000 }, (_, i) => person(`O${i}`, [OTHER]));
    await db.participants.bulkPut([...Object.values(people), ...others]);
    const unlisted = Array.from({ length: 100 }, () => session([OTHER]));
    await db.records.bulkPut(
      unlisted.flatMap((s) => others.slice(0, 100).map((p) => record(s.id, p.id, 'present'))),
    );
    // 50 listed sessions of the parent group, each with the fixture's records.
    const listed = Array.from({ length: 50 }, () => session([P]));
    await db.records.bulkPut(
      listed.flatMap((s) => mainRecords.map((r) => ({ ...r, sessionId: s.id }))),
    );
    const before = { records: read('records'), participants: read('participants') };
    const counts = await countSessionsOnDevice(db, listed);
    // Each listed record once; the groups' eight members (Ina too, inactive); Wes, a walk-in, is
    // counted from his record alone.
    expect(read('records') - before.records).toBe(50 * mainRecords.length);
    expect(read('participants') - before.participants).toBe(Object.keys(people).length - 1);
    for (const s of listed) expect(counts.get(s.id)).toMatchObject(shared(main, mainRecords));
    db.close();
  });
});
