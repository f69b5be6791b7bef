// What the conflict screen needs to be readable: when the server received each version, and a
// bell that stops counting a conflict once anyone has decided it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../../test/test-db.ts';
import {
  auth,
  change,
  createHarness,
  login,
  push,
  type Device,
  type Harness,
} from '../../test/harness.ts';

describe.each(dialects)('readable conflicts on %s', (dialect) => {
  let h: Harness;
  let ana: Device;
  let ben: Device;
  let admin: Device;
  let manager: Device;
  let conflictId: string;
  const pushedAt: string[] = [];
  beforeAll(async () => {
    h = await createHarness(dialect);
    ana = await login(h.app, 'usher1@demo.rollcall.test');
    ben = await login(h.app, 'usher2@demo.rollcall.test');
    admin = await login(h.app, 'admin@demo.rollcall.test');
    manager = await login(h.app, 'manager@demo.rollcall.test');
    const where = { sessionId: h.demo.sessions[0]!.id, participantId: h.demo.participants[0]!.id };
    // Each device records a minute before it manages to push: device time and server time differ.
    const recorded = h.clock.now();
    h.clock.advance(60_000);
    pushedAt.push(new Date(h.clock.now()).toISOString());
    await push(h.app, ana, [change(ana, recorded, { ...where, state: 'present' })]);
    h.clock.advance(60_000);
    pushedAt.push(new Date(h.clock.now()).toISOString());
    const res = await push(h.app, ben, [
      change(ben, recorded + 1000, { ...where, state: 'absent', method: 'manual' }),
    ]);
    conflictId = res.results[0]!.conflictId!;
  });
  afterAll(() => h.close());

  const unread = async (who: Device) =>
    (
      await h.app.inject({
        method: 'GET',
        url: '/api/v1/notifications/unread-count',
        headers: auth(who),
      })
    ).json().unreadCount as number;

  it('fills in the server time of both versions, in the list and in one conflict', async () => {
    const list = await h.app.inject({
      method: 'GET',
      url: '/api/v1/conflicts?status=open',
      headers: auth(manager),
    });
    const [item] = list.json().items;
    expect([item.versionA.receivedAt, item.versionB.receivedAt]).toEqual(pushedAt);
    const one = await h.app.inject({
      method: 'GET',
      url: `/api/v1/conflicts/${conflictId}`,
      headers: auth(admin),
    });
    expect(one.json().versionB.receivedAt).toBe(pushedAt[1]);
  });

  it("drops the conflict from every staff member's bell once an admin resolves it", async () => {
    expect(await unread(manager)).toBe(1);
    expect(await unread(admin)).toBe(1);
    const res = await h.app.inject({
      method: 'POST',
      url: `/api/v1/conflicts/${conflictId}/resolve`,
      headers: auth(admin),
      payload: { choice: 'keep_a' },
    });
    expect(res.statusCode).toBe(200);
    expect(await unread(manager)).toBe(0);
    expect(await unread(admin)).toBe(0);
  });
});
