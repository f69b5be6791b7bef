// A week of the trends report in the reader's words ("Week of 23 Nov", "Semana del 23 nov") from
// its first day, instead of the server's ISO label ("2026-W48") that nobody says aloud.
import { formatLocale, type T } from '../../i18n/i18n.ts';

/** `weekStart` is a calendar date (the organization's Monday), so it is read in UTC. */
export function weekLabel(t: T<'reports'>, weekStart: string): string {
  const date = new Date(`${weekStart}T00:00:00Z`).toLocaleDateString(formatLocale(), {
    month: 'short',
    day: 'numeric',
    timeZone: 'UTC',
  });
  return t('weekOf', { date });
}
