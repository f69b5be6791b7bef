// Retention on a device: attendance the device pulled and the operator's retention command later
// removes is dropped from the device (IndexedDB) on its next sync, not kept forever.
import { execFile } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { expect, test, type Page } from '@playwright/test';
import type { Participant } from '@rollcall/shared';
import { AppPage } from './page-models/app-page.ts';
import { adminApi, launchServer, type TestServer } from './support/server.ts';

const serverRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../sync-server');
let server: TestServer;
test.beforeAll(async () => {
  server = await launchServer();
});
test.afterAll(async () => {
  await server?.dispose();
});

/** Records this device holds for a session, read from its IndexedDB as the app stores them. */
const recordsOn = (page: Page, sessionId: string) =>
  page.evaluate(
    (id) =>
      new Promise<number>((ok, fail) => {
        const open = indexedDB.open('rollcall');
        open.onerror = () => fail(open.error ?? new Error('indexedDB.open failed'));
        open.onsuccess = () => {
          const db = open.result;
          const req = db.transaction('records').objectStore('records').index('sessionId').count(id);
          req.onsuccess = () => {
            db.close();
            ok(req.result);
          };
          req.onerror = () => fail(req.error ?? new Error('count failed'));
        };
      }),
    sessionId,
  );

test('records removed by retention leave the device on its next sync', async ({ page }) => {
  const admin = await adminApi(server.url);
  const send = async (method: string, path: string, body: object) => {
    const r = await fetch(`${server.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${admin.token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    expect(r.status, await r.clone().text()).toBe(200);
    return r.json();
  };
  // Attendance of a session two months ago, imported while the limit is still the default 3 years.
  const day = new Date(Date.now() - 62 * 86_400_000).toISOString().slice(0, 10);
  const people = (await admin.get<{ items: Participant[] }>('/api/v1/participants?limit=3')).items;
  await send('POST', '/api/v1/imports/attendance', {
    timeZone: 'UTC',
    dryRun: false,
    rows: people.map((p) => ({
      session_name: 'Old Bible Study',
      session_date: day,
      session_time: '10:00',
      personal_code: p.personalCode,
      state: 'present',
    })),
  });
  const sessions = await admin.get<{ items: { id: string; name: string }[] }>(
    `/api/v1/sessions?from=${day}T00:00:00Z&to=${day}T23:59:59Z`,
  );
  const old = sessions.items.find((s) => s.name === 'Old Bible Study')!;

  const app = new AppPage(page, server.url);
  await app.login('usher1@demo.rollcall.test');
  await expect.poll(() => recordsOn(page, old.id)).toBe(3);

  // The organization now keeps attendance for one month; the operator runs retention.
  await send('PUT', '/api/v1/organization/retention', { presenceYears: 1 / 12, auditYears: 1 });
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['--import', 'tsx', 'src/cli.ts', 'retention', '--execute'],
    { cwd: serverRoot, env: { ...process.env, SQLITE_PATH: server.sqlitePath } },
  );
  expect(stdout).toMatch(/Grace Community Church[^\n]*:\n[^\n]*removed 3 records/);

  await page.reload(); // starting the app syncs (so does its 30 s timer)
  await expect(page.getByTestId('sync-status')).toBeVisible();
  await expect.poll(() => recordsOn(page, old.id), { timeout: 20_000 }).toBe(0);
});
