/**
 * The wire protocol's version. Bump it with every change to a schema in this folder;
 * `schema-hash.test.ts` fails when a schema changes and this number does not.
 *
 * History:
 * 1 (2026-11-23): push with per-change results, pull with epoch cursors, SSE stream.
 * 2 (2026-12-01): ids lower-cased on arrival; no U+0000 in a change's text; deviceSeq, baseVersion
 *   and pendingCount bounded to 32 bits; tombstones of purged presence records carry their
 *   sessionId and participantId. Additive: a version-1 device is still served.
 * 3 (2026-12-01): additive. Check-out: the change kind `presence.checkout`, a presence record's
 *   `leftAt`, the organization setting `recordDepartures`, the rejection `not_checked_in` (older
 *   devices never send the kind and ignore the field). Stations: organization settings carry the
 *   station PIN's verifier and what a locked station shows (stationPin, stationShowsRoster,
 *   stationAllowsMarkAll).
 *   Time zone: organization settings carry `timeZone` (IANA), where days and weeks are reckoned
 *   (older devices ignore it).
 * 4 (2026-12-01): additive. Languages: organization settings carry `language` (the default for
 *   screens and reports), the login answer carries the user's own `language`; the organization's
 *   words (`labels`) may carry their plurals and are bounded to 40 characters.
 *   A change's schema is one branch per kind (`CHANGE_SCHEMAS`), each requiring its kind's fields
 *   (sessionId, state, method, participant); every change versions 1–3 accepted is still accepted.
 * 5 (2026-12-01): additive. A push answer may carry `ownWrites` (the pull cursors around the rows
 *   it wrote, given when the device holds them as written); older devices ignore it and pull the
 *   rows back as before.
 */
export const PROTOCOL_VERSION = 5;

/**
 * The oldest app protocol this server still serves. A device below it (or above PROTOCOL_VERSION)
 * gets 400 `protocol_unsupported` on push and pull, and the app asks its user to update.
 */
export const MIN_PROTOCOL_VERSION = 1;

/** Whether a device speaking `version` can be served by this build. */
export const protocolSupported = (version: number) =>
  version >= MIN_PROTOCOL_VERSION && version <= PROTOCOL_VERSION;
