import { z } from 'zod';

/*
 * Response shapes of chainguard.platform.iam v1 in REST JSON (grpc-gateway: camelCase names, enums
 * as their names, empty fields omitted). Parsed leniently on what the proto allows to be absent and
 * strictly on what Liaison relies on.
 */

export const wireGroupSchema = z.looseObject({
  id: z.string(),
  name: z.string().optional().default(''),
  description: z.string().optional().default(''),
});
export const wireGroupListSchema = z.object({ items: z.array(wireGroupSchema).optional().default([]) });

export const wireAccountAssociationsSchema = z.looseObject({
  group: z.string(),
  name: z.string().optional(),
  description: z.string().optional(),
  amazon: z.object({ account: z.string().optional().default('') }).optional(),
  google: z.object({ projectId: z.string().optional().default(''), projectNumber: z.string().optional() }).optional(),
});
export const wireAccountAssociationsListSchema = z.object({
  items: z.array(wireAccountAssociationsSchema).optional().default([]),
});

/** AccountAssociationsStatus: `ready` is absent when it is the zero value UNKNOWN. */
export const wireCheckStatusSchema = z.object({
  ready: z.enum(['UNKNOWN', 'Ready', 'NotReady']).optional().default('UNKNOWN'),
  reason: z.string().optional().default(''),
  message: z.string().optional().default(''),
});
export type PlatformCheckStatus = z.infer<typeof wireCheckStatusSchema>;

/** A google.rpc.Status as grpc-gateway writes it for an error. */
export const wireErrorSchema = z.looseObject({ code: z.number().optional(), message: z.string().optional() });

export const emptySchema = z.unknown();
