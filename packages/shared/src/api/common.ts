// Shapes more than one admin route answers with.
import { Type } from '@sinclair/typebox';

/** What a create answers when the client needs only the new row's id. */
export const CreatedIdSchema = Type.Object({ id: Type.String() });
