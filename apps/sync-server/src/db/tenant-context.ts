// Which organization the current piece of work acts for, carried through every `await` by
// AsyncLocalStorage so that no service has to pass it on. On PostgreSQL each connection is given
// it before use (`app.organization_id`, see database.ts) and the row-level security policies show
// and accept only that organization's rows: a query that forgets its `organization_id` filter
// still cannot reach another organization. Work outside any context is given nothing (the empty
// setting), so what was not thought about fails closed. SQLite ignores it.
import { AsyncLocalStorage } from 'node:async_hooks';

/** The setting for work that legitimately spans organizations (sign-in, jobs, seeding, the CLI). */
export const SYSTEM = '*';

/** Mutable so that a request's scope, opened before authentication, can learn its organization. */
export interface TenantScope {
  organizationId: string;
}

const storage = new AsyncLocalStorage<TenantScope>();

/** The setting a connection must carry for the work running now: '' outside any context. */
export const currentTenant = (): string => storage.getStore()?.organizationId ?? '';

/** Runs `fn` (and everything it awaits or schedules) within `scope`. */
export const runInScope = <T>(scope: TenantScope, fn: () => T): T => storage.run(scope, fn);

/** Runs `fn` for one organization. */
export const withTenant = <T>(organizationId: string, fn: () => T): T =>
  runInScope({ organizationId }, fn);

/** Runs `fn` as system work, which sees every organization. */
export const asSystem = <T>(fn: () => T): T => withTenant(SYSTEM, fn);
