// This feature's words in every language the app ships (see i18n/README in i18n/i18n.ts). `es` has
// the type of `en`, so a message missing in Spanish fails the typecheck. Terms: {{Session}},
// {{session}}, {{sessions}}, {{Participant}}… are the organization's own words (i18n/terms).
// Namespace 'app': the shell (app.tsx), the PWA prompts, and shared helpers' words (use-remote.ts).
import type { Messages } from '../i18n/messages.ts';

export const en = {
  loading: 'Loading…',
  outOfStorage:
    'This device is out of storage space for Rollcall. Free some space: new check-ins cannot be saved until then.',
  newVersion: 'A new version is ready.',
  reload: 'Reload',
  installOffer: 'Install Rollcall on this device so it opens offline and keeps its data.',
  install: 'Install',
  iosInstallLabel: 'Install on iPhone or iPad',
  iosInstall:
    'Install Rollcall so it opens offline and keeps its data: in Safari, tap Share (the square with an arrow), then Add to Home Screen.',
  gotIt: 'Got it',
  screenFailed:
    'This screen could not be opened: {{error}}. Nothing recorded on this device is affected. Connect to the network and reload to try again.',
  offlineNeverLoaded:
    "You're offline; this page needs the network and has not loaded since this tab opened.",
  offline: "You're offline; this page needs the network; last loaded {{time}}.",
  never: 'never',
  secondsAgo: '{{count}}s ago',
  minutesAgo: '{{count}} min ago',
  hoursAgo: '{{count}} h ago',
  daysAgo: '{{count}} d ago',
} satisfies Messages;

export const es: Messages<typeof en> = {
  loading: 'Cargando…',
  outOfStorage:
    'Este dispositivo no tiene espacio de almacenamiento para Rollcall. Libere espacio: hasta entonces no se pueden guardar nuevos registros.',
  newVersion: 'Hay una nueva versión disponible.',
  reload: 'Recargar',
  installOffer:
    'Instale Rollcall en este dispositivo para que se abra sin conexión y conserve sus datos.',
  install: 'Instalar',
  iosInstallLabel: 'Instalar en iPhone o iPad',
  iosInstall:
    'Instale Rollcall para que se abra sin conexión y conserve sus datos: en Safari, toque Compartir (el cuadrado con una flecha) y luego Agregar a inicio.',
  gotIt: 'Entendido',
  screenFailed:
    'No se pudo abrir esta pantalla: {{error}}. Nada de lo registrado en este dispositivo se ve afectado. Conéctese a la red y recargue para intentarlo de nuevo.',
  offlineNeverLoaded:
    'Sin conexión; esta página necesita la red y no se ha cargado desde que se abrió esta pestaña.',
  offline: 'Sin conexión; esta página necesita la red; cargada por última vez a las {{time}}.',
  never: 'nunca',
  secondsAgo: 'hace {{count}} s',
  minutesAgo: 'hace {{count}} min',
  hoursAgo: 'hace {{count}} h',
  daysAgo: 'hace {{count}} d',
};
