// A 100,000-row CSV export streams: every row arrives, and the server's live heap while it streams
// stays a small fraction of what holding those rows would take. Both are measured in this process
// after a forced GC: first the rows held as report rows (the JSON objects an in-memory export would
// build), then the live heap, sampled every 10,000 lines (or megabyte of PDF) and every 50 ms, while
// the response streams through app.inject (whose stream honours backpressure, like a socket). The
// PDF of the same rows streams the same way, a page of rows at a time.
import v8 from 'node:v8';
import vm from 'node:vm';
import { uuidv7 } from '@rollcall/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects } from '../../test/test-db.ts';
import { auth, createHarness, login, type Device, type Harness } from '../../test/harness.ts';
import { resolveScope } from './report-scope.ts';
import { rowPages } from './reports.service.ts';

v8.setFlagsFromString('--expose-gc');
const gc = ((globalThis as { gc?: () => void }).gc ?? vm.runInNewContext('gc')) as () => void;
const liveHeap = () => {
  gc();
  return process.memoryUsage().heapUsed;
};
const MB = 1024 * 1024;
const PEOPLE = 10_000;
const SESSIONS = 10;

async function seed(h: Harness, groupId: string) {
  const org = h.demo.organizationId;
  const db = h.db.kysely;
  const at = '2026-01-01T00:00:00.000Z';
  await db
    .insertInto('groups')
    .values({
      id: groupId,
      organization_id: org,
      name: 'Export',
      parent_id: null,
      active: 1,
      updated_at: at,
      seq: 0,
    })
    .execute();
  const people = Array.from({ length: PEOPLE }, () => uuidv7());
  for (let i = 0; i < PEOPLE; i += 1000) {
    await db
      .insertInto('participants')
      .values(
        people.slice(i, i + 1000).map((id, j) => ({
          id,
          organization_id: org,
          first_name: `First${(i + j) % 97}`,
          last_name: `Lastname-${String(i + j).padStart(5, '0')}`,
          preferred_name: null,
          personal_code: `x${i + j}`,
          external_key: null,
          qr_token: `export-${i + j}`,
          guardian_name: null,
          guardian_phone: null,
          active: 1,
          extra: '{}',
          created_at: at,
          updated_at: at,
          seq: 0,
        })),
      )
      .execute();
    await db
      .insertInto('group_memberships')
      .values(
        people
          .slice(i, i + 1000)
          .map((id) => ({ organization_id: org, group_id: groupId, participant_id: id })),
      )
      .execute();
  }
  for (let s = 0; s < SESSIONS; s++) {
    const sessionId = uuidv7();
    const start = `2026-10-${String(s + 1).padStart(2, '0')}T10:00:00.000Z`;
    await db
      .insertInto('sessions')
      .values({
        id: sessionId,
        organization_id: org,
        name: `Export ${s}`,
        location: null,
        scheduled_start: start,
        scheduled_end: start,
        actual_start: null,
        actual_end: null,
        status: 'completed',
        late_after_minutes: null,
        updated_at: at,
        seq: 0,
      })
      .execute();
    await db
      .insertInto('session_groups')
      .values({ organization_id: org, session_id: sessionId, group_id: groupId })
      .execute();
    const recorded = people.filter((_, i) => (i + s) % 5 !== 0); // 80% have a record
    for (let i = 0; i < recorded.length; i += 1000) {
      await db
        .insertInto('presence_records')
        .values(
          recorded.slice(i, i + 1000).map((participantId, j) => ({
            id: uuidv7(),
            organization_id: org,
            session_id: sessionId,
            participant_id: participantId,
            state: (i + j) % 10 === 0 ? 'late' : 'present',
            method: 'qr',
            recorded_at: start,
            recorded_by: h.demo.users.usher1!,
            device_id: h.demo.users.usher1!,
            change_id: uuidv7(),
            version: 1,
            has_conflict: 0,
            conflict_id: null,
            key_state: '{}',
            created_at: start,
            updated_at: start,
            seq: 0,
          })),
        )
        .execute();
    }
  }
}

/** What holding every row would take: the live heap of the report rows, all at once. */
async function holdingCost(h: Harness, query: { groupId: string; from: string; to: string }) {
  const before = liveHeap();
  const scope = await resolveScope(h.db.kysely, h.demo.organizationId, query, h.clock.now(), {
    needsTarget: true,
  });
  const held = [];
  for await (const page of rowPages(h.db.kysely, scope, { kind: 'all' }, new Map(), PEOPLE))
    held.push(...page);
  const holding = liveHeap() - before;
  expect(held).toHaveLength(PEOPLE * SESSIONS);
  return holding;
}

describe.each(dialects)('a 100,000-row CSV export on %s', (dialect) => {
  let h: Harness;
  let manager: Device;
  const groupId = uuidv7();
  beforeAll(async () => {
    h = await createHarness(dialect);
    manager = await login(h.app, 'manager@demo.rollcall.test');
    await seed(h, groupId);
  }, 180_000);
  afterAll(() => h.close());

  const query = { groupId, from: '2026-10-01', to: '2026-10-31' };
  let holding = 0;
  beforeAll(async () => {
    holding = await holdingCost(h, query);
    expect(holding).toBeGreaterThan(20 * MB); // so the comparisons below mean something
  }, 60_000);

  /** Streams the export, sampling the live heap when `sampleNow` says so and every `everyMs`. */
  async function streamed(
    format: 'csv' | 'pdf',
    onChunk: (chunk: Buffer) => void,
    sampleNow: () => boolean,
    everyMs: number,
  ) {
    const base = liveHeap();
    const samples: number[] = [];
    // Sampled on a timer too, so a server that gathered everything before its first byte shows up.
    const timer = setInterval(() => samples.push(liveHeap() - base), everyMs);
    const res = await h.app.inject({
      method: 'GET',
      url: `/api/v1/reports/attendance?groupId=${groupId}&from=${query.from}&to=${query.to}&format=${format}`,
      headers: auth(manager),
      payloadAsStream: true,
    });
    expect(res.statusCode).toBe(200);
    for await (const chunk of res.stream()) {
      onChunk(chunk as Buffer);
      if (sampleNow()) samples.push(liveHeap() - base);
    }
    clearInterval(timer);
    return { contentType: res.headers['content-type'], samples, peak: Math.max(...samples) };
  }

  it('streams every row while holding a page, not the export', async () => {
    let lines = 0;
    let bytes = 0;
    let nextSample = 10_000;
    const { contentType, samples, peak } = await streamed(
      'csv',
      (chunk) => {
        bytes += chunk.length;
        for (const b of chunk) if (b === 10) lines += 1;
      },
      () => lines >= nextSample && Boolean((nextSample += 10_000)),
      50,
    );
    console.log(
      `${dialect}: ${lines} lines, ${(bytes / MB).toFixed(1)} MB of CSV; holding the rows: ${(holding / MB).toFixed(1)} MB of heap; live heap growth while streaming: at most ${(peak / MB).toFixed(2)} MB over ${samples.length} samples`,
    );
    expect(contentType).toMatch(/^text\/csv/);
    expect(samples.length).toBeGreaterThanOrEqual(10);
    expect(lines).toBe(PEOPLE * SESSIONS + 1);
    expect(peak).toBeLessThan(holding / 4);
  }, 180_000);

  it('streams the same rows as a PDF, page by page', async () => {
    let bytes = 0;
    let pages = 0;
    let head = '';
    let tail = '';
    let nextSample = MB;
    const { contentType, samples, peak } = await streamed(
      'pdf',
      (chunk) => {
        if (bytes === 0) head = chunk.subarray(0, 5).toString('latin1');
        bytes += chunk.length;
        // pdfkit writes each object in one piece, so a page's dictionary never straddles two chunks.
        pages += chunk.toString('latin1').match(/\/Type \/Page\b(?!s)/g)?.length ?? 0;
        tail = chunk.toString('latin1');
      },
      () => bytes >= nextSample && Boolean((nextSample += MB)),
      250,
    ); // drawing takes longer: fewer forced GCs
    console.log(
      `${dialect}: ${pages} PDF pages, ${(bytes / MB).toFixed(1)} MB; live heap growth while streaming: at most ${(peak / MB).toFixed(2)} MB over ${samples.length} samples`,
    );
    expect([contentType, head]).toEqual(['application/pdf', '%PDF-']);
    expect(tail).toContain('%%EOF');
    expect(pages).toBeGreaterThan((PEOPLE * SESSIONS) / 46); // 45 rows of 15 pt to a page, the first page fewer
    expect(samples.length).toBeGreaterThanOrEqual(4);
    expect(peak).toBeLessThan(holding / 4);
    // A memory test, not a speed test: 2,223 pages with a forced GC every 250 chunks take about
    // three minutes on two cores, so the limit leaves room (speed is bench/'s business).
  }, 420_000);
});
