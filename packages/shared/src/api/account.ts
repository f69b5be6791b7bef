// The API for a signed-in user's own account: their password and two-step sign-in.
import { Type, type Static } from '@sinclair/typebox';
import { Nullable } from '../protocol/common.ts';
import { LanguageSchema } from '../protocol/entities.ts';

export const PasswordChangeSchema = Type.Object(
  {
    currentPassword: Type.String({ minLength: 1, maxLength: 200 }),
    newPassword: Type.String({ minLength: 1, maxLength: 200 }),
  },
  { additionalProperties: false },
);

export const TotpStatusSchema = Type.Object({
  enabled: Type.Boolean(),
  recoveryCodesLeft: Type.Integer(),
});
export type TotpStatus = Static<typeof TotpStatusSchema>;

/** The secret to enter in an authenticator app, and the same as an otpauth:// URI for a QR code. */
export const TotpEnrolmentSchema = Type.Object({ secret: Type.String(), uri: Type.String() });

export const TotpConfirmSchema = Type.Object(
  { code: Type.String({ minLength: 6, maxLength: 6, pattern: '^[0-9]{6}$' }) },
  { additionalProperties: false },
);

export const RecoveryCodesSchema = Type.Object({ recoveryCodes: Type.Array(Type.String()) });

export const PasswordConfirmSchema = Type.Object(
  { password: Type.String({ minLength: 1, maxLength: 200 }) },
  { additionalProperties: false },
);

/** The language of a user's own screens; null follows the organization's. */
export const LanguageChoiceSchema = Type.Object(
  { language: Nullable(LanguageSchema) },
  { additionalProperties: false },
);
