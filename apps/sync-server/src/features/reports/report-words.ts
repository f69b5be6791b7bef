// The words of the PDF and CSV exports, in the organization's language and its own terms: a church
// that calls a session a "Service" and a participant a "Member" reads those words on its printouts.
// The terms are packages/shared's organizationTerms (the same words as on screen). One catalog per language, each built against the same `Words`
// interface, so a Spanish word missing is a compile error rather than an English word on a page.
import {
  LANGUAGES,
  midSentence,
  organizationTerms,
  type Language,
  type OrganizationSettings,
  type Terms,
} from '@rollcall/shared';

type Labels = OrganizationSettings['labels'];

export interface Words {
  language: Language;
  // The running frame of every page.
  generated: (at: string) => string;
  timesIn: (zone: string) => string;
  page: (n: number) => string;
  /** A week's start on the chart's axis, from its month (1-12) and day. */
  weekLabel: (month: number, day: number) => string;
  // The filter line under the title.
  sessionFilter: (name: string, at: string) => string;
  groupFilter: (name: string) => string;
  everyGroup: string;
  dateRange: (from: string, to: string) => string;
  onlyState: (state: string) => string;
  absenteesFilter: string;
  driftingFilter: (missed: number, of: number) => string;
  /** The state of someone expected with no record. */
  noRecord: string;
  // Titles and headings.
  attendanceSheet: string;
  attendanceReport: string;
  absentees: string;
  weeklyTrends: string;
  driftingAway: string;
  usherActivity: string;
  summary: string;
  totalsByState: string;
  weeklyAttendance: string;
  // Figures and column headers.
  session: string;
  sessions: string;
  participant: string;
  participants: string;
  group: string;
  attended: string;
  members: string;
  membersOfExpected: (attended: number, expected: number) => string;
  rate: string;
  walkIns: string;
  /** A walk-in's group cell, and the mark after a walk-in's name. */
  walkIn: string;
  walkInMark: (name: string) => string;
  state: string;
  arrived: string;
  method: string;
  signature: string;
  count: string;
  participantsListed: string;
  starts: string;
  expected: string;
  day: string;
  time: string;
  by: string;
  recorded: string;
  absentOrNoRecord: string;
  week: string;
  weeks: string;
  present: string;
  attendees: string;
  firstTime: string;
  returning: string;
  attendedRecords: string;
  firstTimeAttendees: string;
  returningSumOfWeeks: string;
  latestWeek: string;
  latestAttendees: string;
  latestRate: string;
  missed: string;
  ofLast: string;
  lastAttended: string;
  never: string;
  drifting: string;
  checkIns: string;
  ushers: string;
  usher: string;
  role: string;
  total: string;
  attendanceRate: string;
  noSessionsInRange: string;
  /**
   * CSV header rows. Only words change with the language and terms: the columns, their order, the
   * ids (`participant_id`, `user_id`) and `state_code` stay as they are, so scripts that join on
   * them keep working, and timestamps stay ISO.
   */
  csv: {
    attendance: string[];
    drifting: string[];
    trends: string[];
    usherActivity: string[];
  };
}

/** A header cell from a label: "Training day" → "training_day". */
const key = (s: string) => s.trim().toLowerCase().replace(/\s+/g, '_');

const EN_MONTHS = [
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'May',
  'Jun',
  'Jul',
  'Aug',
  'Sep',
  'Oct',
  'Nov',
  'Dec',
];
const ES_MONTHS = [
  'ene',
  'feb',
  'mar',
  'abr',
  'may',
  'jun',
  'jul',
  'ago',
  'sept',
  'oct',
  'nov',
  'dic',
];

const en = (t: Terms): Words => ({
  language: 'en',
  generated: (at) => `Generated ${at}`,
  timesIn: (zone) => `Times in ${zone}`,
  page: (n) => `Page ${n}`,
  weekLabel: (month, day) => `${EN_MONTHS[month - 1]} ${day}`,
  sessionFilter: (name, at) => `${t.session}: ${name}, ${at}`,
  groupFilter: (name) => `${t.group}: ${name} and its subgroups`,
  everyGroup: `Every ${midSentence(t.group)}`,
  dateRange: (from, to) => `From ${from} to ${to}`,
  onlyState: (state) => `Only: ${state}`,
  absenteesFilter: 'Absent, another state that is neither present nor excused, or no record',
  driftingFilter: (missed, of) =>
    `Missed at least ${missed} of their last ${of} ${midSentence(t.sessions)}`,
  noRecord: 'No record',
  attendanceSheet: 'Attendance sheet',
  attendanceReport: 'Attendance report',
  absentees: 'Absentees',
  weeklyTrends: 'Weekly trends',
  driftingAway: 'Drifting away',
  usherActivity: 'Usher activity',
  summary: 'Summary',
  totalsByState: 'Totals by state',
  weeklyAttendance: 'Weekly attendance',
  session: t.session,
  sessions: t.sessions,
  participant: t.participant,
  participants: t.participants,
  group: t.group,
  attended: 'Attended',
  members: 'Members',
  membersOfExpected: (attended, expected) => `${attended} of ${expected} expected`,
  rate: 'Rate',
  walkIns: 'Walk-ins',
  walkIn: 'walk-in',
  walkInMark: (name) => `${name} (walk-in)`,
  state: 'State',
  arrived: 'Arrived',
  method: 'Method',
  signature: 'Signature',
  count: 'Count',
  participantsListed: `${t.participants} listed`,
  starts: 'Starts',
  expected: 'Expected',
  day: 'Day',
  time: 'Time',
  by: 'By',
  recorded: 'Recorded',
  absentOrNoRecord: 'Absent or no record',
  week: 'Week',
  weeks: 'Weeks',
  present: 'Present',
  attendees: 'Attendees',
  firstTime: 'First-time',
  returning: 'Returning',
  attendedRecords: 'Attended records',
  firstTimeAttendees: 'First-time attendees',
  returningSumOfWeeks: 'Returning (sum of weeks)',
  latestWeek: 'Latest week',
  latestAttendees: 'Latest attendees',
  latestRate: 'Latest rate',
  missed: 'Missed',
  ofLast: 'Of last',
  lastAttended: 'Last attended',
  never: 'never',
  drifting: `${t.participants} drifting`,
  checkIns: 'Check-ins',
  ushers: 'Ushers',
  usher: 'Usher',
  role: 'Role',
  total: 'Total',
  attendanceRate: 'Attendance rate',
  noSessionsInRange: `No ${midSentence(t.sessions)} in this range.`,
  csv: {
    attendance: [
      key(t.session),
      `${key(t.session)}_start`,
      'participant_id',
      key(t.participant),
      'expected',
      'state',
      'state_code',
      'method',
      'recorded_at',
      'recorded_by',
      'left_at',
      'minutes_present',
    ],
    drifting: ['participant_id', key(t.participant), 'missed', 'of', 'last_attended_at'],
    trends: [
      'week',
      'week_start',
      key(t.sessions),
      'present',
      'expected',
      'rate',
      'attendees',
      'first_time',
      'returning',
    ],
    usherActivity: ['user_id', 'usher', 'role', 'method', 'check_ins'],
  },
});

// Spanish avoids articles and adjectives next to the organization's words: their gender is unknown
// ("los servicios", "las reuniones"), so the phrases are built to need none.
const es = (t: Terms): Words => ({
  language: 'es',
  generated: (at) => `Generado ${at}`,
  timesIn: (zone) => `Horas en ${zone}`,
  page: (n) => `Página ${n}`,
  weekLabel: (month, day) => `${day} ${ES_MONTHS[month - 1]}`,
  sessionFilter: (name, at) => `${t.session}: ${name}, ${at}`,
  groupFilter: (name) => `${t.group}: ${name} y sus subgrupos`,
  everyGroup: `Sin filtro de ${midSentence(t.group)}`,
  dateRange: (from, to) => `Del ${from} al ${to}`,
  onlyState: (state) => `Solo: ${state}`,
  absenteesFilter: 'Ausentes, otro estado que no es presente ni justificado, o sin registro',
  driftingFilter: (missed, of) =>
    `Faltaron al menos ${missed} veces en sus ${of} ${midSentence(t.sessions)} más recientes`,
  noRecord: 'Sin registro',
  attendanceSheet: 'Hoja de asistencia',
  attendanceReport: 'Informe de asistencia',
  absentees: 'Ausentes',
  weeklyTrends: 'Tendencias semanales',
  driftingAway: 'Se están alejando',
  usherActivity: 'Actividad de ujieres',
  summary: 'Resumen',
  totalsByState: 'Totales por estado',
  weeklyAttendance: 'Asistencia semanal',
  session: t.session,
  sessions: t.sessions,
  participant: t.participant,
  participants: t.participants,
  group: t.group,
  attended: 'Asistieron',
  members: 'Miembros',
  membersOfExpected: (attended, expected) => `${attended} de ${expected} esperados`,
  rate: 'Tasa',
  walkIns: 'No esperados',
  walkIn: 'no esperado',
  walkInMark: (name) => `${name} (no esperado)`,
  state: 'Estado',
  arrived: 'Llegada',
  method: 'Método',
  signature: 'Firma',
  count: 'Cantidad',
  participantsListed: `${t.participants} en la lista`,
  starts: 'Inicio',
  expected: 'Esperados',
  day: 'Día',
  time: 'Hora',
  by: 'Por',
  recorded: 'Registrado',
  absentOrNoRecord: 'Ausentes o sin registro',
  week: 'Semana',
  weeks: 'Semanas',
  present: 'Presentes',
  attendees: 'Asistentes',
  firstTime: 'Primera vez',
  returning: 'Recurrentes',
  attendedRecords: 'Registros de asistencia',
  firstTimeAttendees: 'Asistentes por primera vez',
  returningSumOfWeeks: 'Recurrentes (suma de semanas)',
  latestWeek: 'Última semana',
  latestAttendees: 'Asistentes, última semana',
  latestRate: 'Tasa, última semana',
  missed: 'Faltas',
  ofLast: 'De',
  lastAttended: 'Última asistencia',
  never: 'nunca',
  drifting: `${t.participants} alejándose`,
  checkIns: 'Registros',
  ushers: 'Ujieres',
  usher: 'Ujier',
  role: 'Rol',
  total: 'Total',
  attendanceRate: 'Tasa de asistencia',
  noSessionsInRange: `Sin ${midSentence(t.sessions)} en este periodo.`,
  csv: {
    attendance: [
      key(t.session),
      `inicio_${key(t.session)}`,
      'participant_id',
      key(t.participant),
      'esperado',
      'estado',
      'state_code',
      'método',
      'registrado_en',
      'registrado_por',
      'salida_en',
      'minutos_presente',
    ],
    drifting: ['participant_id', key(t.participant), 'faltas', 'de', 'última_asistencia_en'],
    trends: [
      'semana',
      'inicio_semana',
      key(t.sessions),
      'presentes',
      'esperados',
      'tasa',
      'asistentes',
      'primera_vez',
      'recurrentes',
    ],
    usherActivity: ['user_id', 'ujier', 'rol', 'método', 'registros'],
  },
});

const CATALOG: Record<Language, (t: Terms) => Words> = { en, es };

/**
 * The export words for an organization: its language (English when unset, or when it names one
 * this server does not ship) and its terms.
 */
/** The words for `language` (English if unset or not shipped); the terms come from
 * packages/shared, as on screen (a Spanish church that kept the defaults reads "Culto"). */
export function reportWords(
  language: string | undefined,
  labels: Labels,
  domainType?: string,
): Words {
  const lang = (LANGUAGES as readonly string[]).includes(language ?? '')
    ? (language as Language)
    : 'en';
  return CATALOG[lang](organizationTerms(labels, lang, domainType));
}
