import { DEFAULT_LABELS, organizationTerms, type Notification } from '@rollcall/shared';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { applyLanguage, translate } from '../../i18n/i18n.ts';
import { notificationWords } from './notification-words.ts';

beforeEach(() => {
  vi.stubGlobal('location', { search: '' });
  vi.stubGlobal('navigator', { languages: ['en-GB'] });
  vi.stubGlobal('document', { documentElement: { lang: '', dir: '' } });
  vi.stubGlobal('sessionStorage', { getItem: () => null, setItem: () => {} });
});

const base = {
  id: '00000000-0000-7000-8000-000000000001',
  link: { type: 'conflict' as const, id: '00000000-0000-7000-8000-000000000002' },
  createdAt: '2026-11-22T10:00:00.000Z',
  readAt: null,
};
const conflict: Notification = {
  ...base,
  kind: 'conflict',
  title: 'Conflict: Ana Ruiz',
  body: 'Devices recorded different things for Ana Ruiz in Sunday Service. Choose which one stands.',
  data: { participantName: 'Ana Ruiz', sessionName: 'Sunday Service' },
};
const rejections: Notification = {
  ...base,
  kind: 'rejections',
  title: '3 changes rejected',
  body: 'server text',
  data: { userName: 'Ben', deviceName: 'Door tablet', rejected: 3, received: 10, pushes: 2 },
};
const people = ['Ana', 'Bo', 'Cy', 'Di', 'Ed', 'Flo', 'Gus'].map((name, i) => ({
  id: `${i}`,
  name,
}));
const drifting: Notification = {
  ...base,
  kind: 'drifting',
  title: '7 drifting after Sunday Service',
  body: 'server text',
  data: { sessionName: 'Sunday Service', total: 7, missed: 2, of: 3, participants: people },
};
const words = (n: Notification) => notificationWords(translate('notifications'), n);

describe('a notification’s words', () => {
  it('are the server’s sentences in English', () => {
    applyLanguage('en', null);
    expect(words(conflict)).toEqual({ title: conflict.title, body: conflict.body });
    expect(words(rejections)).toEqual({
      title: '3 changes rejected',
      body: '2 syncs from Ben’s device “Door tablet” had 3 of 10 changes rejected. Fix the cause and re-apply them from the sync history.',
    });
    expect(words(drifting)).toEqual({
      title: '7 drifting after Sunday Service',
      body: 'Ana, Bo, Cy, Di, Ed and 2 more have missed at least 2 of their last 3 sessions.',
    });
  });

  it('are said in Spanish, with the organization’s words', () => {
    applyLanguage('es', organizationTerms(DEFAULT_LABELS.church, 'es', 'church'));
    expect(words(conflict)).toEqual({
      title: 'Conflicto: Ana Ruiz',
      body: 'Los dispositivos registraron cosas distintas para Ana Ruiz en Sunday Service. Elija cuál vale.',
    });
    expect(
      words({
        ...rejections,
        data: { ...rejections.data, deviceName: null, pushes: 1, rejected: 1 },
      }),
    ).toEqual({
      title: '1 cambio rechazado',
      body: 'Una sincronización desde el dispositivo de Ben tuvo 1 de 10 cambios rechazados. Corrija la causa y vuelva a aplicarlos desde el historial de sincronización.',
    });
    expect(words(drifting).body).toBe(
      'Ana, Bo, Cy, Di, Ed y 2 más faltaron al menos a 2 de 3 cultos recientes.',
    );
  });

  it('fall back to the server’s text for details they cannot read', () => {
    applyLanguage('es', null);
    const odd = { ...conflict, data: { participantName: 42 } };
    expect(words(odd)).toEqual({ title: conflict.title, body: conflict.body });
  });
});
