// The admin API for users, temporary usher assignments and devices.
import { Type, type Static } from '@sinclair/typebox';
import { IsoDateTime, Nullable } from '../protocol/common.ts';
import { RoleSchema } from '../protocol/entities.ts';

export const UserInputSchema = Type.Object(
  {
    email: Type.String({ format: 'email', maxLength: 200 }),
    displayName: Type.String({ minLength: 1, maxLength: 200 }),
    role: RoleSchema,
    password: Type.String({ minLength: 8, maxLength: 200 }),
    assignment: Type.Optional(
      Type.Object({ expiresAt: IsoDateTime, location: Type.Optional(Nullable(Type.String())) }),
    ),
  },
  { additionalProperties: false },
);
export type UserInput = Static<typeof UserInputSchema>;

export const UserUpdateSchema = Type.Object(
  {
    active: Type.Optional(Type.Boolean()),
    role: Type.Optional(RoleSchema),
    displayName: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  },
  { additionalProperties: false, minProperties: 1 },
);

export const PasswordResetSchema = Type.Object(
  { password: Type.String({ minLength: 1, maxLength: 200 }) },
  { additionalProperties: false },
);

/** A temporary usher's assignment as admins see it. */
export const UserAssignmentSchema = Type.Object({
  id: Type.String(),
  expiresAt: Type.String(),
  status: Type.String(),
  location: Nullable(Type.String()),
  remainingMs: Type.Integer(),
  checkins: Type.Integer(),
  qrScans: Type.Integer(),
  codeEntries: Type.Integer(),
  revokedAt: Nullable(Type.String()),
  /** Accepted after the assignment closed because they were recorded before it. */
  lateAccepted: Type.Integer(),
  /** Refused because they were recorded after the assignment was revoked or expired. */
  refused: Type.Integer(),
  /** The user's devices and what each last reported waiting in its outbox. */
  devices: Type.Array(
    Type.Object({
      id: Type.String(),
      name: Nullable(Type.String()),
      pendingCount: Nullable(Type.Integer()),
      lastSyncAt: Nullable(Type.String()),
    }),
  ),
});
export type UserAssignment = Static<typeof UserAssignmentSchema>;

export const UserAccountSchema = Type.Object({
  id: Type.String(),
  email: Type.String(),
  displayName: Type.String(),
  role: Type.String(),
  active: Type.Boolean(),
  /** Two-step sign-in is on (an admin can reset it for a lost phone). */
  twoStep: Type.Boolean(),
  assignment: Nullable(UserAssignmentSchema),
});
export type UserAccount = Static<typeof UserAccountSchema>;

export const UserListSchema = Type.Object({ items: Type.Array(UserAccountSchema) });

export const AssignmentEndSchema = Type.Object({ expiresAt: Type.String() });

export const DeviceInfoSchema = Type.Object({
  id: Type.String(),
  userId: Type.String(),
  userName: Type.String(),
  name: Nullable(Type.String()),
  appVersion: Nullable(Type.String()),
  lastSeenAt: Nullable(Type.String()),
  lastSyncAt: Nullable(Type.String()),
  pendingCount: Nullable(Type.Integer()),
  revokedAt: Nullable(Type.String()),
  createdAt: Type.String(),
});
export type DeviceInfo = Static<typeof DeviceInfoSchema>;

export const DeviceListSchema = Type.Object({ items: Type.Array(DeviceInfoSchema) });

export const DeviceNameInputSchema = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 100, pattern: '\\S' }),
});

export const DeviceNameSchema = Type.Object({ id: Type.String(), name: Type.String() });
