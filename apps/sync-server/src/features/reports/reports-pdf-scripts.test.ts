// Names in every script print as they are written: Polish, Vietnamese, Korean (Hangul, also mixed
// with Latin in one string) and Arabic come back from the attendance sheet exactly, not folded
// ("Lucja") nor as "?".
import { uuidv7 } from '@rollcall/shared';
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
import { pdfText } from '../../test/pdf-text.ts';

const NAMES = [
  ['Łucja', 'Wiśniewska'],
  ['Nguyễn', 'Thị Ánh'],
  ['김민준', 'Kim'],
] as const;
const ARABIC = ['محمد', 'العلي'] as const;

describe.each(dialects)('PDF names in every script on %s', (dialect) => {
  let h: Harness;
  let admin: Device;
  let ana: Device;
  const AT = '2026-10-01T00:00:00.000Z';
  beforeAll(async () => {
    h = await createHarness(dialect);
    admin = await login(h.app, 'admin@demo.rollcall.test');
    ana = await login(h.app, 'usher1@demo.rollcall.test');
    const org = h.demo.organizationId;
    const people = [...NAMES, ARABIC].map(([first, last]) => {
      const id = uuidv7();
      return {
        id,
        organization_id: org,
        first_name: first,
        last_name: last,
        preferred_name: null,
        personal_code: `s-${id}`,
        external_key: null,
        qr_token: `s-${id}`,
        guardian_name: null,
        guardian_phone: null,
        active: 1,
        extra: '{}',
        created_at: AT,
        updated_at: AT,
        seq: 0,
      };
    });
    await h.db.kysely.insertInto('participants').values(people).execute();
    // Checked in as walk-ins: the sheet prints everyone with a record.
    for (const p of people)
      await push(h.app, ana, [
        change(ana, h.clock.now(), { sessionId: h.demo.sessions[0]!.id, participantId: p.id }),
      ]);
  });
  afterAll(() => h.close());

  it('prints each name on the attendance sheet exactly as written', async () => {
    const res = await h.app.inject({
      method: 'GET',
      url: `/api/v1/reports/attendance?sessionId=${h.demo.sessions[0]!.id}&format=pdf`,
      headers: auth(admin),
    });
    expect(res.statusCode, res.body).toBe(200);
    const { text } = await pdfText(res.rawPayload);
    for (const [first, last] of NAMES) expect(text).toContain(`${first} ${last}`);
    // Arabic is shaped and reads from the right, first name first; pdf.js drops the space
    // between right-to-left words when it reads the line back.
    const row = text.split('\n').find((l) => l.includes(ARABIC[0]));
    expect(row).toMatch(new RegExp(`\\| ${ARABIC[0]} ?${ARABIC[1]} \\| walk-in \\| Present \\|`));
    expect(text).not.toContain('?');
  });
});
