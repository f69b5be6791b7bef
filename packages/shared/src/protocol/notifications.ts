// In-app notifications for admins and managers: the bell, its panel and per-user preferences.
// An online admin API, not part of device sync, so it is outside PROTOCOL_VERSION's hash.
import { Type, type Static } from '@sinclair/typebox';
import { IsoDateTime, Nullable, Uuid } from './common.ts';

/** What can notify: a conflict needs resolution, a push had rejections, participants are drifting. */
export const NOTIFICATION_KINDS = ['conflict', 'rejections', 'drifting'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];
export const NotificationKindSchema = Type.Union(NOTIFICATION_KINDS.map((k) => Type.Literal(k)));

/** Where a notification leads: the conflict queue, a sync history entry, or a session's drifting list. */
export const NOTIFICATION_LINKS = ['conflict', 'sync_history', 'session'] as const;
export type NotificationLinkType = (typeof NOTIFICATION_LINKS)[number];
export const NotificationLinkSchema = Type.Object({
  type: Type.Union(NOTIFICATION_LINKS.map((k) => Type.Literal(k))),
  id: Uuid,
});

export const NotificationSchema = Type.Object({
  id: Uuid,
  kind: NotificationKindSchema,
  title: Type.String(),
  body: Type.String(),
  link: NotificationLinkSchema,
  /** Structured details for the screen (counts, names, ids); shape depends on the kind. */
  data: Type.Record(Type.String(), Type.Unknown()),
  createdAt: IsoDateTime,
  readAt: Nullable(IsoDateTime),
});
export type Notification = Static<typeof NotificationSchema>;

export const NotificationListQuerySchema = Type.Object({
  unread: Type.Optional(Type.Boolean({ description: 'true: only unread notifications' })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
  cursor: Type.Optional(
    Type.String({ minLength: 1, maxLength: 200, description: 'nextCursor of the previous page' }),
  ),
});
export type NotificationListQuery = Static<typeof NotificationListQuerySchema>;

export const UnreadCountSchema = Type.Object({ unreadCount: Type.Integer({ minimum: 0 }) });
export type UnreadCount = Static<typeof UnreadCountSchema>;

export const NotificationListSchema = Type.Object({
  items: Type.Array(NotificationSchema),
  unreadCount: Type.Integer({ minimum: 0 }),
  /** Pass as `cursor` for the next (older) page; null on the last page. */
  nextCursor: Nullable(Type.String()),
});
export type NotificationList = Static<typeof NotificationListSchema>;

export const NotificationReadSchema = Type.Object({
  item: NotificationSchema,
  unreadCount: Type.Integer({ minimum: 0 }),
});
export type NotificationRead = Static<typeof NotificationReadSchema>;

export const ReadAllSchema = Type.Object({
  marked: Type.Integer({ minimum: 0 }),
  unreadCount: Type.Integer({ minimum: 0 }),
});
export type ReadAll = Static<typeof ReadAllSchema>;

export const NotificationPreferenceSchema = Type.Object({
  kind: NotificationKindSchema,
  enabled: Type.Boolean(),
});
export type NotificationPreference = Static<typeof NotificationPreferenceSchema>;

/** Every kind, each with the caller's choice (kinds never chosen are enabled). */
export const NotificationPreferencesSchema = Type.Object({
  items: Type.Array(NotificationPreferenceSchema),
});
export type NotificationPreferences = Static<typeof NotificationPreferencesSchema>;

/** The kinds to change; kinds left out keep their setting. */
export const NotificationPreferencesUpdateSchema = Type.Object(
  {
    items: Type.Array(NotificationPreferenceSchema, {
      minItems: 1,
      maxItems: NOTIFICATION_KINDS.length,
    }),
  },
  { additionalProperties: false },
);
export type NotificationPreferencesUpdate = Static<typeof NotificationPreferencesUpdateSchema>;
