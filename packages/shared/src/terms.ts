// The organization's own words (its "labels": Service, Member, Ministry…) in the forms a sentence
// needs. Screens, PDFs and CSV headers all take them from here, so a church never reads "Session".
import { DEFAULT_LABELS, type DomainType, type Language } from './domain.ts';
import type { OrganizationSettings } from './protocol/entities.ts';

type Labels = OrganizationSettings['labels'];

export interface Terms {
  session: string;
  sessions: string;
  participant: string;
  participants: string;
  group: string;
  groups: string;
}

/** The domain defaults in Spanish, used when a Spanish organization kept the English defaults. */
const SPANISH_DEFAULTS: Record<DomainType, Terms> = {
  church: t('Culto', 'Cultos', 'Miembro', 'Miembros', 'Ministerio', 'Ministerios'),
  education: t('Clase', 'Clases', 'Estudiante', 'Estudiantes', 'Grupo', 'Grupos'),
  events: t('Evento', 'Eventos', 'Invitado', 'Invitados', 'Tipo de entrada', 'Tipos de entrada'),
  corporate: t('Reunión', 'Reuniones', 'Empleado', 'Empleados', 'Equipo', 'Equipos'),
  training: t('Jornada', 'Jornadas', 'Participante', 'Participantes', 'Pelotón', 'Pelotones'),
};

function t(...w: [string, string, string, string, string, string]): Terms {
  const [session, sessions, participant, participants, group, groups] = w;
  return { session, sessions, participant, participants, group, groups };
}

const VOWEL = /[aeiouáéíóú]$/i;

function pluralWordEn(word: string): string {
  if (/[^aeiou]y$/i.test(word)) return `${word.slice(0, -1)}ies`;
  if (/(s|x|z|ch|sh)$/i.test(word)) return `${word}es`;
  return `${word}s`;
}

function pluralWordEs(word: string): string {
  if (VOWEL.test(word)) return `${word}s`;
  if (/z$/i.test(word)) return `${word.slice(0, -1)}ces`;
  // "lunes", "crisis" stay; a one-syllable or end-stressed word takes -es: "mes", "autobús".
  const syllables = word.match(/[aeiouáéíóú]+/gi)?.length ?? 0;
  if (/s$/i.test(word) && syllables > 1 && !/[áéíóú]s$/i.test(word)) return word;
  // An accent on the last syllable moves away in the plural: "reunión" → "reuniones".
  const plain = word.replace(/[áéíóú](?=[ns]$)/i, (c) => c.normalize('NFD')[0] ?? c);
  return `${plain}es`;
}

/** A noun's plural when the organization did not give one: English changes the last word
 * ("Training days"), Spanish the words before "de" ("Tipos de entrada", "Salas grandes"). */
export function pluralOf(label: string, language: Language): string {
  if (language === 'es') {
    const at = label.search(/\s(de|del)\s/i);
    const head = at < 0 ? label : label.slice(0, at);
    const tail = at < 0 ? '' : label.slice(at);
    return head.split(' ').map(pluralWordEs).join(' ') + tail;
  }
  const words = label.split(' ');
  const last = words.pop() ?? label;
  return [...words, pluralWordEn(last)].join(' ');
}

const isDomainType = (v: string | undefined): v is DomainType =>
  v !== undefined && Object.hasOwn(DEFAULT_LABELS, v);

function keptEnglishDefaults(labels: Labels, domainType: DomainType): boolean {
  const d = DEFAULT_LABELS[domainType];
  return (
    d.session === labels.session && d.participant === labels.participant && d.group === labels.group
  );
}

/** The organization's words for `language`, plurals formed where the organization gave none. */
export function organizationTerms(labels: Labels, language: Language, domainType?: string): Terms {
  if (language === 'es' && isDomainType(domainType) && keptEnglishDefaults(labels, domainType)) {
    return SPANISH_DEFAULTS[domainType];
  }
  return {
    session: labels.session,
    sessions: labels.sessions ?? pluralOf(labels.session, language),
    participant: labels.participant,
    participants: labels.participants ?? pluralOf(labels.participant, language),
    group: labels.group,
    groups: labels.groups ?? pluralOf(labels.group, language),
  };
}

/** Mid-sentence form: "Service" → "service", but an acronym ("IT team") keeps its capitals. */
export function midSentence(word: string): string {
  return /^\p{Lu}\p{Ll}/u.test(word) || word.length === 1
    ? word[0]?.toLowerCase() + word.slice(1)
    : word;
}

/** Interpolation variables for messages: `{{Session}}` heads a sentence, `{{session}}` sits in one. */
export function termVariables(terms: Terms): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, word] of Object.entries(terms) as [string, string][]) {
    out[(key[0] ?? '').toUpperCase() + key.slice(1)] = word;
    out[key] = midSentence(word);
  }
  return out;
}
