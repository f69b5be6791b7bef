// Participant import: every row checked before anything is written, all or nothing, and a second
// import of the same file changes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../../test/test-db.ts';
import {
  auth,
  createHarness,
  login,
  pullAll,
  type Device,
  type Harness,
} from '../../test/harness.ts';

describe.each(dialects)('participant import on %s', (dialect) => {
  let h: Harness;
  let admin: Device;
  let usher: Device;
  beforeAll(async () => {
    h = await createHarness(dialect);
    admin = await login(h.app, 'admin@demo.rollcall.test');
    usher = await login(h.app, 'usher1@demo.rollcall.test');
  });
  afterAll(() => h.close());

  const send = (rows: object[], dryRun: boolean, who = admin) =>
    h.app.inject({
      method: 'POST',
      url: '/api/v1/imports/participants',
      headers: auth(who),
      payload: { rows, dryRun },
    });
  const count = async () =>
    (
      await h.db.kysely
        .selectFrom('participants')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('organization_id', '=', h.demo.organizationId)
        .executeTakeFirstOrThrow()
    ).n;
  const existing = () => h.demo.participants[0]!;
  const good = () => [
    { first_name: 'Ama', last_name: 'Mensah', external_key: 'IMP-001', groups: 'Choir' },
    {
      first_name: 'Kojo',
      last_name: 'Asante',
      personal_code: '00001',
      groups: 'Choir; Young Adults',
    },
    // The same person (code and name agree) with a new phone: an update.
    {
      first_name: existing().name.split(' ')[0],
      last_name: existing().name.split(' ').slice(1).join(' '),
      personal_code: existing().personalCode,
      guardian_phone: '+233 20 555 0101',
    },
  ];

  it('lists every bad row with its field and writes nothing', async () => {
    const before = Number(await count());
    const rows = [
      ...good(),
      { first_name: '', last_name: 'Nobody' },
      { first_name: 'Bad', personal_code: '12ab' },
      { first_name: 'Twin', personal_code: '00001' },
      { first_name: 'Lost', groups: 'Chess club' },
    ];
    const dry = await send(rows, true);
    expect(dry.statusCode).toBe(200);
    expect(dry.json().problems).toEqual([
      { row: 4, field: 'first_name', message: 'is required' },
      { row: 5, field: 'personal_code', message: '"12ab" is not 5 digits' },
      { row: 6, field: 'personal_code', message: '00001 is also on row 2' },
      { row: 7, field: 'groups', message: 'no group is called "Chess club"' },
    ]);
    const real = await send(rows, false);
    expect(real.statusCode).toBe(422);
    expect(real.json().message).toMatch(/4 problem\(s\).*nothing was imported/);
    expect(Number(await count())).toBe(before);
  });

  it('creates and updates in one go, devices pull the result, and a re-import changes nothing', async () => {
    const before = Number(await count());
    expect((await send(good(), true)).json()).toMatchObject({
      dryRun: true,
      created: 2,
      updated: 1,
      unchanged: 0,
      problems: [],
    });
    const first = await send(good(), false);
    expect(first.json()).toMatchObject({
      dryRun: false,
      total: 3,
      created: 2,
      updated: 1,
      unchanged: 0,
    });
    expect(Number(await count())).toBe(before + 2);
    const pulled = (await pullAll(h.app, usher)).participants;
    expect(pulled.find((p) => p.externalKey === 'IMP-001')).toMatchObject({
      firstName: 'Ama',
      groupIds: [expect.any(String)],
    });
    expect(pulled.find((p) => p.id === existing().id)).toMatchObject({
      guardianPhone: '+233 20 555 0101',
    });
    expect((await send(good(), false)).json()).toMatchObject({
      created: 0,
      updated: 0,
      unchanged: 3,
    });
    expect(Number(await count())).toBe(before + 2);
  });

  describe('a row that names someone else by code or key', () => {
    const hannah = {
      first_name: 'Hannah',
      last_name: 'Acheampong',
      personal_code: '12345',
      external_key: 'HA-1',
    };
    const person = async (key: string) =>
      h.db.kysely
        .selectFrom('participants')
        .select(['first_name', 'last_name', 'personal_code', 'guardian_phone', 'seq'])
        .where('organization_id', '=', h.demo.organizationId)
        .where('external_key', '=', key)
        .executeTakeFirstOrThrow();
    beforeAll(async () => {
      expect(h.demo.participants.map((p) => p.personalCode)).not.toContain('12345');
      expect((await send([hannah], false)).json()).toMatchObject({ created: 1 });
    });

    it('is a problem shown by the check, and the import writes nothing', async () => {
      const before = await person('HA-1');
      const demoKey = '24-002'; // the second demo participant's
      const rows = [
        { first_name: 'Efua', last_name: 'Boateng', personal_code: '12345' },
        { first_name: 'Efua', last_name: 'Boateng', external_key: 'HA-1' },
        { first_name: 'Kwame', last_name: 'New', personal_code: '54321' },
      ];
      const dry = (await send(rows, true)).json();
      expect(dry).toMatchObject({ created: 1, updated: 0, unchanged: 0 });
      expect(dry.problems).toEqual([
        {
          row: 1,
          field: 'personal_code',
          message: expect.stringContaining('personal code 12345 belongs to Hannah Acheampong'),
        },
        {
          row: 2,
          field: 'external_key',
          message: expect.stringContaining('external key HA-1 belongs to Hannah Acheampong'),
        },
      ]);
      const real = await send(rows, false);
      expect(real.statusCode).toBe(422);
      expect(await person('HA-1')).toEqual(before);

      const twoPeople = [
        { first_name: 'Efua', last_name: 'Boateng', personal_code: '12345', external_key: demoKey },
      ];
      expect((await send(twoPeople, true)).json().problems).toEqual([
        {
          row: 1,
          field: 'personal_code',
          message: expect.stringMatching(
            new RegExp(`personal code 12345 belongs to Hannah Acheampong.*${demoKey}`),
          ),
        },
      ]);
      expect((await send(twoPeople, false)).statusCode).toBe(422);
      expect(await person('HA-1')).toEqual(before);
      expect(await person(demoKey)).toMatchObject({
        personal_code: h.demo.participants[1]!.personalCode,
      });
    });

    it('is an update when the name agrees, and a name correction needs both key and code', async () => {
      const phone = { ...hannah, first_name: ' hannah', guardian_phone: '+233 24 000 1111' };
      expect((await send([phone], false)).json()).toMatchObject({ updated: 1, problems: [] });
      expect(await person('HA-1')).toMatchObject({ guardian_phone: '+233 24 000 1111' });

      const renamed = { ...hannah, last_name: 'Acheampong-Mensah' };
      const onlyCode = { ...renamed, external_key: '' };
      expect((await send([onlyCode], true)).json().problems).toEqual([
        {
          row: 1,
          field: 'personal_code',
          message: expect.stringContaining('personal code 12345 belongs to'),
        },
      ]);
      expect((await send([renamed], false)).json()).toMatchObject({ updated: 1, problems: [] });
      expect(await person('HA-1')).toMatchObject({ last_name: 'Acheampong-Mensah' });
    });

    it('two rows for one person are a problem', async () => {
      const current = await person('HA-1');
      const rows = [
        { first_name: 'Hannah', last_name: current.last_name, external_key: 'HA-1' },
        { first_name: 'Hannah', last_name: current.last_name, personal_code: '12345' },
      ];
      expect((await send(rows, true)).json().problems).toEqual([
        { row: 2, field: 'personal_code', message: expect.stringContaining('row 1') },
      ]);
    });
  });

  it('is for admins, and offers a template', async () => {
    expect((await send(good(), true, usher)).statusCode).toBe(403);
    const t = await h.app.inject({
      method: 'GET',
      url: '/api/v1/imports/participants/template.csv',
      headers: auth(admin),
    });
    expect(t.body.split('\r\n')[0]).toBe(
      'first_name,last_name,preferred_name,personal_code,external_key,guardian_name,guardian_phone,groups',
    );
  });
});
