// Checking imported participant rows, without I/O: every problem is reported with its row (1 is
// the first data row, as a spreadsheet shows it after the header), its field and what is wrong.
export const IMPORT_FIELDS = [
  'first_name',
  'last_name',
  'preferred_name',
  'personal_code',
  'external_key',
  'guardian_name',
  'guardian_phone',
  'groups',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];
export type RawRow = Partial<Record<ImportField, string>>;

export interface CleanRow {
  row: number;
  firstName: string;
  lastName: string;
  preferredName: string | null;
  personalCode: string | null;
  externalKey: string | null;
  guardianName: string | null;
  guardianPhone: string | null;
  groupNames: string[];
}
export interface RowProblem {
  row: number;
  field: ImportField;
  message: string;
}

const LIMITS: Partial<Record<ImportField, number>> = {
  first_name: 100,
  last_name: 100,
  preferred_name: 100,
  external_key: 40,
  guardian_name: 200,
  guardian_phone: 40,
};
const text = (v: string | undefined) => (v ?? '').trim();
const orNull = (v: string) => (v === '' ? null : v);

export function checkRows(
  rows: RawRow[],
  groupNames: Set<string>,
): { clean: CleanRow[]; problems: RowProblem[] } {
  const problems: RowProblem[] = [];
  const clean: CleanRow[] = [];
  const seenCode = new Map<string, number>();
  const seenKey = new Map<string, number>();
  rows.forEach((raw, i) => {
    const row = i + 1;
    const before = problems.length;
    const bad = (field: ImportField, message: string) => problems.push({ row, field, message });
    for (const [field, max] of Object.entries(LIMITS) as [ImportField, number][]) {
      if (text(raw[field]).length > max) bad(field, `is longer than ${max} characters`);
    }
    const firstName = text(raw.first_name);
    if (!firstName) bad('first_name', 'is required');
    const code = text(raw.personal_code);
    if (code && !/^\d{5}$/.test(code)) bad('personal_code', `"${code}" is not 5 digits`);
    else if (code && seenCode.has(code))
      bad('personal_code', `${code} is also on row ${seenCode.get(code)}`);
    const key = text(raw.external_key);
    if (key && seenKey.has(key)) bad('external_key', `${key} is also on row ${seenKey.get(key)}`);
    const names = text(raw.groups)
      .split(';')
      .map((g) => g.trim())
      .filter(Boolean);
    for (const g of names) if (!groupNames.has(g)) bad('groups', `no group is called "${g}"`);
    if (code) seenCode.set(code, row);
    if (key) seenKey.set(key, row);
    if (problems.length > before) return;
    clean.push({
      row,
      firstName,
      lastName: text(raw.last_name),
      preferredName: orNull(text(raw.preferred_name)),
      personalCode: orNull(code),
      externalKey: orNull(key),
      guardianName: orNull(text(raw.guardian_name)),
      guardianPhone: orNull(text(raw.guardian_phone)),
      groupNames: names,
    });
  });
  return { clean, problems };
}
