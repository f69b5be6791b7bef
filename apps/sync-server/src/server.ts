// Listens. Migrates on start, seeds the demo organization into an empty database when asked,
// prints where to go and closes gracefully on SIGINT/SIGTERM.
import { loadConfig } from './env.ts';
import { buildApp } from './app.ts';
import { openRuntime } from './runtime.ts';
import { asSystem } from './db/tenant-context.ts';
import { DEMO_PASSWORD } from './features/demo/demo-seed.ts';
import { keepDemoCurrent, seedDemoIfEmpty, startDemoDays } from './features/demo/demo-days.ts';

async function main() {
  const config = loadConfig();
  const runtime = await openRuntime(config);
  // Seeding and the hourly demo days are system work (the timer keeps the context it started in);
  // requests get their own scope from plugins/context.ts.
  const seeded = config.seedDemo
    ? await asSystem(() =>
        seedDemoIfEmpty(runtime.db.kysely, runtime.clock, { history: config.demoHistory }),
      )
    : null;
  // The demo works on any day: today's sessions and shift are added on start and every hour.
  let stopDemoDays = () => {};
  if (config.seedDemo) {
    await asSystem(() => keepDemoCurrent(runtime.db.kysely, runtime.clock));
    stopDemoDays = asSystem(() =>
      startDemoDays(runtime.db.kysely, runtime.clock, (e) => console.error('demo day:', e)),
    );
  }
  const app = await buildApp(runtime, { logger: { level: config.logLevel } });
  await app.listen({ host: config.host, port: config.port });
  const shown = config.host === '0.0.0.0' ? 'localhost' : config.host;
  const url = `http://${shown}:${config.port}`;
  console.log(
    `\nRollcall listening on ${url}  (database: ${runtime.db.dialect === 'sqlite' ? config.sqlitePath : 'PostgreSQL'})`,
  );
  console.log(`API docs: ${url}/api/docs`);
  if (seeded) {
    console.log(
      `Demo organization "${seeded.organizationName}" — password for every login: ${DEMO_PASSWORD}`,
    );
    for (const login of seeded.logins) console.log(`  ${login.role.padEnd(10)} ${login.email}`);
  }
  const stop = async (signal: string) => {
    console.log(`\n${signal}: closing`);
    stopDemoDays();
    await app.close();
    await runtime.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
