// This feature's words in every language the app ships (see i18n/i18n.ts). `es` has the type of
// `en`, so a message missing in Spanish fails the typecheck. Terms: {{Session}}, {{session}},
// {{sessions}}, {{Participant}}… are the organization's own words (packages/shared terms.ts).
import type { Messages } from '../../i18n/messages.ts';

export const en = {
  notifications: 'Notifications',
  unread_one: 'Notifications, {{count}} unread',
  unread_other: 'Notifications, {{count}} unread',
  loading: 'Loading notifications…',
  markAllRead: 'Mark all read',
  close: 'Close',
  empty: 'Nothing yet. Conflicts, rejected changes and drifting {{participants}} show up here.',
  newestFirst: 'Notifications, newest first',
  new: 'New',
  opens: '{{ago}} · Opens {{target}}',
  'target.conflict': 'Conflict queue',
  'target.sync_history': 'Sync history',
  'target.session': 'Reports',
  showOlder: 'Show older',
  preferences: 'Preferences',
  notifyWhen: 'Notify me when',
  'kind.conflict': 'A conflict needs resolution',
  'kind.rejections': 'A sync had rejected changes',
  'kind.drifting': '{{Participants}} are drifting (when a {{session}} ends)',
  'on.conflict': 'You will be notified: a conflict needs resolution.',
  'on.rejections': 'You will be notified: a sync had rejected changes.',
  'on.drifting': 'You will be notified: {{participants}} are drifting (when a {{session}} ends).',
  'off.conflict': 'No more notifications: a conflict needs resolution.',
  'off.rejections': 'No more notifications: a sync had rejected changes.',
  'off.drifting': 'No more notifications: {{participants}} are drifting (when a {{session}} ends).',
  'title.conflict': 'Conflict: {{name}}',
  'body.conflict':
    'Devices recorded different things for {{name}} in {{sessionName}}. Choose which one stands.',
  'title.rejections_one': '{{count}} change rejected',
  'title.rejections_other': '{{count}} changes rejected',
  'from.named': '{{user}}’s device “{{device}}”',
  'from.unnamed': '{{user}}’s device',
  'body.rejections_one':
    'A sync from {{from}} had {{rejected}} of {{received}} changes rejected. Fix the cause and re-apply them from the sync history.',
  'body.rejections_other':
    '{{count}} syncs from {{from}} had {{rejected}} of {{received}} changes rejected. Fix the cause and re-apply them from the sync history.',
  'title.drifting_one': '{{count}} drifting after {{sessionName}}',
  'title.drifting_other': '{{count}} drifting after {{sessionName}}',
  'body.drifting_one': '{{who}} has missed at least {{missed}} of their last {{of}} {{sessions}}.',
  'body.drifting_other':
    '{{who}} have missed at least {{missed}} of their last {{of}} {{sessions}}.',
  more_one: '{{count}} more',
  more_other: '{{count}} more',
} satisfies Messages;

export const es: Messages<typeof en> = {
  notifications: 'Notificaciones',
  unread_one: 'Notificaciones, {{count}} sin leer',
  unread_other: 'Notificaciones, {{count}} sin leer',
  loading: 'Cargando notificaciones…',
  markAllRead: 'Marcar todas como leídas',
  close: 'Cerrar',
  empty:
    'Nada por ahora. Aquí aparecen los conflictos, los cambios rechazados y {{participants}} que se están alejando.',
  newestFirst: 'Notificaciones, de la más reciente a la más antigua',
  new: 'Nueva',
  opens: '{{ago}} · Abre {{target}}',
  'target.conflict': 'Cola de conflictos',
  'target.sync_history': 'Historial de sincronización',
  'target.session': 'Informes',
  showOlder: 'Mostrar anteriores',
  preferences: 'Preferencias',
  notifyWhen: 'Notificarme cuando',
  'kind.conflict': 'Un conflicto necesita resolución',
  'kind.rejections': 'Una sincronización tuvo cambios rechazados',
  'kind.drifting': '{{Participants}} se están alejando (al terminar {{session}})',
  'on.conflict': 'Recibirá notificaciones: un conflicto necesita resolución.',
  'on.rejections': 'Recibirá notificaciones: una sincronización tuvo cambios rechazados.',
  'on.drifting':
    'Recibirá notificaciones: {{participants}} se están alejando (al terminar {{session}}).',
  'off.conflict': 'No más notificaciones: un conflicto necesita resolución.',
  'off.rejections': 'No más notificaciones: una sincronización tuvo cambios rechazados.',
  'off.drifting':
    'No más notificaciones: {{participants}} se están alejando (al terminar {{session}}).',
  'title.conflict': 'Conflicto: {{name}}',
  'body.conflict':
    'Los dispositivos registraron cosas distintas para {{name}} en {{sessionName}}. Elija cuál vale.',
  'title.rejections_one': '{{count}} cambio rechazado',
  'title.rejections_other': '{{count}} cambios rechazados',
  'from.named': 'el dispositivo «{{device}}» de {{user}}',
  'from.unnamed': 'el dispositivo de {{user}}',
  'body.rejections_one':
    'Una sincronización desde {{from}} tuvo {{rejected}} de {{received}} cambios rechazados. Corrija la causa y vuelva a aplicarlos desde el historial de sincronización.',
  'body.rejections_other':
    '{{count}} sincronizaciones desde {{from}} tuvieron {{rejected}} de {{received}} cambios rechazados. Corrija la causa y vuelva a aplicarlos desde el historial de sincronización.',
  'title.drifting_one': '{{count}} se está alejando tras {{sessionName}}',
  'title.drifting_other': '{{count}} se están alejando tras {{sessionName}}',
  'body.drifting_one': '{{who}} faltó al menos a {{missed}} de {{of}} {{sessions}} recientes.',
  'body.drifting_other': '{{who}} faltaron al menos a {{missed}} de {{of}} {{sessions}} recientes.',
  more_one: '{{count}} más',
  more_other: '{{count}} más',
};
