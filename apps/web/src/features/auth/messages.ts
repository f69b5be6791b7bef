// This feature's words in every language the app ships (see i18n/i18n.ts). `es` has the type of
// `en`, so a message missing in Spanish fails the typecheck. Terms: {{Session}}, {{session}},
// {{sessions}}, {{Participant}}… are the organization's own words (packages/shared terms.ts).
import type { Messages } from '../../i18n/messages.ts';

export const en = {
  main: 'Main',
  menu: 'Menu',
  stationOf: 'Check-in station',
  'nav.sessions': '{{Sessions}}',
  'nav.conflicts': 'Conflicts',
  'nav.reports': 'Reports',
  'nav.history': 'Sync history',
  'nav.devices': 'Devices',
  'nav.ushers': 'Ushers',
  'nav.participants': '{{Participants}}',
  'nav.schedule': 'Schedule',
  'nav.excuses': 'Excuses',
  'nav.audit': 'Audit log',
  'nav.settings': 'Settings',
  openConflicts_one: '{{count}} open conflict',
  openConflicts_other: '{{count}} open conflicts',
  open_one: '{{count}} open',
  open_other: '{{count}} open',
  myAccount: 'My account',
  signOut: 'Sign out',
  signOutRefused_one:
    '{{count}} change is not synced yet. Signing out now would lose it. Connect and wait for the sync, or export the pending changes as a file.',
  signOutRefused_other:
    '{{count}} changes are not synced yet. Signing out now would lose them. Connect and wait for the sync, or export the pending changes as a file.',
  exportPending: 'Export pending changes',
  ok: 'OK',
} satisfies Messages;

export const es: Messages<typeof en> = {
  main: 'Principal',
  menu: 'Menú',
  stationOf: 'Puesto de registro',
  'nav.sessions': '{{Sessions}}',
  'nav.conflicts': 'Conflictos',
  'nav.reports': 'Informes',
  'nav.history': 'Historial de sincronización',
  'nav.devices': 'Dispositivos',
  'nav.ushers': 'Ujieres',
  'nav.participants': '{{Participants}}',
  'nav.schedule': 'Calendario',
  'nav.excuses': 'Justificaciones',
  'nav.audit': 'Registro de auditoría',
  'nav.settings': 'Ajustes',
  openConflicts_one: '{{count}} conflicto abierto',
  openConflicts_other: '{{count}} conflictos abiertos',
  open_one: '{{count}} abierto',
  open_other: '{{count}} abiertos',
  myAccount: 'Mi cuenta',
  signOut: 'Cerrar sesión',
  signOutRefused_one:
    '{{count}} cambio aún no se ha sincronizado. Si cierra sesión ahora, se perderá. Conéctese y espere a la sincronización, o exporte los cambios pendientes a un archivo.',
  signOutRefused_other:
    '{{count}} cambios aún no se han sincronizado. Si cierra sesión ahora, se perderán. Conéctese y espere a la sincronización, o exporte los cambios pendientes a un archivo.',
  exportPending: 'Exportar cambios pendientes',
  ok: 'Aceptar',
};
