// The admin API for organization settings and presence states (devices get both by pull).
import { Type, type Static } from '@sinclair/typebox';
import { STATION_PIN_PATTERN } from '../station-pin.ts';
import { Nullable } from '../protocol/common.ts';
import { OrganizationSettingsSchema, PresenceStateSchema } from '../protocol/entities.ts';

// The PIN's verifier is made by the server from the PIN: a client never sends one (it could send
// a weak one).
const { stationPin: _verifier, ...WritableSettings } = OrganizationSettingsSchema.properties;

export const OrganizationPatchSchema = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    // Only the known keys: anything else would be stored and sent to every device.
    settings: Type.Optional(
      Type.Partial(
        Type.Object(
          {
            ...WritableSettings,
            labels: Type.Object(OrganizationSettingsSchema.properties.labels.properties, {
              additionalProperties: false,
            }),
          },
          { additionalProperties: false },
        ),
      ),
    ),
    stationPin: Type.Optional(
      Nullable(
        Type.String({
          pattern: STATION_PIN_PATTERN,
          description: 'the PIN that unlocks a check-in station: 4 to 6 digits; null removes it',
        }),
      ),
    ),
  },
  { additionalProperties: false },
);
export type OrganizationPatch = Static<typeof OrganizationPatchSchema>;

const Color = Type.String({ pattern: '^#[0-9a-fA-F]{6}$', description: 'a #rrggbb colour' });
const StateFields = {
  label: Type.String({ minLength: 1, maxLength: 40 }),
  color: Color,
  sortOrder: Type.Integer({ minimum: 0, maximum: 1000 }),
  isDefault: Type.Boolean(),
  countsAsPresent: Type.Boolean(),
  active: Type.Boolean(),
};

export const PresenceStateInputSchema = Type.Object(
  { code: Type.String({ pattern: '^[a-z][a-z0-9_]{0,39}$' }), ...StateFields },
  { additionalProperties: false },
);
export type PresenceStateInput = Static<typeof PresenceStateInputSchema>;

/** The code is the identity devices and records use: it never changes; everything else may. */
export const PresenceStatePatchSchema = Type.Partial(Type.Object(StateFields), {
  additionalProperties: false,
});
export type PresenceStatePatch = Static<typeof PresenceStatePatchSchema>;

export const PresenceStateListSchema = Type.Object({ items: Type.Array(PresenceStateSchema) });
