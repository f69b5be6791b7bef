// This feature's words in every language the app ships (see i18n/i18n.ts). `es` has the type of
// `en`, so a message missing in Spanish fails the typecheck. Terms: {{Session}}, {{session}},
// {{sessions}}, {{Participant}}… are the organization's own words (packages/shared terms.ts).
import type { Messages } from '../../i18n/messages.ts';

export const en = {
  today: 'Today',
  loading: 'Loading…',
  now: 'Now',
  laterToday: 'Later today',
  recent: 'Recent',
  recentCount_one: '({{count}}, last few days)',
  recentCount_other: '({{count}}, last few days)',
  noneToday: 'No {{sessions}} today.',
  addedUnder: 'An admin adds them under Schedule.',
  lastSynced: 'This device last synced {{day}}, {{time}}.',
  lastSyncedOffline: 'This device last synced {{day}}, {{time}} (offline now).',
  neverSynced: 'This device has not synced yet: connect to the network to get the {{sessions}}.',
  'status.scheduled': 'scheduled',
  'status.active': 'active',
  'status.completed': 'completed',
  'status.canceled': 'canceled',
  checkedIn: 'checked in',
  liveArrivals: 'Live arrivals',
  liveArrivalsFor: 'Live arrivals for {{name}}',
} satisfies Messages;

export const es: Messages<typeof en> = {
  today: 'Hoy',
  loading: 'Cargando…',
  now: 'Ahora',
  laterToday: 'Más tarde hoy',
  recent: 'Recientes',
  recentCount_one: '({{count}}, últimos días)',
  recentCount_other: '({{count}}, últimos días)',
  noneToday: 'No hay {{sessions}} hoy.',
  addedUnder: 'Un administrador agrega {{sessions}} en Calendario.',
  lastSynced: 'Este dispositivo se sincronizó por última vez el {{day}}, {{time}}.',
  lastSyncedOffline:
    'Este dispositivo se sincronizó por última vez el {{day}}, {{time}} (ahora sin conexión).',
  neverSynced:
    'Este dispositivo aún no se ha sincronizado: conéctese a la red para obtener {{sessions}}.',
  'status.scheduled': 'pendiente',
  'status.active': 'en curso',
  'status.completed': 'terminó',
  'status.canceled': 'se canceló',
  checkedIn: 'registrados',
  liveArrivals: 'Llegadas en vivo',
  liveArrivalsFor: 'Llegadas en vivo de {{name}}',
};
