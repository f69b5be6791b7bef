// This feature's words in every language the app ships (see i18n/README in i18n/i18n.ts). `es` has
// the type of `en`, so a message missing in Spanish fails the typecheck. Terms: {{Session}},
// {{session}}, {{sessions}}, {{Participant}}… are the organization's own words (i18n/terms).
import type { Messages } from '../../i18n/messages.ts';

export const en = {
  title: 'Ushers',
  'col.name': 'Name',
  'col.role': 'Role',
  'col.assignment': 'Assignment',
  'col.checkins': 'Check-ins',
  'col.qr': 'QR',
  'col.codes': 'Codes',
  'col.account': 'Account',
  'role.admin': 'admin',
  'role.manager': 'manager',
  'role.usher': 'usher',
  'role.temp_usher': 'temp usher',
  'status.active': 'active',
  'status.expired': 'expired',
  'status.revoked': 'revoked',
  deactivated: 'deactivated',
  ended: 'ended',
  minutesLeft: '{{minutes}} min left',
  hoursLeft: '{{hours}} h {{minutes}} min left',
  until: 'until {{time}}',
  lateAccepted_one: '{{count}} accepted after the end (recorded before it)',
  lateAccepted_other: '{{count}} accepted after the end (recorded before it)',
  refused_one: '{{count}} refused (recorded after the end)',
  refused_other: '{{count}} refused (recorded after the end)',
  endShift: 'End the shift now',
  revoke: 'Revoke',
  queueUnknown: 'Their device has not reported its queue yet.',
  queue_one: 'Their device last reported {{count}} change waiting to sync.',
  queue_other: 'Their device last reported {{count}} changes waiting to sync.',
  queueAt_one: 'Their device last reported {{count}} change waiting to sync ({{time}}).',
  queueAt_other: 'Their device last reported {{count}} changes waiting to sync ({{time}}).',
  queueDevices_one: 'Their devices last reported {{count}} change waiting to sync.',
  queueDevices_other: 'Their devices last reported {{count}} changes waiting to sync.',
  queueDevicesAt_one: 'Their devices last reported {{count}} change waiting to sync ({{time}}).',
  queueDevicesAt_other: 'Their devices last reported {{count}} changes waiting to sync ({{time}}).',
  revokeConfirm:
    "Revoke {{name}}'s assignment now? {{queue}} Check-ins recorded before now still count if the device syncs within the grace period; later ones are refused, and the device can no longer read the roster or renew its sign-in.",
  endConfirm:
    "End {{name}}'s shift now? {{queue}} Everything recorded until now still counts if the device syncs within the grace period.",
  // Adding a temporary usher
  addTemp: 'Add a temporary usher',
  name: 'Name',
  email: 'Email',
  password: 'Password (8+)',
  hours: 'Hours',
  location: 'Location',
  locationExample: 'Main entrance',
  add: 'Add',
  // An administrator's controls for one account
  roleOf: 'Role of {{name}}',
  deactivate: 'Deactivate',
  reactivate: 'Reactivate',
  setPassword: 'Set password',
  resetTwoStep: 'Reset two-step sign-in',
  roleConfirm: 'Make {{name}} {{role}}? It applies at once.',
  reactivateConfirm: 'Reactivate {{name}}? They can sign in again.',
  deactivateConfirm:
    'Deactivate {{name}}? Their devices stop at once and they cannot sign in until an administrator reactivates them. Changes their devices have not synced stay on those devices.',
  passwordPrompt:
    'New password for {{name}} (at least {{min}} characters, not a common one). Their devices will be signed out.',
  resetTwoStepConfirm:
    'Turn off two-step sign-in for {{name}}? They sign in with the password alone until they set it up again. This is recorded in the audit log.',
} satisfies Messages;

export const es: Messages<typeof en> = {
  title: 'Ujieres',
  'col.name': 'Nombre',
  'col.role': 'Rol',
  'col.assignment': 'Asignación',
  'col.checkins': 'Registros',
  'col.qr': 'QR',
  'col.codes': 'Códigos',
  'col.account': 'Cuenta',
  'role.admin': 'administrador',
  'role.manager': 'supervisor',
  'role.usher': 'ujier',
  'role.temp_usher': 'ujier temporal',
  'status.active': 'activa',
  'status.expired': 'vencida',
  'status.revoked': 'revocada',
  deactivated: 'desactivado',
  ended: 'terminada',
  minutesLeft: 'quedan {{minutes}} min',
  hoursLeft: 'quedan {{hours}} h {{minutes}} min',
  until: 'hasta {{time}}',
  lateAccepted_one: '{{count}} aceptado después del final (registrado antes)',
  lateAccepted_other: '{{count}} aceptados después del final (registrados antes)',
  refused_one: '{{count}} rechazado (registrado después del final)',
  refused_other: '{{count}} rechazados (registrados después del final)',
  endShift: 'Terminar el turno ahora',
  revoke: 'Revocar',
  queueUnknown: 'Su dispositivo aún no ha informado de su cola.',
  queue_one: 'Su dispositivo informó por última vez {{count}} cambio pendiente de sincronizar.',
  queue_other: 'Su dispositivo informó por última vez {{count}} cambios pendientes de sincronizar.',
  queueAt_one:
    'Su dispositivo informó por última vez {{count}} cambio pendiente de sincronizar ({{time}}).',
  queueAt_other:
    'Su dispositivo informó por última vez {{count}} cambios pendientes de sincronizar ({{time}}).',
  queueDevices_one:
    'Sus dispositivos informaron por última vez {{count}} cambio pendiente de sincronizar.',
  queueDevices_other:
    'Sus dispositivos informaron por última vez {{count}} cambios pendientes de sincronizar.',
  queueDevicesAt_one:
    'Sus dispositivos informaron por última vez {{count}} cambio pendiente de sincronizar ({{time}}).',
  queueDevicesAt_other:
    'Sus dispositivos informaron por última vez {{count}} cambios pendientes de sincronizar ({{time}}).',
  revokeConfirm:
    '¿Revocar ahora la asignación de {{name}}? {{queue}} Los registros hechos antes de ahora siguen contando si el dispositivo sincroniza dentro del período de gracia; los posteriores se rechazan, y el dispositivo ya no puede leer la lista ni renovar su inicio de sesión.',
  endConfirm:
    '¿Terminar ahora el turno de {{name}}? {{queue}} Todo lo registrado hasta ahora sigue contando si el dispositivo sincroniza dentro del período de gracia.',
  addTemp: 'Agregar un ujier temporal',
  name: 'Nombre',
  email: 'Correo electrónico',
  password: 'Contraseña (8 o más)',
  hours: 'Horas',
  location: 'Lugar',
  locationExample: 'Entrada principal',
  add: 'Agregar',
  roleOf: 'Rol de {{name}}',
  deactivate: 'Desactivar',
  reactivate: 'Reactivar',
  setPassword: 'Establecer contraseña',
  resetTwoStep: 'Restablecer el inicio de sesión en dos pasos',
  roleConfirm: '¿Cambiar el rol de {{name}} a {{role}}? Se aplica de inmediato.',
  reactivateConfirm: '¿Reactivar a {{name}}? Podrá iniciar sesión de nuevo.',
  deactivateConfirm:
    '¿Desactivar a {{name}}? Sus dispositivos se detienen de inmediato y no podrá iniciar sesión hasta que un administrador lo reactive. Los cambios que sus dispositivos no hayan sincronizado se quedan en esos dispositivos.',
  passwordPrompt:
    'Nueva contraseña para {{name}} (al menos {{min}} caracteres, que no sea una común). Se cerrará la sesión en sus dispositivos.',
  resetTwoStepConfirm:
    '¿Desactivar el inicio de sesión en dos pasos de {{name}}? Iniciará sesión solo con la contraseña hasta que lo configure de nuevo. Esto queda registrado en el registro de auditoría.',
};
