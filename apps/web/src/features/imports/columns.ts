// The columns an import knows, in words (the wire names are snake_case, people's files are not),
// with the headers spreadsheets in English, French and Spanish give them, so a file exported from
// elsewhere maps itself; what is left is matched by hand before any row is checked.

export interface Field {
  /** The name the server takes. */
  key: string;
  /** Its English name (also a header it matches); screens show `field.<key>` from the catalog. */
  label: string;
  /** Other headers meaning this column, compared without case, accents, spaces or punctuation. */
  aliases: readonly string[];
}

/** Any one of these sets of columns, every column of the set matched, meets the need. */
export type Need = readonly (readonly string[])[];

/** A column's index in the file, or -1 when it is not in the file. */
export type ColumnMap = Record<string, number>;

const norm = (s: string) =>
  s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');

/** Each field gets the first unclaimed header that is its name, its label or one of its aliases. */
export function guessColumns(fields: readonly Field[], header: readonly string[]): ColumnMap {
  const headers = header.map(norm);
  const taken = new Set<number>();
  const map: ColumnMap = {};
  for (const f of fields) {
    const names = new Set([f.key, f.label, ...f.aliases].map(norm));
    const at = headers.findIndex((h, i) => !taken.has(i) && names.has(h));
    if (at >= 0) taken.add(at);
    map[f.key] = at;
  }
  return map;
}

/** How a need is put in words: a column's name, "a and b", "a, or b" (English by default). */
export interface NeedWords {
  label(field: Field): string;
  and(a: string, b: string): string;
  or(a: string, b: string): string;
}

const ENGLISH: NeedWords = {
  label: (f) => f.label,
  and: (a, b) => `${a} and ${b}`,
  or: (a, b) => `${a}, or ${b}`,
};

/** What still has to be matched before rows can be checked, one phrase per unmet need. */
export function unmetNeeds(
  needs: readonly Need[],
  fields: readonly Field[],
  map: ColumnMap,
  words: NeedWords = ENGLISH,
): string[] {
  const label = (key: string) => {
    const f = fields.find((x) => x.key === key);
    return f ? words.label(f) : key;
  };
  const mapped = (key: string) => (map[key] ?? -1) >= 0;
  return needs
    .filter((need) => !need.some((set) => set.every(mapped)))
    .map((need) =>
      need
        .map((set) => set.map(label).reduce((a, b) => words.and(a, b)))
        .reduce((a, b) => words.or(a, b)),
    );
}

/** Up to `count` non-empty values of a column, for showing what it holds. */
export function sample(rows: readonly string[][], column: number, count = 3): string[] {
  const out: string[] = [];
  for (const r of rows) {
    const v = (r[column] ?? '').trim();
    if (v) out.push(v);
    if (out.length === count) break;
  }
  return out;
}

export const PARTICIPANT_FIELDS: readonly Field[] = [
  {
    key: 'first_name',
    label: 'First name',
    aliases: ['given name', 'forename', 'firstname', 'prénom', 'prenom', 'nombre', 'nombres'],
  },
  {
    key: 'last_name',
    label: 'Last name',
    aliases: [
      'surname',
      'family name',
      'lastname',
      'nom',
      'nom de famille',
      'apellido',
      'apellidos',
    ],
  },
  {
    key: 'preferred_name',
    label: 'Preferred name',
    aliases: ['known as', 'nickname', "nom d'usage", 'surnom', 'apodo', 'nombre preferido'],
  },
  {
    key: 'personal_code',
    label: 'Personal code',
    aliases: ['code', 'code personnel', 'código', 'código personal'],
  },
  {
    key: 'external_key',
    label: 'External key',
    aliases: ['key', 'id', 'identifiant', 'clé', 'clé externe', 'clave', 'clave externa'],
  },
  {
    key: 'guardian_name',
    label: 'Guardian name',
    aliases: ['guardian', 'parent', 'responsable', 'tuteur', 'tutor', 'nom du responsable'],
  },
  {
    key: 'guardian_phone',
    label: 'Guardian phone',
    aliases: [
      'phone',
      'telephone',
      'téléphone',
      'tel',
      'mobile',
      'portable',
      'teléfono',
      'celular',
    ],
  },
  {
    key: 'groups',
    label: 'Groups',
    aliases: ['group', 'groupe', 'groupes', 'grupo', 'grupos'],
  },
];

export const ATTENDANCE_FIELDS: readonly Field[] = [
  { key: 'session_id', label: 'Session id', aliases: ['id de séance', 'id de sesión'] },
  {
    key: 'session_name',
    label: 'Session name',
    aliases: ['session', 'séance', 'événement', 'sesión', 'evento', 'nom de la séance'],
  },
  { key: 'session_date', label: 'Session date', aliases: ['date', 'fecha'] },
  { key: 'session_time', label: 'Session time', aliases: ['time', 'heure', 'hora'] },
  {
    key: 'session_groups',
    label: 'Session groups',
    aliases: ['groups', 'groupes', 'grupos', 'group', 'groupe', 'grupo'],
  },
  {
    key: 'external_key',
    label: 'External key',
    aliases: ['key', 'identifiant', 'clé', 'clé externe', 'clave', 'clave externa'],
  },
  {
    key: 'personal_code',
    label: 'Personal code',
    aliases: ['code', 'code personnel', 'código', 'código personal'],
  },
  {
    key: 'state',
    label: 'State',
    aliases: ['status', 'présence', 'statut', 'état', 'estado', 'asistencia'],
  },
  {
    key: 'checked_in_at',
    label: 'Checked in at',
    aliases: ['arrival', 'arrived', 'arrivée', "heure d'arrivée", 'llegada', 'hora de llegada'],
  },
];
