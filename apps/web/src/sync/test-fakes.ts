// What the sync server sends, for the device's tests: a pull page and a push answer of the shapes
// the protocol defines, each test overriding only what it is about.
import {
  PROTOCOL_VERSION,
  uuidv7,
  type Change,
  type PullResponse,
  type PushRequest,
  type PushResponse,
} from '@rollcall/shared';

/** A last page with nothing in it, at cursor `e.1`, unless `over` says otherwise. */
export const pullPage = (over: Partial<PullResponse> = {}): PullResponse => ({
  protocolVersion: PROTOCOL_VERSION,
  reset: false,
  cursor: 'e.1',
  hasMore: false,
  organization: null,
  users: [],
  presenceStates: [],
  groups: [],
  participants: [],
  sessions: [],
  presenceRecords: [],
  tombstones: [],
  ...over,
});

/** Every change of the push applied at version 1. */
export const appliedAnswer = (
  body: PushRequest,
  over: Partial<PushResponse> = {},
): PushResponse => ({
  protocolVersion: PROTOCOL_VERSION,
  historyId: uuidv7(),
  serverTime: new Date().toISOString(),
  results: (body.changes as Change[]).map((c, index) => ({
    index,
    changeId: c.changeId,
    status: 'applied',
    version: 1,
  })),
  ...over,
});
