// Fails when a wire schema changes without a PROTOCOL_VERSION bump: devices in the field run old
// code for weeks, so the protocol must never drift silently.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import * as auth from './auth.ts';
import * as change from './change.ts';
import * as conflicts from './conflicts.ts';
import * as pull from './pull.ts';
import * as push from './push.ts';
import { PROTOCOL_VERSION } from './version.ts';

const KNOWN: Record<number, string> = {
  1: '820ab95d9bd74393',
  2: 'e5deb6625c380c0d',
};

function hashSchemas(): string {
  const modules = { auth, change, conflicts, pull, push };
  const h = createHash('sha256');
  for (const [name, mod] of Object.entries(modules)) {
    for (const key of Object.keys(mod).sort()) {
      h.update(`${name}.${key}=${JSON.stringify((mod as Record<string, unknown>)[key])}\n`);
    }
  }
  return h.digest('hex').slice(0, 16);
}

describe('protocol schemas', () => {
  it('match the hash recorded for this PROTOCOL_VERSION (bump the version when they change)', () => {
    expect(hashSchemas()).toBe(KNOWN[PROTOCOL_VERSION]);
  });
});
