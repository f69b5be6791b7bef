// What the bell and its panel ask for: a user's own notifications, read state and preferences.
// Every query is scoped to the caller's user and organization, so someone else's id is a 404.
import {
  NOTIFICATION_KINDS,
  isUuid,
  type Notification,
  type NotificationKind,
  type NotificationLinkType,
  type NotificationList,
  type NotificationListQuery,
  type NotificationPreference,
} from '@rollcall/shared';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { iso } from '../../lib/clock.ts';
import { badRequest, notFound } from '../../lib/errors.ts';
import { parseJson } from '../../lib/json.ts';
import type { AuthContext } from '../auth/auth.service.ts';
import * as repo from './notifications.repository.ts';

const owner = (auth: AuthContext): repo.Owner => ({
  organizationId: auth.organizationId,
  userId: auth.userId,
});

export function toNotification(r: repo.NotificationRow): Notification {
  return {
    id: r.id,
    kind: r.kind as NotificationKind,
    title: r.title,
    body: r.body,
    link: { type: r.link_type as NotificationLinkType, id: r.link_id },
    data: parseJson<Record<string, unknown>>(r.payload, {}),
    createdAt: r.created_at,
    readAt: r.read_at,
  };
}

// The cursor is the position of the last row returned, opaque to clients.
const encodeCursor = (p: repo.Position) =>
  Buffer.from(`${p.createdAt}|${p.id}`).toString('base64url');

function decodeCursor(cursor: string): repo.Position {
  const [createdAt, id, extra] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  if (
    extra !== undefined ||
    !createdAt ||
    !id ||
    !isUuid(id) ||
    Number.isNaN(Date.parse(createdAt))
  ) {
    throw badRequest('The cursor is not one this server gave out', [
      { path: 'querystring/cursor', message: 'must be the nextCursor of a previous page' },
    ]);
  }
  return { createdAt, id };
}

export async function listNotifications(
  db: Kysely<Database>,
  auth: AuthContext,
  q: NotificationListQuery,
): Promise<NotificationList> {
  const limit = q.limit ?? 20;
  const after = q.cursor ? decodeCursor(q.cursor) : null;
  const [rows, unreadCount] = await Promise.all([
    repo.listForUser(db, owner(auth), { unread: q.unread === true, limit: limit + 1, after }),
    repo.unreadCount(db, owner(auth)),
  ]);
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    items: page.map(toNotification),
    unreadCount,
    nextCursor:
      rows.length > limit && last
        ? encodeCursor({ createdAt: last.created_at, id: last.id })
        : null,
  };
}

export const unreadCount = (db: Kysely<Database>, auth: AuthContext) =>
  repo.unreadCount(db, owner(auth));

export async function markRead(db: Kysely<Database>, auth: AuthContext, id: string, nowMs: number) {
  const row = await repo.markRead(db, owner(auth), id, iso(nowMs));
  if (!row) throw notFound(`Notification ${id}`);
  return { item: toNotification(row), unreadCount: await repo.unreadCount(db, owner(auth)) };
}

export async function markAllRead(db: Kysely<Database>, auth: AuthContext, nowMs: number) {
  const marked = await repo.markAllRead(db, owner(auth), iso(nowMs));
  return { marked, unreadCount: await repo.unreadCount(db, owner(auth)) };
}

/** Every kind with the caller's choice; a kind never chosen is enabled. */
export async function preferences(
  db: Kysely<Database>,
  auth: AuthContext,
): Promise<{ items: NotificationPreference[] }> {
  const chosen = new Map(
    (await repo.preferencesOf(db, owner(auth))).map((p) => [p.kind, p.enabled === 1]),
  );
  return { items: NOTIFICATION_KINDS.map((kind) => ({ kind, enabled: chosen.get(kind) ?? true })) };
}

export async function savePreferences(
  db: Kysely<Database>,
  auth: AuthContext,
  items: NotificationPreference[],
  nowMs: number,
) {
  const seen = new Set<string>();
  items.forEach((p, i) => {
    if (seen.has(p.kind))
      throw badRequest(`"${p.kind}" is given twice`, [
        { path: `body/items/${i}/kind`, message: 'must be unique' },
      ]);
    seen.add(p.kind);
  });
  await repo.savePreferences(db, owner(auth), items, iso(nowMs));
  return preferences(db, auth);
}
