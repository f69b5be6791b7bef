// This feature's words in every language the app ships (see i18n/README in i18n/i18n.ts). `es` has
// the type of `en`, so a message missing in Spanish fails the typecheck. Terms: {{Session}},
// {{session}}, {{sessions}}, {{Participant}}… are the organization's own words (i18n/terms).
import type { Messages } from '../../i18n/messages.ts';

export const en = {
  loading: 'Loading…',
  nothingRejected: 'Nothing was rejected in this push.',
  reapplied: 'Re-applied: {{status}}.',
  theChange: 'The change',
  reappliedAt: 're-applied {{time}}',
  reapply: 'Re-apply',
  title: 'Sync history',
  status: 'Status',
  all: 'All',
  'status.success': 'Success',
  'status.partial': 'Partial',
  'status.failed': 'Failed',
  when: 'When',
  deviceUsher: 'Device · usher',
  applied: 'Applied',
  dup: 'Dup.',
  duplicates: 'Duplicates',
  merged: 'Merged',
  conflict: 'Conflict',
  conflicts: 'Conflicts',
  rejected: 'Rejected',
  ms: 'ms',
  took: 'Took (ms)',
  'reason.invalid_change': 'The change was not well formed.',
  'reason.forbidden': 'This account cannot record attendance.',
  'reason.assignment_missing': 'The temporary usher has no assignment.',
  'reason.assignment_revoked': 'Recorded after the temporary usher’s assignment was revoked.',
  'reason.assignment_expired': 'Recorded after the temporary usher’s assignment expired.',
  'reason.grace_period_over':
    'Recorded in time, but synced after the grace period for a closed assignment ended.',
  'reason.unknown_session': 'The {{session}} does not exist in this organization.',
  'reason.session_canceled': 'The {{session}} was canceled.',
  'reason.past_retention': 'The {{session}} is older than the organization keeps attendance.',
  'reason.unknown_participant': 'The {{participant}} does not exist in this organization.',
  'reason.unknown_state': 'The presence state is not one of this organization’s.',
  'reason.not_checked_in':
    'The {{participant}} was not checked in: there was nothing to check out.',
  'reason.participant_exists': 'A {{participant}} with this id already exists.',
  'reason.external_key_taken': 'Another {{participant}} already has this external key.',
  'reason.change_id_reused': 'The device sent a different change under an id it had used before.',
  'reason.device_seq_reused':
    'The device sent another change under a sequence number it had used before.',
} satisfies Messages;

export const es: Messages<typeof en> = {
  loading: 'Cargando…',
  nothingRejected: 'No se rechazó nada en este envío.',
  reapplied: 'Reaplicado: {{status}}.',
  theChange: 'El cambio',
  reappliedAt: 'reaplicado {{time}}',
  reapply: 'Reaplicar',
  title: 'Historial de sincronización',
  status: 'Estado',
  all: 'Todos',
  'status.success': 'Correcto',
  'status.partial': 'Parcial',
  'status.failed': 'Fallido',
  when: 'Cuándo',
  deviceUsher: 'Dispositivo · ujier',
  applied: 'Aplicados',
  dup: 'Dup.',
  duplicates: 'Duplicados',
  merged: 'Fusionados',
  conflict: 'Conflicto',
  conflicts: 'Conflictos',
  rejected: 'Rechazados',
  ms: 'ms',
  took: 'Duración (ms)',
  'reason.invalid_change': 'El cambio no estaba bien formado.',
  'reason.forbidden': 'Esta cuenta no puede registrar asistencia.',
  'reason.assignment_missing': 'El ujier temporal no tiene asignación.',
  'reason.assignment_revoked':
    'Registrado después de que se revocara la asignación del ujier temporal.',
  'reason.assignment_expired':
    'Registrado después de que venciera la asignación del ujier temporal.',
  'reason.grace_period_over':
    'Registrado a tiempo, pero sincronizado cuando ya había terminado el plazo de gracia de la asignación.',
  'reason.unknown_session': 'Id de {{session}} desconocido en esta organización.',
  'reason.session_canceled': 'Cancelación de {{session}}: no admite registros.',
  'reason.past_retention':
    'Fecha de {{session}} anterior al tiempo que la organización conserva la asistencia.',
  'reason.unknown_participant': 'Id de {{participant}} desconocido en esta organización.',
  'reason.unknown_state': 'El estado de presencia no es de esta organización.',
  'reason.not_checked_in':
    'Sin entrada registrada de {{participant}}: no había salida que registrar.',
  'reason.participant_exists': 'Id de {{participant}} ya en uso.',
  'reason.external_key_taken': 'Clave externa ya en uso en otra ficha de {{participant}}.',
  'reason.change_id_reused':
    'El dispositivo envió un cambio distinto con un identificador que ya había usado.',
  'reason.device_seq_reused':
    'El dispositivo envió otro cambio con un número de secuencia que ya había usado.',
};
