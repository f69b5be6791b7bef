// This feature's words in every language the app ships (see i18n/README in i18n/i18n.ts). `es` has
// the type of `en`, so a message missing in Spanish fails the typecheck. Terms: {{Session}},
// {{session}}, {{sessions}}, {{Participant}}… are the organization's own words (i18n/terms).
import type { Messages } from '../../i18n/messages.ts';

export const en = {
  title: 'My account',
  // Password
  changePassword: 'Change password',
  password: 'Password',
  currentPassword: 'Current password',
  newPassword: 'New password',
  newPasswordHint: 'At least 12 characters for administrators and managers; not a common password.',
  newPasswordAgain: 'New password again',
  passwordsDiffer: 'The new password and its repetition differ',
  passwordChanged: 'Password changed. Your other devices were signed out.',
  // Two-step sign-in
  twoStep: 'Two-step sign-in',
  offExplained:
    'Off. With it on, signing in asks for a code from an authenticator app on your phone after the password, so a stolen password alone does not open your account.',
  setUp: 'Set up two-step sign-in',
  scan: '1. Scan this code with an authenticator app (Google Authenticator, Aegis, 1Password…).',
  qrAlt: 'QR code for your authenticator app',
  byHand: 'Or enter this key by hand:',
  setupLink: 'The setup link',
  code: '2. The 6-digit code the app shows',
  turnOn: 'Turn on',
  isOn: 'Two-step sign-in is on.',
  keepCodes:
    'Keep these recovery codes somewhere safe: each signs you in once if you lose your phone. They are shown only now.',
  recoveryCodes: 'Recovery codes',
  savedThem: 'I have saved them',
  turnOffForm: 'Turn off two-step sign-in',
  onLeft_one: 'On. {{count}} recovery code left.',
  onLeft_other: 'On. {{count}} recovery codes left.',
  passwordToTurnOff: 'Password, to turn it off',
  turnOff: 'Turn off two-step sign-in',
} satisfies Messages;

export const es: Messages<typeof en> = {
  title: 'Mi cuenta',
  changePassword: 'Cambiar la contraseña',
  password: 'Contraseña',
  currentPassword: 'Contraseña actual',
  newPassword: 'Contraseña nueva',
  newPasswordHint:
    'Al menos 12 caracteres para administradores y supervisores; que no sea una contraseña común.',
  newPasswordAgain: 'Repita la contraseña nueva',
  passwordsDiffer: 'La contraseña nueva y su repetición no coinciden',
  passwordChanged: 'Contraseña cambiada. Se cerró la sesión en sus otros dispositivos.',
  twoStep: 'Inicio de sesión en dos pasos',
  offExplained:
    'Desactivado. Al activarlo, para iniciar sesión se pide, después de la contraseña, un código de una aplicación de autenticación en su teléfono, así que una contraseña robada no basta para abrir su cuenta.',
  setUp: 'Configurar el inicio de sesión en dos pasos',
  scan: '1. Escanee este código con una aplicación de autenticación (Google Authenticator, Aegis, 1Password…).',
  qrAlt: 'Código QR para su aplicación de autenticación',
  byHand: 'O escriba esta clave a mano:',
  setupLink: 'El enlace de configuración',
  code: '2. El código de 6 dígitos que muestra la aplicación',
  turnOn: 'Activar',
  isOn: 'El inicio de sesión en dos pasos está activado.',
  keepCodes:
    'Guarde estos códigos de recuperación en un lugar seguro: cada uno le permite iniciar sesión una vez si pierde su teléfono. Solo se muestran ahora.',
  recoveryCodes: 'Códigos de recuperación',
  savedThem: 'Ya los guardé',
  turnOffForm: 'Desactivar el inicio de sesión en dos pasos',
  onLeft_one: 'Activado. Queda {{count}} código de recuperación.',
  onLeft_other: 'Activado. Quedan {{count}} códigos de recuperación.',
  passwordToTurnOff: 'Contraseña, para desactivarlo',
  turnOff: 'Desactivar el inicio de sesión en dos pasos',
};
