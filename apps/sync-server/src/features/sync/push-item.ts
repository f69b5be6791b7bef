// One change of a push batch as it moves through validate → apply → history. Its own module so
// push.service.ts, push-apply.ts and push-history.ts share the type without importing each other.
import type { ChangeResult } from '@rollcall/shared';
import type { Checked } from './push-validate.ts';

export interface Item {
  index: number;
  raw: unknown;
  checked: Checked;
  result?: ChangeResult;
}
