import { z } from 'zod';
import { groupDescriptionSchema, groupNameSchema, uidpSchema } from './validation';

export const isoTimestampSchema = z.iso.datetime();

export const groupSchema = z.object({
  id: uidpSchema,
  name: z.string(),
  description: z.string(),
  createdAt: isoTimestampSchema,
  updatedAt: isoTimestampSchema,
});
export type Group = z.infer<typeof groupSchema>;

const groupDetails = {
  name: groupNameSchema,
  description: groupDescriptionSchema.optional().default(''),
};

/** A new group: a fresh root, a fresh child of a registered group, or an existing id pasted in. */
export const createGroupInputSchema = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('root'), ...groupDetails }),
  z.object({ mode: z.literal('child'), parentId: uidpSchema, ...groupDetails }),
  z.object({ mode: z.literal('existing'), id: uidpSchema, ...groupDetails }),
]);
export type CreateGroupInput = z.input<typeof createGroupInputSchema>;

export const updateGroupInputSchema = z.object({
  id: uidpSchema,
  name: groupNameSchema.optional(),
  description: groupDescriptionSchema.optional(),
});
export type UpdateGroupInput = z.input<typeof updateGroupInputSchema>;

export const appInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  host: z.enum(['electron', 'web']),
  dataDir: z.string(),
});
export type AppInfo = z.infer<typeof appInfoSchema>;
