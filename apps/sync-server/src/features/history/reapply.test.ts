// An admin re-applies a rejected change after fixing its cause; it is applied once, as its device.
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

describe.each(dialects)('re-applying a rejected change on %s', (dialect) => {
  let h: Harness;
  let admin: Device;
  let usher: Device;
  beforeAll(async () => {
    h = await createHarness(dialect);
    admin = await login(h.app, 'admin@demo.rollcall.test');
    usher = await login(h.app, 'usher1@demo.rollcall.test');
  });
  afterAll(() => h.close());

  it('stays rejected until the cause is fixed, then applies once and is marked re-applied', async () => {
    const session = h.demo.sessions[1]!.id;
    const p = h.demo.participants[0]!.id;
    const patch = (status: string) =>
      h.app.inject({
        method: 'PATCH',
        url: `/api/v1/sessions/${session}`,
        headers: auth(admin),
        payload: { status },
      });
    expect((await patch('canceled')).statusCode).toBe(200);
    const pushed = await push(h.app, usher, [
      change(usher, h.clock.now(), { sessionId: session, participantId: p, state: 'present' }),
    ]);
    expect(pushed.results[0]).toMatchObject({ status: 'rejected', code: 'session_canceled' });
    const detail = (
      await h.app.inject({
        method: 'GET',
        url: `/api/v1/sync-history/${pushed.historyId}`,
        headers: auth(admin),
      })
    ).json();
    const rejection = detail.rejections[0];
    expect(rejection).toMatchObject({ code: 'session_canceled', reappliedAt: null });
    const reapply = () =>
      h.app.inject({
        method: 'POST',
        url: `/api/v1/sync-rejections/${rejection.id}/reapply`,
        headers: auth(admin),
      });

    const early = await reapply();
    expect(early.statusCode).toBe(422);
    expect(early.json().message).toMatch(/canceled/);
    expect(
      (
        await h.app.inject({
          method: 'POST',
          url: `/api/v1/sync-rejections/${rejection.id}/reapply`,
          headers: auth(usher),
        })
      ).statusCode,
    ).toBe(403);

    expect((await patch('active')).statusCode).toBe(200);
    const ok = await reapply();
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ status: 'applied', changeId: rejection.changeId });
    expect((await reapply()).statusCode).toBe(409);
    const { records } = await pullAll(h.app, usher);
    expect(records.filter((r) => r.sessionId === session && r.participantId === p)).toMatchObject([
      { state: 'present', recordedBy: usher.userId, deviceId: usher.deviceId },
    ]);
    const after = (
      await h.app.inject({
        method: 'GET',
        url: `/api/v1/sync-history/${pushed.historyId}`,
        headers: auth(admin),
      })
    ).json();
    expect(after.rejections[0].reappliedAt).not.toBeNull();
  });
});
