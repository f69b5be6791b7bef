/**
 * The wire protocol's version. Bump it with every change to a schema in this folder;
 * `schema-hash.test.ts` fails when a schema changes and this number does not.
 *
 * History:
 * 1 (2026-11-23): push with per-change results, pull with epoch cursors, SSE stream.
 */
export const PROTOCOL_VERSION = 1;
