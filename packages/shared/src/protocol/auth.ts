// Login turns an email and password into credentials bound to one device.
import { Type, type Static } from '@sinclair/typebox';
import { IsoDateTime, Nullable, Uuid } from './common.ts';
import { LanguageSchema, OrganizationSchema, RoleSchema } from './entities.ts';

export const LoginRequestSchema = Type.Object({
  email: Type.String({ format: 'email', maxLength: 200 }),
  password: Type.String({ minLength: 1, maxLength: 200 }),
  deviceName: Type.Optional(Type.String({ maxLength: 100 })),
  appVersion: Type.Optional(Type.String({ maxLength: 40 })),
});
export type LoginRequest = Static<typeof LoginRequestSchema>;

/** The password step's answer for an account with a second factor: send a code with this. */
export const LoginChallengeSchema = Type.Object({
  totpRequired: Type.Literal(true),
  challenge: Type.String(),
  expiresAt: IsoDateTime,
});
export type LoginChallenge = Static<typeof LoginChallengeSchema>;

/** The code step: the authenticator's 6 digits, or a recovery code (`abcde-fghij`). */
export const TotpLoginRequestSchema = Type.Object({
  challenge: Type.String({ minLength: 10, maxLength: 300 }),
  code: Type.String({ minLength: 6, maxLength: 20 }),
  deviceName: Type.Optional(Type.String({ maxLength: 100 })),
  appVersion: Type.Optional(Type.String({ maxLength: 40 })),
});
export type TotpLoginRequest = Static<typeof TotpLoginRequestSchema>;

export const AssignmentSchema = Type.Object({
  id: Uuid,
  expiresAt: IsoDateTime,
  status: Type.Union([Type.Literal('active'), Type.Literal('expired'), Type.Literal('revoked')]),
  location: Nullable(Type.String()),
});

export const CredentialsSchema = Type.Object({
  accessToken: Type.String(),
  accessExpiresAt: IsoDateTime,
  refreshToken: Type.String(),
  refreshExpiresAt: IsoDateTime,
});
export type Credentials = Static<typeof CredentialsSchema>;

export const LoginResponseSchema = Type.Object({
  credentials: CredentialsSchema,
  deviceId: Uuid,
  user: Type.Object({
    id: Uuid,
    email: Type.String(),
    displayName: Type.String(),
    role: RoleSchema,
    /** The user's own language choice; null or absent: the organization's default. */
    language: Type.Optional(Nullable(LanguageSchema)),
  }),
  organization: OrganizationSchema,
  assignment: Nullable(AssignmentSchema),
});
export type LoginResponse = Static<typeof LoginResponseSchema>;

export const RefreshRequestSchema = Type.Object({ refreshToken: Type.String({ minLength: 10 }) });
