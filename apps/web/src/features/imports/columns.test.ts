import { describe, expect, it } from 'vitest';
import {
  ATTENDANCE_FIELDS,
  guessColumns,
  PARTICIPANT_FIELDS,
  sample,
  unmetNeeds,
} from './columns.ts';
import { attendanceImport, participantsImport } from './import-kinds.ts';

describe('matching a file’s headers to the import’s fields', () => {
  it('knows the template’s names, plain English, and French and Spanish headers', () => {
    expect(guessColumns(PARTICIPANT_FIELDS, ['first_name', 'Last Name', 'Groups'])).toMatchObject({
      first_name: 0,
      last_name: 1,
      groups: 2,
    });
    const french = ['Prénom', 'Nom', 'Téléphone', 'Groupe', 'Code personnel'];
    expect(guessColumns(PARTICIPANT_FIELDS, french)).toEqual({
      first_name: 0,
      last_name: 1,
      preferred_name: -1,
      personal_code: 4,
      external_key: -1,
      guardian_name: -1,
      guardian_phone: 2,
      groups: 3,
    });
    expect(guessColumns(PARTICIPANT_FIELDS, ['Nombre', 'Apellidos', 'Teléfono'])).toMatchObject({
      first_name: 0,
      last_name: 1,
      guardian_phone: 2,
    });
    expect(guessColumns(ATTENDANCE_FIELDS, ['Séance', 'Fecha', 'Statut'])).toMatchObject({
      session_name: 0,
      session_date: 1,
      state: 2,
    });
  });
  it('gives one column to one field only', () => {
    const map = guessColumns(PARTICIPANT_FIELDS, ['Code', 'Code']);
    expect(map.personal_code).toBe(0);
    expect(Object.values(map).filter((i) => i === 1)).toEqual([]);
  });
});

describe('what must be matched before a check', () => {
  it('asks for a first name for participants', () => {
    const { needs, fields } = participantsImport;
    expect(unmetNeeds(needs, fields, { last_name: 0 })).toEqual(['First name']);
    expect(unmetNeeds(needs, fields, { first_name: 2 })).toEqual([]);
  });
  it('asks for a session, a participant and a state for attendance, in words', () => {
    const { needs, fields } = attendanceImport;
    expect(unmetNeeds(needs, fields, { session_name: 0, state: 1 })).toEqual([
      'Session id, or Session name and Session date',
      'External key, or Personal code',
    ]);
    expect(
      unmetNeeds(needs, fields, { session_id: 0, personal_code: 1, state: 2, external_key: -1 }),
    ).toEqual([]);
  });
});

describe('a column’s sample', () => {
  it('shows the first few values that are not blank', () => {
    expect(sample([['a'], [' '], ['b'], [], ['c'], ['d']], 0)).toEqual(['a', 'b', 'c']);
  });
});
