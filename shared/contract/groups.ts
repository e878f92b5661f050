import { z } from 'zod';
import { createGroupInputSchema, groupSchema, updateGroupInputSchema } from '../model';
import { uidpSchema } from '../validation';

export const groupMethods = {
  listGroups: { input: z.object({}), output: z.array(groupSchema) },
  createGroup: { input: createGroupInputSchema, output: groupSchema },
  updateGroup: { input: updateGroupInputSchema, output: groupSchema },
  /** Deletes the group and every group below it. */
  deleteGroup: {
    input: z.object({ id: uidpSchema }),
    output: z.object({ deletedIds: z.array(uidpSchema) }),
  },
};

export const groupEvents = {
  groupsChanged: z.object({ ids: z.array(z.string()) }),
};
