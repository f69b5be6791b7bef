// Which existing participant an imported row is, without I/O. An import must never turn one person
// into another, so a row's external key and personal code are claims about who it is, and the
// name has to agree with them:
// - the key and the code name at most one person each; naming two different people is a problem;
// - a code whose person already has a different external key than the row's is a problem too;
// - the row is the person its key names, else the person its code names, else someone new;
// - it updates that person (phone, guardian, preferred name, groups, a code or key they lack) when
//   the first and last name agree, ignoring case, accents and spacing;
// - a different name is a name correction only when the row gives the key AND the code and both
//   are that person's; with one of them alone it is a problem naming whose it is ("personal code
//   12345 belongs to Hannah Acheampong"). A person without a key is renamed on their own page.
import type { CleanRow, ImportField, RowProblem } from './participant-rows.ts';

export interface Person {
  id: string;
  first_name: string;
  last_name: string;
  personal_code: string;
  external_key: string | null;
}

export type Match<P extends Person> = { person: P | undefined } | { problem: RowProblem };

const fold = (s: string) =>
  s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
const nameOf = (p: { first_name: string; last_name: string }) =>
  `${p.first_name} ${p.last_name}`.trim();
const sameName = (p: Person, r: CleanRow) =>
  fold(nameOf(p)) === fold(`${r.firstName} ${r.lastName}`);

export function matchRow<P extends Person>(
  r: CleanRow,
  byKey: Map<string, P>,
  byCode: Map<string, P>,
): Match<P> {
  const problem = (field: ImportField, message: string) => ({
    problem: { row: r.row, field, message },
  });
  const keyOwner = r.externalKey ? byKey.get(r.externalKey) : undefined;
  const codeOwner = r.personalCode ? byCode.get(r.personalCode) : undefined;
  const code = `personal code ${r.personalCode}`;
  const key = `external key ${r.externalKey}`;
  if (keyOwner && codeOwner && keyOwner.id !== codeOwner.id)
    return problem(
      'personal_code',
      `${code} belongs to ${nameOf(codeOwner)}, but ${key} to ${nameOf(keyOwner)}`,
    );
  if (codeOwner && !keyOwner && r.externalKey && codeOwner.external_key)
    return problem(
      'external_key',
      `${code} belongs to ${nameOf(codeOwner)}, whose external key is ${codeOwner.external_key}, not ${r.externalKey}`,
    );
  const person = keyOwner ?? codeOwner;
  if (!person || sameName(person, r) || (keyOwner && codeOwner)) return { person };
  const hint = person.external_key
    ? 'to correct the name, give both their external key and personal code'
    : "correct the name on the participant's page";
  return keyOwner
    ? problem('external_key', `${key} belongs to ${nameOf(person)} (${hint})`)
    : problem('personal_code', `${code} belongs to ${nameOf(person)} (${hint})`);
}
