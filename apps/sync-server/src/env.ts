// The only module that reads process.env. Config is validated once and frozen.
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface Config {
  host: string;
  port: number;
  databaseUrl: string | null; // postgres://… selects PostgreSQL; otherwise SQLite at sqlitePath
  /**
   * PostgreSQL: the role the app takes on for every connection (`SET ROLE`), e.g. `rollcall_app`,
   * when DATABASE_URL's user owns the tables. Migrations still run as that user.
   */
  databaseAppRole: string | null;
  sqlitePath: string;
  webDist: string | null;
  seedDemo: boolean;
  /** The demo's past weeks of attendance (off in browser tests that count from zero). */
  demoHistory: boolean;
  logLevel: string;
  tempUsherGraceHours: number;
  /** A pull page stops at this many bytes of rows (or at its row limit, whichever comes first). */
  pullPageBytes: number;
  /** Fastify's trustProxy: false, true, or the addresses/CIDRs of the proxies in front. */
  trustProxy: boolean | string[];
  isCi: boolean;
  testDatabaseUrl: string;
}

const here = dirname(fileURLToPath(import.meta.url));
// Both src/ (tsx) and dist/ (bundled) sit one level below the package root.
const packageRoot = resolve(here, '..');

function intFrom(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0)
    throw new Error(`${name} must be a non-negative integer, got "${value}"`);
  return n;
}

// TRUST_PROXY: unset or "false" (default: X-Forwarded-For is ignored), "true" (any proxy: only
// behind one that overwrites the header), or a comma-separated list of addresses/CIDRs.
function trustProxyFrom(value: string | undefined): boolean | string[] {
  const v = value?.trim() ?? '';
  if (v === '' || v === 'false' || v === '0') return false;
  if (v === 'true') return true;
  return v
    .split(',')
    .map((a) => a.trim())
    .filter(Boolean);
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Readonly<Config> {
  const databaseUrl = env.DATABASE_URL?.trim() || null;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new Error(
      'DATABASE_URL must be a postgres:// URL (leave it unset for the embedded SQLite database)',
    );
  }
  return Object.freeze({
    host: env.HOST ?? '0.0.0.0',
    port: intFrom('PORT', env.PORT, 3000),
    databaseUrl,
    databaseAppRole: env.DATABASE_APP_ROLE?.trim() || null,
    sqlitePath: resolve(env.SQLITE_PATH ?? resolve(packageRoot, '.data/rollcall.sqlite')),
    webDist:
      env.WEB_DIST === '' ? null : resolve(env.WEB_DIST ?? resolve(packageRoot, '../web/dist')),
    seedDemo: (env.SEED_DEMO ?? '1') !== '0',
    demoHistory: (env.DEMO_HISTORY ?? '1') !== '0',
    logLevel: env.LOG_LEVEL ?? 'info',
    trustProxy: trustProxyFrom(env.TRUST_PROXY),
    tempUsherGraceHours: intFrom('TEMP_USHER_GRACE_HOURS', env.TEMP_USHER_GRACE_HOURS, 24),
    // 1 MiB of JSON (~90 KB compressed): a page a phone on a weak signal finishes, and resends cheaply.
    pullPageBytes: Math.max(1, intFrom('PULL_PAGE_BYTES', env.PULL_PAGE_BYTES, 1_048_576)),
    isCi: env.CI === 'true' || env.CI === '1',
    testDatabaseUrl: env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
  });
}
