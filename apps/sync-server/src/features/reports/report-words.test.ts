// The exports' words: the organization's terms (packages/shared terms.ts, tested there for the
// plurals) in its language, English when unset.
import { describe, expect, it } from 'vitest';
import { reportWords } from './report-words.ts';

describe('report words', () => {
  it("use the organization's own plurals, and form the others in its language", () => {
    const w = reportWords('es', {
      session: 'Reunión',
      participant: 'Miembro',
      group: 'Célula',
      participants: 'Hermanos',
    });
    expect(w.noSessionsInRange).toBe('Sin reuniones en este periodo.');
  });

  it('give a Spanish church that kept the English defaults the Spanish words, as on screen', () => {
    const w = reportWords(
      'es',
      { session: 'Service', participant: 'Member', group: 'Ministry' },
      'church',
    );
    expect(w.noSessionsInRange).toBe('Sin cultos en este periodo.');
    expect(
      reportWords('en', { session: 'Service', participant: 'Member', group: 'Ministry' })
        .noSessionsInRange,
    ).toBe('No services in this range.');
  });

  it('speaks English when the language is unset or not one the server ships', () => {
    const labels = { session: 'Service', participant: 'Member', group: 'Ministry' };
    expect(reportWords(undefined, labels).attendanceSheet).toBe('Attendance sheet');
    expect(reportWords('fr', labels).attendanceSheet).toBe('Attendance sheet');
    expect(reportWords('es', labels).attendanceSheet).toBe('Hoja de asistencia');
  });
});
