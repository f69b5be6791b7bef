// Query and response schemas of the report routes (the server's routes and the web's client).
import { Nullable, Uuid } from '../protocol/common.ts';
import { Type } from '@sinclair/typebox';

const DateBound = Type.String({
  pattern: '^\\d{4}-\\d{2}-\\d{2}(T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:?\\d{2}))?$',
  description:
    'a date (YYYY-MM-DD: the whole day, UTC) or an ISO 8601 date-time; a range defaults to the year before now',
});
const Format = Type.Optional(
  Type.Union([Type.Literal('json'), Type.Literal('csv'), Type.Literal('pdf')], {
    description:
      'csv streams every row as a CSV download, ignoring limit and offset (so does Accept: text/csv); ' +
      'pdf streams a printable PDF of the whole report (so does Accept: application/pdf)',
  }),
);
const Paging = {
  limit: Type.Optional(
    Type.Integer({ minimum: 1, maximum: 1000, description: 'rows per page, 200 by default' }),
  ),
  offset: Type.Optional(Type.Integer({ minimum: 0 })),
};
const Range = { from: Type.Optional(DateBound), to: Type.Optional(DateBound) };

export const AttendanceQuery = Type.Object(
  {
    sessionId: Type.Optional(Uuid),
    groupId: Type.Optional(Uuid),
    ...Range,
    state: Type.Optional(
      Type.String({
        maxLength: 40,
        description: 'only rows in this state; "missing" for no record',
      }),
    ),
    format: Format,
    ...Paging,
  },
  {
    description:
      'one session (sessionId), or the sessions of a group (groupId) that started between from and to',
  },
);
export const AbsenteesQuery = Type.Object({ sessionId: Uuid, format: Format, ...Paging });
export const DriftingQuery = Type.Object({
  groupId: Type.Optional(Uuid),
  missed: Type.Optional(
    Type.Integer({
      minimum: 1,
      maximum: 52,
      description: 'missed at least this many (2 by default)',
    }),
  ),
  of: Type.Optional(
    Type.Integer({
      minimum: 1,
      maximum: 52,
      description: '…of their last this many sessions (3 by default)',
    }),
  ),
  format: Format,
});
export const TrendsQuery = Type.Object({ groupId: Type.Optional(Uuid), ...Range, format: Format });
export const UsherActivityQuery = Type.Object({
  sessionId: Type.Optional(Uuid),
  groupId: Type.Optional(Uuid),
  ...Range,
  format: Format,
});

const Scope = {
  sessionId: Nullable(Type.String()),
  groupId: Nullable(Type.String()),
  from: Nullable(Type.String()),
  to: Nullable(Type.String()),
};
const Rate = Nullable(
  Type.Number({
    description: 'attended members / expected members, 0 to 1; null when nobody was expected',
  }),
);
const Row = Type.Object({
  sessionId: Type.String(),
  sessionName: Type.String(),
  scheduledStart: Type.String(),
  participantId: Type.String(),
  participantName: Type.String(),
  expected: Type.Boolean({
    description: "false for a walk-in: recorded, but not an active member of the session's groups",
  }),
  state: Type.String({ description: 'the presence state, or "missing" when there is no record' }),
  stateLabel: Type.String({
    description:
      'the state as the organization names it ("No record" for missing), as in the totals',
  }),
  method: Nullable(Type.String()),
  recordedAt: Nullable(Type.String()),
  recordedBy: Nullable(Type.String()),
  leftAt: Nullable(Type.String({ description: 'when the person was checked out, if they were' })),
  minutesPresent: Nullable(
    Type.Integer({ description: 'time present (left − arrived) in minutes, where both are known' }),
  ),
});
const Page = { total: Type.Integer(), limit: Type.Integer(), offset: Type.Integer() };

export const AttendanceReport = Type.Object({
  generatedAt: Type.String(),
  scope: Type.Object({ ...Scope, state: Nullable(Type.String()) }),
  sessions: Type.Array(
    Type.Object({
      id: Type.String(),
      name: Type.String(),
      scheduledStart: Type.String(),
      expected: Type.Integer(),
      attended: Type.Integer(),
      present: Type.Integer({ description: 'everyone in a present state, walk-ins included' }),
      walkIns: Type.Integer(),
      rate: Rate,
    }),
  ),
  totals: Type.Object({
    sessions: Type.Integer(),
    expected: Type.Integer(),
    attended: Type.Integer(),
    present: Type.Integer({
      description: 'everyone in a present state, walk-ins included (the sum of those states)',
    }),
    rate: Rate,
    walkIns: Type.Integer(),
    byState: Type.Array(
      Type.Object({ state: Type.String(), label: Type.String(), count: Type.Integer() }),
    ),
  }),
  rows: Type.Array(Row),
  totalRows: Type.Integer(),
  limit: Type.Integer(),
  offset: Type.Integer(),
});
export const AbsenteesReport = Type.Object({
  generatedAt: Type.String(),
  session: Type.Object({ id: Type.String(), name: Type.String(), scheduledStart: Type.String() }),
  expected: Type.Integer(),
  ...Page,
  rows: Type.Array(Row),
});
export const DriftingReport = Type.Object({
  generatedAt: Type.String(),
  groupId: Nullable(Type.String()),
  missed: Type.Integer(),
  of: Type.Integer(),
  total: Type.Integer(),
  items: Type.Array(
    Type.Object({
      participantId: Type.String(),
      participantName: Type.String(),
      missed: Type.Integer(),
      of: Type.Integer({
        description: 'sessions considered: their last `of`, or fewer if they had fewer',
      }),
      lastAttendedAt: Nullable(
        Type.String({ description: 'start of the last session they attended, in any group' }),
      ),
    }),
  ),
});
export const TrendsReport = Type.Object({
  generatedAt: Type.String(),
  groupId: Nullable(Type.String({ description: 'null: the whole organization' })),
  from: Type.String(),
  to: Type.String(),
  weeks: Type.Array(
    Type.Object({
      week: Type.String({ description: 'ISO 8601 week, e.g. 2026-W47 (Monday to Sunday, UTC)' }),
      weekStart: Type.String(),
      sessions: Type.Integer(),
      present: Type.Integer({
        description: 'attended records (present, late…), walk-ins included',
      }),
      expected: Type.Integer(),
      rate: Rate,
      attendees: Type.Integer({ description: 'distinct people who attended' }),
      firstTime: Type.Integer({
        description: 'attendees whose first attended record ever is in this week',
      }),
      returning: Type.Integer(),
    }),
  ),
});
export const UsherActivityReport = Type.Object({
  generatedAt: Type.String(),
  scope: Type.Object(Scope),
  sessions: Type.Integer(),
  total: Type.Integer(),
  ushers: Type.Array(
    Type.Object({
      userId: Type.String(),
      name: Type.String(),
      role: Type.String(),
      total: Type.Integer(),
      byMethod: Type.Record(Type.String(), Type.Integer()),
    }),
  ),
});
