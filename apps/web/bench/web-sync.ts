// Device-side benchmarks in Debian's Chromium against the real server (SQLite):
//  - scan-to-commit: from a decoded badge text to the committed record + outbox entry, 500 scans,
//    next to a bare IndexedDB put measured in the same page;
//  - drain: N queued changes after reconnect, until every entry is acknowledged and the pull applied.
//   pnpm --filter @rollcall/web bench      (needs `vite build` first)
//   … bench -- --stored=100000  scans with that many records of past sessions already on the device
//   … bench -- --profile  also prints the page's hottest functions during the scans (CPU profile
//   over CDP), by self time and by total time (build with `vite build --minify false` to read names)
import { chromium, type Page } from '@playwright/test';
import { formatBadgePayload, type Participant, type Session } from '@rollcall/shared';
import { CHROMIUM_ARGS } from '../playwright.config.ts';
import { adminApi, launchServer } from '../e2e/support/server.ts';

const SCANS = 500;
const DRAINS = process.argv.includes('--quick') ? [1000] : [1000, 10_000];
const PROFILE = process.argv.includes('--profile');
const STORED = Number(
  /^--stored=(\d+)$/.exec(process.argv.find((a) => a.startsWith('--stored=')) ?? '')?.[1] ?? 0,
);

const server = await launchServer();
try {
  const admin = await adminApi(server.url);
  const post = async (path: string, body: unknown) => {
    const r = await fetch(`${server.url}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${admin.token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (!r.ok) throw new Error(`${path}: ${r.status} ${await r.text()}`);
  };
  // 200 demo participants × (3 + 50) sessions gives enough distinct records for 10,000 changes.
  for (let i = 0; i < 50; i++)
    await post('/api/v1/sessions', {
      name: `Bench ${i}`,
      scheduledStart: new Date(Date.now() - 3600_000).toISOString(),
      scheduledEnd: new Date(Date.now() + 3600_000).toISOString(),
      status: 'active',
    });
  const people = (await admin.get<{ items: Participant[] }>('/api/v1/participants?limit=1000'))
    .items;
  const sessions = (await admin.get<{ items: Session[] }>('/api/v1/sessions')).items;
  const badges = people.map((p) => formatBadgePayload(admin.organizationId, p.qrToken));

  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
  const page = await browser.newPage();
  // tsx keeps function names with a `__name` helper that the page does not have.
  await page.addInitScript('globalThis.__name = (f) => f');
  await page.goto(server.url);
  await page.getByLabel('Email').fill('usher1@demo.rollcall.test');
  await page.getByLabel('Password').fill('rollcall-demo');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Today' }).waitFor();
  await page.goto(`${server.url}/?bench`);
  await page.getByRole('heading', { name: 'Today' }).waitFor();
  await page.waitForFunction(() => 'rollcallBench' in globalThis);
  // Measured where ushers stand: on the check-in screen, with its live roster and headcount.
  await page.getByRole('button', { name: /Sunday Service/ }).click();
  await page.getByRole('heading', { name: 'Sunday Service' }).waitFor();

  // A device that has served for months: records of past sessions (not today's) fill its store.
  if (STORED > 0)
    await page.evaluate(
      async ({ stored, peopleIds }) => {
        const b = (globalThis as any).rollcallBench; // eslint-disable-line @typescript-eslint/no-explicit-any
        const login = (await b.db.meta.get('login')).value;
        const at = new Date(Date.now() - 30 * 86_400_000).toISOString();
        for (let from = 0; from < stored; from += 10_000) {
          const rows = [];
          for (let i = from; i < Math.min(stored, from + 10_000); i++)
            rows.push({
              sessionId: `past-${Math.floor(i / peopleIds.length)}`,
              participantId: peopleIds[i % peopleIds.length],
              state: 'present',
              method: 'qr',
              recordedAt: at,
              recordedBy: login.user.id,
              deviceId: login.deviceId,
              version: 1,
              hasConflict: false,
              conflictId: null,
              pending: false,
            });
          await b.db.records.bulkPut(rows);
        }
      },
      { stored: STORED, peopleIds: people.map((p) => p.id) },
    );

  const scan = await profiled(page, () =>
    page.evaluate(
      async ({ badges, sessionIds, orgId, n }) => {
        const b = (globalThis as any).rollcallBench; // eslint-disable-line @typescript-eslint/no-explicit-any
        await b.engine.stop();
        const login = (await b.db.meta.get('login')).value;
        const who = { deviceId: login.deviceId, userId: login.user.id, now: () => Date.now() };
        const ours: number[] = [];
        const lookups: number[] = [];
        for (let i = 0; i < n; i++) {
          const t0 = performance.now();
          const found = await b.lookupScan(b.db, badges[i % badges.length], orgId);
          lookups.push(performance.now() - t0);
          await b.recordPresence(b.db, who, {
            sessionId: sessionIds[Math.floor(i / badges.length)],
            participantId: found.participant.id,
            state: 'present',
            method: 'qr',
            checkIn: true,
          });
          ours.push(performance.now() - t0);
        }
        // The floor: one put into a bare object store, in its own transaction, in the same page.
        const raw: number[] = await new Promise((resolve) => {
          const open = indexedDB.open('bench-raw', 1);
          open.onupgradeneeded = () => open.result.createObjectStore('s', { keyPath: 'id' });
          open.onsuccess = async () => {
            const idb = open.result;
            const times: number[] = [];
            for (let i = 0; i < n; i++) {
              const t0 = performance.now();
              await new Promise<void>((ok) => {
                const tx = idb.transaction('s', 'readwrite');
                tx.objectStore('s').put({ id: i, v: badges[i % badges.length] });
                tx.oncomplete = () => ok();
              });
              times.push(performance.now() - t0);
            }
            resolve(times);
          };
        });
        await b.db.outbox.clear();
        return { ours, raw, lookups };
      },
      { badges, sessionIds: sessions.map((s) => s.id), orgId: admin.organizationId, n: SCANS },
    ),
  );

  const drains = [];
  for (const n of DRAINS) {
    drains.push(
      await page.evaluate(
        async ({ n, sessionIds, peopleIds }) => {
          const b = (globalThis as any).rollcallBench; // eslint-disable-line @typescript-eslint/no-explicit-any
          const login = (await b.db.meta.get('login')).value;
          const who = { deviceId: login.deviceId, userId: login.user.id, now: () => Date.now() };
          await b.db.records.clear();
          const states = ['late', 'absent', 'excused', 'present'];
          const state = states[n % 4];
          await b.db.transaction('rw', [b.db.records, b.db.outbox, b.db.meta], async () => {
            for (let i = 0; i < n; i++)
              await b.recordPresence(b.db, who, {
                sessionId: sessionIds[Math.floor(i / peopleIds.length) % sessionIds.length],
                participantId: peopleIds[i % peopleIds.length],
                state,
                method: 'manual',
              });
          });
          const t0 = performance.now();
          await b.pushOutbox();
          const pushMs = performance.now() - t0;
          await b.engine.syncNow();
          const ms = performance.now() - t0;
          return { n, ms, pushMs, left: await b.db.outbox.count() };
        },
        { n, sessionIds: sessions.map((s) => s.id), peopleIds: people.map((p) => p.id) },
      ),
    );
  }
  await browser.close();

  const pct = (xs: number[], p: number) =>
    [...xs].sort((a, b) => a - b)[Math.ceil((p / 100) * xs.length) - 1]!;
  const f = (x: number) => x.toFixed(2);
  console.log(
    `\n| measure (${SCANS} scans, ${STORED} records stored, Chromium ${browser.version()}) | median ms | p95 ms |\n| --- | ---: | ---: |`,
  );
  console.log(
    `| scan to committed record + outbox entry | ${f(pct(scan.ours, 50))} | ${f(pct(scan.ours, 95))} |`,
  );
  console.log(
    `| of which the badge lookup | ${f(pct(scan.lookups, 50))} | ${f(pct(scan.lookups, 95))} |`,
  );
  console.log(
    `| bare IndexedDB put, own transaction | ${f(pct(scan.raw, 50))} | ${f(pct(scan.raw, 95))} |`,
  );
  console.log(
    `\n| drain after reconnect | total ms | of which push ms | changes/s | left in outbox |\n| --- | ---: | ---: | ---: | ---: |`,
  );
  for (const d of drains)
    console.log(
      `| ${d.n.toLocaleString('en-US')} changes | ${d.ms.toFixed(0)} | ${d.pushMs.toFixed(0)} | ${Math.round(d.n / (d.ms / 1000)).toLocaleString('en-US')} | ${d.left} |`,
    );
} finally {
  await server.dispose();
}

interface ProfileNode {
  id: number;
  parent?: number;
  children?: number[];
  callFrame: { functionName: string; url: string; lineNumber: number };
}

/** Runs `fn` under Chromium's sampling profiler (with --profile) and prints the hottest functions. */
async function profiled<T>(page: Page, fn: () => Promise<T>): Promise<T> {
  if (!PROFILE) return fn();
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  const out = await fn();
  const { profile } = (await cdp.send('Profiler.stop')) as {
    profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };
  };
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  for (const n of profile.nodes) for (const c of n.children ?? []) byId.get(c)!.parent = n.id;
  const nameOf = (n: ProfileNode) =>
    `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}`;
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    const leaf = byId.get(id)!;
    self.set(nameOf(leaf), (self.get(nameOf(leaf)) ?? 0) + ms);
    const seen = new Set<string>();
    for (let n: ProfileNode | undefined = leaf; n; n = n.parent ? byId.get(n.parent) : undefined)
      seen.add(nameOf(n));
    for (const name of seen) total.set(name, (total.get(name) ?? 0) + ms);
  });
  for (const [label, m] of [
    ['self', self],
    ['total', total],
  ] as const) {
    console.error(`profile of the scans, by ${label} time:`);
    for (const [name, ms] of [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, Number(process.env.PROFILE_TOP ?? 30)))
      console.error(`  ${ms.toFixed(1)} ms  ${name}`);
  }
  return out;
}
