// The plurals of an organization's words, when it gave none: English and Spanish rules, the last
// word of a label pluralized, and the organization's own plural always preferred.
import { describe, expect, it } from 'vitest';
import { englishPlural, lowerFirst, reportWords, spanishPlural, termsOf } from './report-words.ts';

describe('report words', () => {
  it('forms English plurals: y → ies after a consonant, s/x/z/ch/sh → es, else s', () => {
    const cases = {
      Ministry: 'Ministries',
      Day: 'Days',
      Class: 'Classes',
      Box: 'Boxes',
      Waltz: 'Waltzes',
      Church: 'Churches',
      Bush: 'Bushes',
      Service: 'Services',
      'Training day': 'Training days',
      'Class group': 'Class groups',
    };
    for (const [one, many] of Object.entries(cases)) expect(englishPlural(one)).toBe(many);
  });

  it('forms Spanish plurals: a vowel takes s, z → ces, else es (the accent goes)', () => {
    const cases = {
      Culto: 'Cultos',
      Clase: 'Clases',
      Miembro: 'Miembros',
      Luz: 'Luces',
      Ministerio: 'Ministerios',
      Sesión: 'Sesiones',
      Reunión: 'Reuniones',
      Almacén: 'Almacenes',
      Profesor: 'Profesores',
    };
    for (const [one, many] of Object.entries(cases)) expect(spanishPlural(one)).toBe(many);
  });

  it("prefers the organization's own plurals, and forms the others in its language", () => {
    expect(
      termsOf(
        { session: 'Reunión', participant: 'Miembro', group: 'Célula', participants: 'Hermanos' },
        'es',
      ),
    ).toEqual({
      session: 'Reunión',
      sessions: 'Reuniones',
      participant: 'Miembro',
      participants: 'Hermanos',
      group: 'Célula',
      groups: 'Células',
    });
    expect(termsOf({ session: 'Service', participant: 'Member', group: 'Ministry' }, 'en')).toEqual(
      {
        session: 'Service',
        sessions: 'Services',
        participant: 'Member',
        participants: 'Members',
        group: 'Ministry',
        groups: 'Ministries',
      },
    );
  });

  it('lowers a word mid-sentence, but not an acronym', () => {
    expect(lowerFirst('Services')).toBe('services');
    expect(lowerFirst('IT teams')).toBe('IT teams');
  });

  it('speaks English when the language is unset or not one the server ships', () => {
    const labels = { session: 'Service', participant: 'Member', group: 'Ministry' };
    expect(reportWords(undefined, labels).attendanceSheet).toBe('Attendance sheet');
    expect(reportWords('fr', labels).attendanceSheet).toBe('Attendance sheet');
    expect(reportWords('es', labels).attendanceSheet).toBe('Hoja de asistencia');
  });
});
