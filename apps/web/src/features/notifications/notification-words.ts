// A notification's title and body in the reader's language, from its kind and the details the
// server sends with it (`data`). The server's English text stays the fallback: for a kind this
// version of the app does not know, or details it cannot read.
import type { Notification } from '@rollcall/shared';
import { formatLocale, type T } from '../../i18n/i18n.ts';

interface Words {
  title: string;
  body: string;
}

// The server lists five names in a body; the rest are counted.
const NAMES_SHOWN = 5;

const text = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const count = (v: unknown): number | null => (typeof v === 'number' ? v : null);

function conflict(t: T<'notifications'>, d: Record<string, unknown>): Words | null {
  const name = text(d.participantName);
  const sessionName = text(d.sessionName);
  if (name === null || sessionName === null) return null;
  return {
    title: t('title.conflict', { name }),
    body: t('body.conflict', { name, sessionName }),
  };
}

function rejections(t: T<'notifications'>, d: Record<string, unknown>): Words | null {
  const [rejected, received, pushes] = [count(d.rejected), count(d.received), count(d.pushes)];
  const user = text(d.userName);
  if (rejected === null || received === null || pushes === null || user === null) return null;
  const device = text(d.deviceName);
  const from = device ? t('from.named', { user, device }) : t('from.unnamed', { user });
  return {
    title: t('title.rejections', { count: rejected }),
    body: t('body.rejections', { count: pushes, from, rejected, received }),
  };
}

function drifting(t: T<'notifications'>, d: Record<string, unknown>): Words | null {
  const [total, missed, of] = [count(d.total), count(d.missed), count(d.of)];
  const sessionName = text(d.sessionName);
  const people = Array.isArray(d.participants) ? d.participants : null;
  if (total === null || missed === null || of === null || sessionName === null || !people)
    return null;
  const names = people.slice(0, NAMES_SHOWN).map((p) => text((p as { name?: unknown }).name));
  if (names.some((n) => n === null) || names.length === 0) return null;
  const more = total - names.length;
  const who = new Intl.ListFormat(formatLocale(), { type: 'conjunction' }).format([
    ...(names as string[]),
    ...(more > 0 ? [t('more', { count: more })] : []),
  ]);
  return {
    title: t('title.drifting', { count: total, sessionName }),
    body: t('body.drifting', { count: total, who, missed, of }),
  };
}

const BY_KIND = { conflict, rejections, drifting };

export function notificationWords(t: T<'notifications'>, n: Notification): Words {
  const words = Object.hasOwn(BY_KIND, n.kind) ? BY_KIND[n.kind](t, n.data) : null;
  return words ?? { title: n.title, body: n.body };
}
