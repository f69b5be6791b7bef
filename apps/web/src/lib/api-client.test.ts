// The typed client builds each call from the shared route table: method, URL with its parameters
// encoded, query and body, as they reach fetch through the device's Api (credentials included).
import type {
  ConflictDetailSchema,
  ParticipantPageSchema,
  ResolutionSchema,
  RetentionSchema,
  Static,
} from '@rollcall/shared';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { createApi, inProcessLock } from '../sync/api.ts';
import { createClient } from './api-client.ts';

interface Sent {
  method: string;
  url: string;
  body: unknown;
  auth: string | undefined;
}

/** A fetch that records what it was asked and answers `answer` (JSON, or a file). */
function recordingClient(answer: unknown = {}, status = 200) {
  const sent: Sent[] = [];
  const fetchFn = (async (url: string, init: RequestInit) => {
    sent.push({
      method: String(init.method),
      url,
      body: init.body === undefined ? undefined : JSON.parse(String(init.body)),
      auth: (init.headers as Record<string, string>).authorization,
    });
    return status === 204
      ? new Response(null, { status })
      : new Response(typeof answer === 'string' ? answer : JSON.stringify(answer), { status });
  }) as unknown as typeof fetch;
  const creds = {
    accessToken: 'token-1',
    accessExpiresAt: '2030-01-01T00:00:00.000Z',
    refreshToken: 'refresh-1',
    refreshExpiresAt: '2030-01-01T00:00:00.000Z',
  };
  const api = createApi(
    'https://rc.test',
    { get: async () => creds, set: async () => {} },
    fetchFn,
    inProcessLock(),
  );
  return { sent, ...createClient(api) };
}

describe('the typed API client', () => {
  it('sends a list with its query, signed in', async () => {
    const { sent, client } = recordingClient({ items: [], total: 0 });
    const page = await client.participants.list({ limit: 1000, q: 'ana maría' });
    expect(page).toEqual({ items: [], total: 0 });
    expect(sent).toEqual([
      {
        method: 'GET',
        url: 'https://rc.test/api/v1/participants?limit=1000&q=ana+mar%C3%ADa',
        body: undefined,
        auth: 'Bearer token-1',
      },
    ]);
  });

  it('leaves out a query that is not given and fields that are undefined', async () => {
    const { sent, client } = recordingClient({ items: [] });
    await client.sessions.list();
    await client.sessions.list({ from: undefined, to: '2026-12-01' });
    expect(sent.map((s) => s.url)).toEqual([
      'https://rc.test/api/v1/sessions',
      'https://rc.test/api/v1/sessions?to=2026-12-01',
    ]);
  });

  it('puts path parameters in the URL encoded, and sends the body', async () => {
    const { sent, client } = recordingClient({});
    await client.conflicts.resolve('a/b?c', { choice: 'keep_a', note: 'seen' });
    expect(sent[0]).toMatchObject({
      method: 'POST',
      url: 'https://rc.test/api/v1/conflicts/a%2Fb%3Fc/resolve',
      body: { choice: 'keep_a', note: 'seen' },
    });
  });

  it('uses each route’s own method (PATCH, PUT) and takes 204 as nothing', async () => {
    const { sent, client } = recordingClient(null, 204);
    await expect(client.users.update('u1', { active: false })).resolves.toBeUndefined();
    await client.organization.setRetention({ presenceYears: 2, auditYears: 5 });
    await client.assignments.revoke('x1');
    expect(sent.map((s) => [s.method, s.url, s.body])).toEqual([
      ['PATCH', 'https://rc.test/api/v1/users/u1', { active: false }],
      ['PUT', 'https://rc.test/api/v1/organization/retention', { presenceYears: 2, auditYears: 5 }],
      ['POST', 'https://rc.test/api/v1/assignments/x1/revoke', undefined],
    ]);
  });

  it('fetches a file route, or a report with its format, as a file', async () => {
    const { sent, client, files } = recordingClient('at,user\n');
    const csv = await client.audit.exportCsv({ action: 'resolve_conflict' });
    expect(await csv.text()).toBe('at,user\n');
    await files.reports.absentees({ sessionId: 's1', format: 'pdf' });
    expect(sent.map((s) => s.url)).toEqual([
      'https://rc.test/api/v1/audit/export.csv?action=resolve_conflict',
      'https://rc.test/api/v1/reports/absentees?sessionId=s1&format=pdf',
    ]);
  });

  it('describes a read for useRemote by its URL, and loads it only when asked', async () => {
    const { sent, remote } = recordingClient({ items: [] });
    const read = remote.excuses.list({ status: 'pending' });
    expect(read.key).toBe('/api/v1/excuses?status=pending');
    expect(sent).toEqual([]);
    await read.load();
    expect(sent.map((s) => s.url)).toEqual(['https://rc.test/api/v1/excuses?status=pending']);
  });

  it('answers with the types of the server’s schemas', () => {
    const { client, remote, files } = recordingClient();
    expect(typeof remote.organization.retention).toBe(typeof files.reports.trends);
    type Answer<F extends (...a: never[]) => unknown> = Awaited<ReturnType<F>>;
    expectTypeOf<Answer<typeof client.participants.list>>().toEqualTypeOf<
      Static<typeof ParticipantPageSchema>
    >();
    expectTypeOf<Answer<typeof client.conflicts.get>>().toEqualTypeOf<
      Static<typeof ConflictDetailSchema>
    >();
    expectTypeOf<Answer<ReturnType<typeof remote.organization.retention>['load']>>().toEqualTypeOf<
      Static<typeof RetentionSchema>
    >();
    expectTypeOf<Answer<typeof client.users.update>>().toEqualTypeOf<void>();
    expectTypeOf<Answer<typeof client.excuses.attachment>>().toEqualTypeOf<Blob>();
    expectTypeOf<Answer<typeof files.reports.trends>>().toEqualTypeOf<Blob>();
    // The arguments too: path parameters, then the body, then the query.
    expectTypeOf(client.conflicts.resolve).parameters.toEqualTypeOf<
      [string, Static<typeof ResolutionSchema>]
    >();
    // @ts-expect-error a limit is a number
    void client.participants.list({ limit: '10' });
  });
});
