import { describe, expect, it } from 'vitest';
import { DEFAULT_LABELS } from './domain.ts';
import { midSentence, organizationTerms, pluralOf, termVariables } from './terms.ts';

describe('plurals of an organization word', () => {
  it.each([
    ['Service', 'Services'],
    ['Ministry', 'Ministries'],
    ['Class', 'Classes'],
    ['Training day', 'Training days'],
    ['Class group', 'Class groups'],
    ['Day', 'Days'],
    ['Box', 'Boxes'],
    ['Waltz', 'Waltzes'],
    ['Church', 'Churches'],
    ['Bush', 'Bushes'],
  ])('English %s → %s', (w, p) => expect(pluralOf(w, 'en')).toBe(p));

  it.each([
    ['Culto', 'Cultos'],
    ['Reunión', 'Reuniones'],
    ['Pelotón', 'Pelotones'],
    ['Luz', 'Luces'],
    ['Tipo de entrada', 'Tipos de entrada'],
    ['Sala grande', 'Salas grandes'],
    ['Clase', 'Clases'],
    ['Sesión', 'Sesiones'],
    ['Almacén', 'Almacenes'],
    ['Profesor', 'Profesores'],
    ['Ministerio', 'Ministerios'],
    ['Mes', 'Meses'],
    ['Autobús', 'Autobuses'],
    ['Lunes', 'Lunes'],
  ])('Spanish %s → %s', (w, p) => expect(pluralOf(w, 'es')).toBe(p));
});

describe('organization terms', () => {
  it('uses the plurals the organization gave', () => {
    const terms = organizationTerms(
      { session: 'Mass', participant: 'Parishioner', group: 'Choir', sessions: 'Masses' },
      'en',
    );
    expect(terms).toMatchObject({
      sessions: 'Masses',
      participants: 'Parishioners',
      groups: 'Choirs',
    });
  });

  it('gives a Spanish church that kept the English defaults the Spanish defaults', () => {
    expect(organizationTerms(DEFAULT_LABELS.church, 'es', 'church')).toMatchObject({
      session: 'Culto',
      participants: 'Miembros',
      groups: 'Ministerios',
    });
    expect(
      organizationTerms({ ...DEFAULT_LABELS.church, session: 'Misa' }, 'es', 'church'),
    ).toMatchObject({
      session: 'Misa',
      sessions: 'Misas',
      participant: 'Member',
    });
  });

  it('offers a capitalised and a mid-sentence form of each word', () => {
    const v = termVariables(organizationTerms(DEFAULT_LABELS.church, 'en', 'church'));
    expect(v).toMatchObject({ Session: 'Service', session: 'service', Groups: 'Ministries' });
    expect(midSentence('IT team')).toBe('IT team');
    expect(midSentence('Class')).toBe('class');
  });
});
