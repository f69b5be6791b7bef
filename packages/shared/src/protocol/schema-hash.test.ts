// Fails when a wire schema changes without a PROTOCOL_VERSION bump: devices in the field run old
// code for weeks, so the protocol must never drift silently.
import { createHash } from 'node:crypto';
import { Type } from '@sinclair/typebox';
import { describe, expect, it } from 'vitest';
import { PERSONAL_CODE_PATTERN } from '../domain.ts';
import { UUID_PATTERN } from '../ids.ts';
import * as auth from './auth.ts';
import * as change from './change.ts';
import * as common from './common.ts';
import * as conflicts from './conflicts.ts';
import * as entities from './entities.ts';
import * as pull from './pull.ts';
import * as push from './push.ts';
import { MIN_PROTOCOL_VERSION, PROTOCOL_VERSION } from './version.ts';

// Version 1's hash covered the messages only; from version 2 on it covers everything listed below.
const KNOWN: Record<number, string> = {
  1: '820ab95d9bd74393',
  2: 'd924dd72a49eb260',
  3: 'e7f5c04b5bcb140b',
  4: '2ec548caa8059fcc',
  5: 'f9d3f6eee6389554',
};

// Everything a device in the field depends on: the messages, the error body, the entities, the
// stream events, the id and code formats, and the oldest version this build still serves.
const modules: Record<string, object> = {
  auth,
  change,
  common,
  conflicts,
  entities,
  pull,
  push,
  formats: { PERSONAL_CODE_PATTERN, UUID_PATTERN, MIN_PROTOCOL_VERSION },
};

function hashSchemas(of: Record<string, object> = modules): string {
  const h = createHash('sha256');
  for (const [name, mod] of Object.entries(of)) {
    for (const key of Object.keys(mod).sort()) {
      h.update(`${name}.${key}=${JSON.stringify((mod as Record<string, unknown>)[key])}\n`);
    }
  }
  return h.digest('hex').slice(0, 16);
}

describe('protocol schemas', () => {
  it('cover the error body, so renaming its code fails here', () => {
    const { code, ...rest } = common.ErrorBody.properties;
    const renamed = Type.Object({ ...rest, errorCode: code });
    expect(hashSchemas({ ...modules, common: { ...common, ErrorBody: renamed } })).not.toBe(
      hashSchemas(),
    );
  });

  it('match the hash recorded for this PROTOCOL_VERSION (bump the version when they change)', () => {
    expect(hashSchemas()).toBe(KNOWN[PROTOCOL_VERSION]);
  });
});
