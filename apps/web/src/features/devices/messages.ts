// This feature's words in every language the app ships (see i18n/README in i18n/i18n.ts). `es` has
// the type of `en`, so a message missing in Spanish fails the typecheck. Terms: {{Session}},
// {{session}}, {{sessions}}, {{Participant}}… are the organization's own words (i18n/terms).
import type { Messages } from '../../i18n/messages.ts';

export const en = {
  title: 'Devices',
  'col.device': 'Device',
  'col.usher': 'Usher',
  'col.lastSeen': 'Last seen',
  'col.lastSync': 'Last sync',
  'col.pending': 'Pending',
  'col.app': 'App',
  revoked: 'revoked',
  revoke: 'Revoke',
  thisDeviceUnnamed: 'this device',
  revokeConfirm:
    'Revoke {{device}} ({{user}})? It is signed out; its unsynced changes stay on it. {{user}} can still sign in again with their password: to stop that, deactivate the user on the Ushers screen.',
  deactivateConfirm:
    'Also deactivate {{user}}? All their devices stop and they cannot sign in until an administrator reactivates them.',
  // This device's name, in the header
  thisDevice: 'This device:',
  unnamed: 'unnamed',
  rename: 'Rename',
  deviceName: 'Device name',
  save: 'Save',
  cancel: 'Cancel',
  renameOffline: 'Renaming needs the network. Try again when online.',
  // What a device is, for its default name ("Ana's Android phone")
  'kind.iPad': 'iPad',
  'kind.iPhone': 'iPhone',
  'kind.androidPhone': 'Android phone',
  'kind.androidTablet': 'Android tablet',
  'kind.chromebook': 'Chromebook',
  'kind.windows': 'Windows computer',
  'kind.mac': 'Mac',
  'kind.linux': 'Linux computer',
  'kind.browser': 'Browser',
  ownDevice: "{{name}}'s {{kind}}",
} satisfies Messages;

export const es: Messages<typeof en> = {
  title: 'Dispositivos',
  'col.device': 'Dispositivo',
  'col.usher': 'Ujier',
  'col.lastSeen': 'Visto por última vez',
  'col.lastSync': 'Última sincronización',
  'col.pending': 'Pendientes',
  'col.app': 'Aplicación',
  revoked: 'revocado',
  revoke: 'Revocar',
  thisDeviceUnnamed: 'este dispositivo',
  revokeConfirm:
    '¿Revocar {{device}} ({{user}})? Se cierra su sesión; sus cambios sin sincronizar se quedan en él. {{user}} todavía puede volver a iniciar sesión con su contraseña: para impedirlo, desactive al usuario en la pantalla Ujieres.',
  deactivateConfirm:
    '¿Desactivar también a {{user}}? Todos sus dispositivos se detienen y no podrá iniciar sesión hasta que un administrador lo reactive.',
  thisDevice: 'Este dispositivo:',
  unnamed: 'sin nombre',
  rename: 'Cambiar nombre',
  deviceName: 'Nombre del dispositivo',
  save: 'Guardar',
  cancel: 'Cancelar',
  renameOffline:
    'Para cambiar el nombre se necesita la red. Vuelva a intentarlo cuando haya conexión.',
  'kind.iPad': 'iPad',
  'kind.iPhone': 'iPhone',
  'kind.androidPhone': 'teléfono Android',
  'kind.androidTablet': 'tableta Android',
  'kind.chromebook': 'Chromebook',
  'kind.windows': 'computadora Windows',
  'kind.mac': 'Mac',
  'kind.linux': 'computadora Linux',
  'kind.browser': 'navegador',
  ownDevice: '{{kind}} de {{name}}',
};
