// The demo organization `npm start` puts into an empty database: an admin, a manager, two ushers,
// a temporary usher, about 200 participants in a few groups, and today's sessions.
import { localDateOf, uuidv7, zonedInstant, type Role } from '@rollcall/shared';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { iso, type Clock } from '../../lib/clock.ts';
import { hashPassword, randomToken } from '../../lib/secrets.ts';
import { createOrganization, insertUser } from '../organizations/organizations.service.ts';
import { lockSeq, type SeqAllocator } from '../sync/seq.repository.ts';
import { DEMO_FIRST, DEMO_LAST } from './demo-names.ts';

export const DEMO_PASSWORD = 'rollcall-demo';
/**
 * The demo's days are this zone's, fixed so a demo (and every test seeded from it) has the same
 * sessions and weeks wherever the server runs; an admin can change it in the settings.
 */
export const DEMO_TIME_ZONE = 'UTC';
const DOMAIN = 'demo.rollcall.test';
// One scrypt hash (N = 2^17, ~0.4 s) for every demo login of every seed in this process: test
// harnesses seed two organizations each, and hashing per user would slow every test file.
let demoHash: Promise<string> | undefined;
const demoPasswordHash = () => (demoHash ??= hashPassword(DEMO_PASSWORD));

const LOGINS: { email: string; displayName: string; role: Role }[] = [
  { email: `usher1@${DOMAIN}`, displayName: 'Ana Usher', role: 'usher' },
  { email: `usher2@${DOMAIN}`, displayName: 'Ben Usher', role: 'usher' },
  { email: `temp@${DOMAIN}`, displayName: 'Tara Temporary', role: 'temp_usher' },
  { email: `manager@${DOMAIN}`, displayName: 'Mia Manager', role: 'manager' },
];

export async function seedDemo(
  db: Kysely<Database>,
  clock: Clock,
  opts: { participants?: number; slug?: string; name?: string } = {},
) {
  const now = clock.now();
  const name = opts.name ?? 'Grace Community Church';
  const slug = opts.slug ?? 'grace';
  const adminEmail = slug === 'grace' ? `admin@${DOMAIN}` : `admin@${slug}.${DOMAIN}`;
  const { organizationId } = await createOrganization(db, clock, {
    name,
    slug,
    domainType: 'church',
    timeZone: DEMO_TIME_ZONE,
    admin: {
      email: adminEmail,
      passwordHash: await demoPasswordHash(),
      displayName: 'Grace Admin',
    },
  });
  const passwordHash = await demoPasswordHash();
  const ids = await db.transaction().execute(async (trx) => {
    const seq = await lockSeq(trx, organizationId);
    const users: Record<string, string> = {};
    for (const u of LOGINS) {
      const email =
        slug === 'grace' ? u.email : u.email.replace(`@${DOMAIN}`, `@${slug}.${DOMAIN}`);
      users[u.role === 'usher' ? email.split('@')[0]! : u.role] = await insertUser(
        trx,
        seq.next(),
        now,
        { organizationId, passwordHash, ...u, email },
      );
    }
    await trx
      .insertInto('usher_assignments')
      .values({
        id: uuidv7(now),
        organization_id: organizationId,
        user_id: users.temp_usher!,
        expires_at: iso(now + 8 * 3600_000),
        status: 'active',
        location: 'Main entrance',
        created_by: null,
        created_at: iso(now),
        revoked_at: null,
        checkins_count: 0,
        qr_count: 0,
        code_count: 0,
      })
      .execute();
    const groups = await seedGroups(trx, organizationId, seq, now);
    const people = await seedParticipants(
      trx,
      organizationId,
      seq,
      now,
      opts.participants ?? 200,
      groups,
    );
    const sessions = await seedSessions(trx, organizationId, seq, now, groups);
    await seq.flush();
    return { users, groups, participants: people, sessions };
  });
  return {
    organizationId,
    organizationName: name,
    ...ids,
    logins: [
      { email: adminEmail, role: 'admin' },
      ...LOGINS.map((l) => ({
        email: slug === 'grace' ? l.email : l.email.replace(`@${DOMAIN}`, `@${slug}.${DOMAIN}`),
        role: l.role,
      })),
    ],
  };
}

async function seedGroups(trx: Transaction<Database>, org: string, seq: SeqAllocator, now: number) {
  const teens = uuidv7(now);
  const defs = [
    { id: teens, name: 'Teens', parent_id: null },
    { id: uuidv7(now), name: 'Junior Teens', parent_id: teens },
    { id: uuidv7(now), name: 'Senior Teens', parent_id: teens },
    { id: uuidv7(now), name: 'Young Adults', parent_id: null },
    { id: uuidv7(now), name: 'Choir', parent_id: null },
  ];
  await trx
    .insertInto('groups')
    .values(
      defs.map((g) => ({
        ...g,
        organization_id: org,
        active: 1,
        updated_at: iso(now),
        seq: seq.next(),
      })),
    )
    .execute();
  return defs.map((g) => g.id);
}

async function seedParticipants(
  trx: Transaction<Database>,
  org: string,
  seq: SeqAllocator,
  now: number,
  count: number,
  groups: string[],
) {
  const rows = Array.from({ length: count }, (_, i) => ({
    id: uuidv7(now),
    organization_id: org,
    first_name: DEMO_FIRST[i % DEMO_FIRST.length]!,
    last_name: DEMO_LAST[(i * 7) % DEMO_LAST.length]!,
    preferred_name: null,
    personal_code: String(10000 + ((i * 7919) % 90000)).padStart(5, '0'),
    external_key: `24-${String(i + 1).padStart(3, '0')}`,
    qr_token: randomToken(18),
    guardian_name: null,
    guardian_phone: null,
    active: 1,
    extra: '{}',
    created_at: iso(now),
    updated_at: iso(now),
    seq: seq.next(),
  }));
  for (let i = 0; i < rows.length; i += 200)
    await trx
      .insertInto('participants')
      .values(rows.slice(i, i + 200))
      .execute();
  // Junior, Senior and Young Adults split everyone; every fifth person also sings in the choir.
  const memberships = rows.flatMap((p, i) => {
    const main = { organization_id: org, group_id: groups[1 + (i % 3)]!, participant_id: p.id };
    return i % 5 === 0
      ? [main, { organization_id: org, group_id: groups[4]!, participant_id: p.id }]
      : [main];
  });
  for (let i = 0; i < memberships.length; i += 300)
    await trx
      .insertInto('group_memberships')
      .values(memberships.slice(i, i + 300))
      .execute();
  return rows.map((r) => ({
    id: r.id,
    personalCode: r.personal_code,
    qrToken: r.qr_token,
    name: `${r.first_name} ${r.last_name}`,
  }));
}

export async function seedSessions(
  trx: Transaction<Database>,
  org: string,
  seq: SeqAllocator,
  now: number,
  groups: string[],
) {
  const day = localDateOf(now, DEMO_TIME_ZONE);
  const at = (h: number, m = 0) => iso(zonedInstant(day, [h, m], DEMO_TIME_ZONE));
  const defs = [
    {
      name: 'Sunday Service',
      location: 'Main hall',
      start: at(9),
      end: at(11),
      status: 'active',
      groups: [groups[0]!, groups[3]!, groups[4]!],
    },
    {
      name: 'Teens Meeting',
      location: 'Youth room',
      start: at(11, 30),
      end: at(13),
      status: 'scheduled',
      groups: [groups[0]!],
    },
    {
      name: 'Evening Service',
      location: 'Main hall',
      start: at(18),
      end: at(20),
      status: 'scheduled',
      groups: [groups[0]!, groups[3]!],
    },
  ];
  const sessions = defs.map((d) => ({ id: uuidv7(now), ...d }));
  await trx
    .insertInto('sessions')
    .values(
      sessions.map((s) => ({
        id: s.id,
        organization_id: org,
        name: s.name,
        location: s.location,
        scheduled_start: s.start,
        scheduled_end: s.end,
        actual_start: s.status === 'active' ? s.start : null,
        actual_end: null,
        status: s.status,
        late_after_minutes: 15,
        updated_at: iso(now),
        seq: seq.next(),
      })),
    )
    .execute();
  await trx
    .insertInto('session_groups')
    .values(
      sessions.flatMap((s) =>
        s.groups.map((g) => ({ organization_id: org, session_id: s.id, group_id: g })),
      ),
    )
    .execute();
  return sessions.map((s) => ({ id: s.id, name: s.name }));
}
