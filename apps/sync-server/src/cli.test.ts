// How a real deployment starts: create an organization and its first admin, then sign in as them.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { buildApp } from './app.ts';
import { loadConfig } from './env.ts';
import { openRuntime } from './runtime.ts';

const run = promisify(execFile);
const root = resolve(import.meta.dirname, '..');

describe('cli create-org', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rollcall-cli-'));
  const env = { ...process.env, SQLITE_PATH: join(dir, 'db.sqlite') };
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const cli = (...args: string[]) =>
    run(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], { cwd: root, env });

  it('creates an organization whose admin can sign in, and explains what is missing', async () => {
    const out = await cli(
      'create-org',
      '--name',
      'St. Mark',
      '--slug',
      'st-mark',
      '--type',
      'education',
      '--admin-email',
      'Head@StMark.org',
      '--admin-name',
      'Ama Admin',
      '--admin-password',
      'correct horse battery',
    );
    expect(out.stdout).toMatch(/created organization st-mark/);
    await expect(cli('create-org', '--name', 'X')).rejects.toMatchObject({
      stderr: expect.stringMatching(/missing --slug/),
    });

    const runtime = await openRuntime(
      loadConfig({ SQLITE_PATH: env.SQLITE_PATH, SEED_DEMO: '0', WEB_DIST: '' }),
    );
    const app = await buildApp(runtime);
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'head@stmark.org', password: 'correct horse battery' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      user: { role: 'admin' },
      organization: {
        slug: 'st-mark',
        domainType: 'education',
        // The operator's own zone when none is given (vitest.config.ts sets it for this process
        // and the CLI it starts).
        settings: { labels: { session: 'Class' }, timeZone: 'Australia/Sydney' },
      },
    });
    await app.close();
    await runtime.close();
  });

  it('takes the time zone the organization reckons its days in, and refuses a made-up one', async () => {
    const org = [
      '--type',
      'church',
      '--admin-name',
      'Lu',
      '--admin-password',
      'correct horse battery',
    ];
    await cli(
      'create-org',
      ...['--name', 'West', '--slug', 'west', '--admin-email', 'lu@west.org'],
      ...org,
      ...['--time-zone', 'America/Los_Angeles'],
    );
    await expect(
      cli(
        'create-org',
        ...['--name', 'Moon', '--slug', 'moon', '--admin-email', 'lu@moon.org'],
        ...org,
        ...['--time-zone', 'Moon/Tranquility_Base'],
      ),
    ).rejects.toMatchObject({
      stderr: expect.stringMatching(/"Moon\/Tranquility_Base" is not a time zone/),
    });
    const runtime = await openRuntime(
      loadConfig({ SQLITE_PATH: env.SQLITE_PATH, SEED_DEMO: '0', WEB_DIST: '' }),
    );
    const rows = await runtime.db.kysely
      .selectFrom('organizations')
      .select(['slug', 'settings'])
      .where('slug', 'in', ['west', 'moon'])
      .execute();
    await runtime.close();
    expect(rows.map((r) => [r.slug, JSON.parse(r.settings).timeZone])).toEqual([
      ['west', 'America/Los_Angeles'],
    ]);
  });
});
