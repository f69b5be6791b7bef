// Opens the configured database, migrates it and picks the matching notifier.
import type { Config } from './env.ts';
import { migrateToLatest, openPostgres, openSqlite, type Db } from './db/database.ts';
import { memoryNotifier, postgresNotifier, type Notifier } from './features/sync/notifier.ts';
import { systemClock, type Clock } from './lib/clock.ts';
import type { AppContext } from './plugins/context.ts';

export async function openRuntime(
  config: Readonly<Config>,
  clock: Clock = systemClock,
): Promise<AppContext & { close(): Promise<void> }> {
  const db: Db = config.databaseUrl
    ? openPostgres(config.databaseUrl, { appRole: config.databaseAppRole })
    : openSqlite(config.sqlitePath);
  await migrateToLatest(db);
  const notifier: Notifier = db.url
    ? await postgresNotifier(db.url, (e) => console.error('notifier error', e))
    : memoryNotifier();
  return {
    db,
    clock,
    config,
    notifier,
    close: async () => {
      await notifier.close();
      await db.close();
    },
  };
}
