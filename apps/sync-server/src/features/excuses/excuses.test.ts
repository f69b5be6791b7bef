// Excuses: submit (admin or manager), decide (admin), and approval as a normal versioned change.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../../test/test-db.ts';
import {
  auth,
  change,
  createHarness,
  login,
  pullAll,
  push,
  type Device,
  type Harness,
} from '../../test/harness.ts';

describe.each(dialects)('excuses on %s', (dialect) => {
  let h: Harness;
  let admin: Device;
  let manager: Device;
  let usher: Device;
  let session: string;
  beforeAll(async () => {
    h = await createHarness(dialect);
    admin = await login(h.app, 'admin@demo.rollcall.test');
    manager = await login(h.app, 'manager@demo.rollcall.test');
    usher = await login(h.app, 'usher1@demo.rollcall.test');
    session = h.demo.sessions[0]!.id;
  });
  afterAll(() => h.close());

  const submit = (who: Device, participantId: string, extra: object = {}) =>
    h.app.inject({
      method: 'POST',
      url: '/api/v1/excuses',
      headers: auth(who),
      payload: { sessionId: session, participantId, reason: 'Sick with flu', ...extra },
    });
  const decide = (who: Device, id: string, verb: 'approve' | 'reject') =>
    h.app.inject({
      method: 'POST',
      url: `/api/v1/excuses/${id}/${verb}`,
      headers: auth(who),
      payload: { note: 'checked' },
    });

  it('turns an absent record into excused with a new version that devices pull, and audits it', async () => {
    const p = h.demo.participants[0]!.id;
    await push(h.app, usher, [
      change(usher, h.clock.now(), {
        sessionId: session,
        participantId: p,
        state: 'absent',
        method: 'manual',
      }),
    ]);
    const sub = await submit(manager, p, {
      attachment: {
        name: 'note.txt',
        type: 'text/plain',
        base64: Buffer.from('doctor note').toString('base64'),
      },
    });
    expect(sub.statusCode).toBe(201);
    const id = sub.json().id;
    expect((await decide(manager, id, 'approve')).statusCode).toBe(403);
    const ok = await decide(admin, id, 'approve');
    expect(ok.json()).toEqual({ status: 'approved', recordVersion: 2 });
    const { records } = await pullAll(h.app, usher);
    expect(records.find((r) => r.participantId === p)).toMatchObject({
      state: 'excused',
      version: 2,
      hasConflict: false,
    });
    const again = await decide(admin, id, 'approve');
    expect(again.statusCode).toBe(409);
    const audit = await h.db.kysely
      .selectFrom('audit_log')
      .select(['action', 'entity'])
      .where('entity', 'in', ['excuse', 'presence_record'])
      .execute();
    expect(audit.map((a) => `${a.entity}:${a.action}`)).toEqual(
      expect.arrayContaining(['excuse:submit', 'excuse:approve', 'presence_record:excuse']),
    );
    const file = await h.app.inject({
      method: 'GET',
      url: `/api/v1/excuses/${id}/attachment`,
      headers: auth(admin),
    });
    expect(file.body).toBe('doctor note');
    const listed = await h.app.inject({
      method: 'GET',
      url: '/api/v1/excuses?status=approved',
      headers: auth(manager),
    });
    expect(listed.json().items).toMatchObject([
      { id, status: 'approved', decidedBy: 'Grace Admin', attachmentName: 'note.txt' },
    ]);
  });

  it('serves an attachment as a download of a safe type, whatever its name and declared type', async () => {
    const p = h.demo.participants[5]!.id;
    const sub = await submit(manager, p, {
      attachment: {
        name: 'Łucja 김민준 "note".js',
        type: 'text/javascript',
        base64: Buffer.from('alert(document.cookie)').toString('base64'),
      },
    });
    expect(sub.statusCode).toBe(201);
    const file = await h.app.inject({
      method: 'GET',
      url: `/api/v1/excuses/${sub.json().id}/attachment`,
      headers: auth(admin),
    });
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('application/octet-stream');
    expect(file.headers['x-content-type-options']).toBe('nosniff');
    const disposition = String(file.headers['content-disposition']);
    expect(disposition).toMatch(/^attachment; filename="[\x20-\x7e]+"; filename\*=UTF-8''/);
    expect(decodeURIComponent(disposition.split("UTF-8''")[1]!)).toBe('Łucja 김민준 "note".js');
  });

  it('creates an excused record when nobody recorded the participant, and a rejection changes nothing', async () => {
    const [p1, p2] = [h.demo.participants[1]!.id, h.demo.participants[2]!.id];
    const a = (await submit(admin, p1)).json().id;
    const b = (await submit(admin, p2)).json().id;
    expect((await decide(admin, a, 'approve')).json()).toEqual({
      status: 'approved',
      recordVersion: 1,
    });
    expect((await decide(admin, b, 'reject')).json()).toEqual({
      status: 'rejected',
      recordVersion: null,
    });
    const { records } = await pullAll(h.app, usher);
    expect(records.find((r) => r.participantId === p1)?.state).toBe('excused');
    expect(records.find((r) => r.participantId === p2)).toBeUndefined();
  });

  it('resolves an open conflict on the record when the excuse is approved', async () => {
    const p = h.demo.participants[3]!.id;
    const ben = await login(h.app, 'usher2@demo.rollcall.test');
    await push(h.app, usher, [
      change(usher, h.clock.now(), { sessionId: session, participantId: p, state: 'present' }),
    ]);
    const c = await push(h.app, ben, [
      change(ben, h.clock.now(), { sessionId: session, participantId: p, state: 'absent' }),
    ]);
    expect(c.results[0]!.status).toBe('conflict');
    const id = (await submit(admin, p)).json().id;
    expect((await decide(admin, id, 'approve')).statusCode).toBe(200);
    const conflict = await h.app.inject({
      method: 'GET',
      url: `/api/v1/conflicts/${c.results[0]!.conflictId}`,
      headers: auth(admin),
    });
    expect(conflict.json()).toMatchObject({
      status: 'resolved',
      resolution: { choice: 'state', state: 'excused' },
    });
  });

  it('refuses ushers, bad input and another organization', async () => {
    const p = h.demo.participants[4]!.id;
    expect((await submit(usher, p)).statusCode).toBe(403);
    const bad = await submit(admin, p, { reason: '' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toMatch(/reason/);
    expect((await submit(admin, h.other.participants[0]!.id)).statusCode).toBe(404);
    const foreign = await login(h.app, 'admin@other.demo.rollcall.test');
    expect(
      (await h.app.inject({ method: 'GET', url: '/api/v1/excuses', headers: auth(foreign) })).json()
        .items,
    ).toEqual([]);
  });
});
