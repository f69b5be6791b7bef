// Operator commands. `create-org` is how a real deployment starts (next to the demo seed):
//   pnpm --filter @rollcall/sync-server cli create-org --name "St. Mark" --slug st-mark --type church \
//        --admin-email admin@stmark.org --admin-name "Ama Admin" --admin-password '…' \
//        [--time-zone America/Chicago]   (default: this machine's zone)
//   … cli migrate | seed-demo
//   … cli retention --dry-run | --execute   (what retention.service.ts describes, per organization)
import { parseArgs } from 'node:util';
import { DOMAIN_TYPES, type DomainType } from '@rollcall/shared';
import { loadConfig } from './env.ts';
import { openRuntime } from './runtime.ts';
import { asSystem } from './db/tenant-context.ts';
import { createOrganization } from './features/organizations/organizations.service.ts';
import { seedDemoIfEmpty } from './features/demo/demo-days.ts';
import {
  applyRetention,
  describeRetention,
  planRetention,
} from './features/retention/retention.service.ts';

const USAGE = `usage: cli <migrate | seed-demo | retention --dry-run|--execute | create-org --name N --slug S --type ${DOMAIN_TYPES.join('|')} --admin-email E --admin-name N --admin-password P [--time-zone Area/City]>`;

async function main(argv: string[]) {
  const [command, ...rest] = argv;
  const runtime = await openRuntime(loadConfig());
  try {
    if (command === 'migrate') return console.log('database is at the latest migration');
    if (command === 'seed-demo') {
      const seeded = await seedDemoIfEmpty(runtime.db.kysely, runtime.clock);
      return console.log(
        seeded ? `seeded ${seeded.organizationName}` : 'database not empty; nothing seeded',
      );
    }
    if (command === 'create-org') return await createOrg(runtime, rest);
    if (command === 'retention') return await retention(runtime, rest);
    throw new Error(USAGE);
  } finally {
    await runtime.close();
  }
}

async function createOrg(runtime: Awaited<ReturnType<typeof openRuntime>>, args: string[]) {
  const { values } = parseArgs({
    args,
    options: {
      name: { type: 'string' },
      slug: { type: 'string' },
      type: { type: 'string', default: 'church' },
      'admin-email': { type: 'string' },
      'admin-name': { type: 'string' },
      'admin-password': { type: 'string' },
      // The creating admin's zone, as a browser would report it; an admin can change it later.
      'time-zone': { type: 'string', default: Intl.DateTimeFormat().resolvedOptions().timeZone },
    },
  });
  const missing = ['name', 'slug', 'admin-email', 'admin-name', 'admin-password'].filter(
    (k) => !values[k as keyof typeof values],
  );
  if (missing.length) throw new Error(`missing --${missing.join(', --')}\n${USAGE}`);
  if (!DOMAIN_TYPES.includes(values.type as DomainType))
    throw new Error(`--type must be one of ${DOMAIN_TYPES.join(', ')}`);
  if (values['admin-password']!.length < 10)
    throw new Error('--admin-password must have at least 10 characters');
  const { organizationId } = await createOrganization(runtime.db.kysely, runtime.clock, {
    name: values.name!,
    slug: values.slug!,
    domainType: values.type as DomainType,
    timeZone: values['time-zone'],
    admin: {
      email: values['admin-email']!,
      password: values['admin-password']!,
      displayName: values['admin-name']!,
    },
  });
  console.log(
    `created organization ${values.slug} (${organizationId}) with admin ${values['admin-email']}`,
  );
}

async function retention(runtime: Awaited<ReturnType<typeof openRuntime>>, args: string[]) {
  const { values } = parseArgs({
    args,
    options: { 'dry-run': { type: 'boolean' }, execute: { type: 'boolean' } },
  });
  if (values['dry-run'] === values.execute)
    throw new Error(`retention needs exactly one of --dry-run, --execute\n${USAGE}`);
  const now = runtime.clock.now();
  const results = values.execute
    ? await applyRetention(runtime.db, now, runtime.notifier)
    : await planRetention(runtime.db, now);
  console.log(
    values.execute
      ? `retention executed at ${new Date(now).toISOString()}`
      : `retention dry run at ${new Date(now).toISOString()}: nothing was changed`,
  );
  for (const r of results) console.log(describeRetention(r, Boolean(values.execute)).join('\n'));
}

// Operator commands act across organizations (or create one): system work.
asSystem(() => main(process.argv.slice(2))).catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
