// One change of a push batch as it moves through validate → apply → history. Its own module so
// push.service.ts, push-apply.ts and push-history.ts share the types without importing each other.
import type { Change, ChangeResult, RejectionCode } from '@rollcall/shared';
import type { Checked } from './push-validate.ts';

export interface Item {
  index: number;
  raw: unknown;
  checked: Checked;
}

/** A change that passed validation and was never seen before (or is a repeat within the batch). */
export interface Fresh {
  item: Item;
  change: Change;
  graceAccepted: boolean;
  /** The change's canonical text: computed once, compared with replays and stored as its payload. */
  canonical: string;
  duplicateOf?: Item;
}

/** The results a stage settled, by the item's index in the batch. */
export type Results = Map<number, ChangeResult>;

export const rejected = (
  item: Item,
  changeId: string | null,
  why: { code: RejectionCode; reason: string },
): ChangeResult => ({ index: item.index, changeId, status: 'rejected', ...why });
