import { z } from 'zod';
import { accessPathSchema } from '../aws-access-path';
import { awsAccountIdSchema, awsProfileNameSchema, awsRegionSchema } from '../aws-validation';
import { apiErrorSchema } from '../errors';
import { gcpProjectIdSchema, gcpProjectNumberSchema } from '../gcp-validation';
import { isoTimestampSchema } from '../model';
import { AWS_MODULE_VERSIONS, GCP_MODULE_VERSIONS } from '../terraform/module-catalog';
import { moduleSourceSchema } from '../terraform/module-source';
import { environmentSchema } from '../terraform/platform-environment';
import { allTargetKinds, targetIdOf } from '../targets/target-kinds';
import { groupDescriptionSchema, groupNameSchema, uidpSchema } from '../validation';
import { associationIdSchema } from './associations';
import { checkVerdictSchema } from './checks';
import { gcpCredentialRefSchema } from './gcp';
import { planCountsSchema } from './terraform';

/*
 * Fleet onboarding (issue 17): many accounts and projects in one pass. Each item runs the wizard's
 * steps without the wizard: its group (an existing one, or a new platform folder) → the association
 * saved and its workspace generated → registered on the platform → init → plan (saved). The operator
 * reviews and approves plans, then the approved ones are applied in item order with bounded
 * concurrency, then checked. The run is stored, so a restarted app shows each item's true stage; a
 * saved plan from before a restart is stale and is never applied without planning again.
 */

export const fleetIdSchema = z.uuid({ error: 'Not a fleet run id' });
export const fleetItemIdSchema = z.uuid({ error: 'Not a fleet item id' });

export const FLEET_CONCURRENCY_DEFAULT = 4;
export const FLEET_CONCURRENCY_MAX = 16;
export const FLEET_ITEMS_MAX = 1000;

export const fleetConcurrencySchema = z
  .number({ error: 'Enter how many accounts run at once' })
  .int('Enter a whole number')
  .min(1, 'At least 1')
  .max(FLEET_CONCURRENCY_MAX, `At most ${FLEET_CONCURRENCY_MAX}`);

const displayNameSchema = z.string().trim().max(256, 'At most 256 characters').default('');

/** The account or project an item onboards, with the local credentials that apply its workspace. */
export const fleetTargetSchema = z.discriminatedUnion('cloud', [
  z.object({
    cloud: z.literal('aws'),
    accountId: awsAccountIdSchema,
    accountName: displayNameSchema,
    profile: awsProfileNameSchema,
    accessPath: accessPathSchema.default({ kind: 'profile' }),
  }),
  z.object({
    cloud: z.literal('gcp'),
    projectId: gcpProjectIdSchema,
    projectNumber: gcpProjectNumberSchema,
    projectName: displayNameSchema,
    credential: gcpCredentialRefSchema,
  }),
]);
export type FleetTarget = z.output<typeof fleetTargetSchema>;
export type FleetTargetInput = z.input<typeof fleetTargetSchema>;

/** The group an item binds: one that exists (locally), or a new platform folder created for it. */
export const fleetGroupChoiceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('existing'), groupId: uidpSchema }),
  z.object({
    kind: z.literal('new-folder'),
    parentId: uidpSchema,
    name: groupNameSchema,
    description: groupDescriptionSchema.default(''),
  }),
]);
export type FleetGroupChoice = z.output<typeof fleetGroupChoiceSchema>;

/** Module settings every item shares (as the wizard's Options step sets them for one). */
export const fleetOptionsSchema = z.object({
  awsModuleVersion: z.enum(AWS_MODULE_VERSIONS, { error: `Choose ${AWS_MODULE_VERSIONS.join(' or ')}` }).optional(),
  gcpModuleVersion: z.enum(GCP_MODULE_VERSIONS, { error: `Choose ${GCP_MODULE_VERSIONS.join(' or ')}` }).optional(),
  auditLogRegions: z.array(awsRegionSchema).max(40, 'Choose at most 40 regions').default([]),
  moduleSource: moduleSourceSchema.default({ type: 'registry' }),
});
export type FleetOptions = z.output<typeof fleetOptionsSchema>;

export const fleetItemInputSchema = z.object({
  target: fleetTargetSchema,
  group: fleetGroupChoiceSchema,
  /** Apply order: lower first (the accounts.json deploy order, or the operator's drag order). */
  order: z.number().int().min(0),
});
export type FleetItemInput = z.input<typeof fleetItemInputSchema>;

export const createFleetInputSchema = z
  .object({
    name: z.string().trim().min(1, 'Name the fleet run').max(200, 'At most 200 characters'),
    environment: z.string({ error: 'Environment is required' }).trim().pipe(environmentSchema),
    options: fleetOptionsSchema.default({ auditLogRegions: [], moduleSource: { type: 'registry' } }),
    concurrency: fleetConcurrencySchema.default(FLEET_CONCURRENCY_DEFAULT),
    /**
     * Write each item's association record on the platform (needs a platform sign-in: without one the
     * item fails at `registering` with the sign-in error and can be retried). Off: the platform is
     * left alone, and `new-folder` groups are refused, since creating a folder is a platform call.
     */
    registerOnPlatform: z.boolean().default(true),
    items: z
      .array(fleetItemInputSchema)
      .min(1, 'Select at least one account or project')
      .max(FLEET_ITEMS_MAX, `At most ${FLEET_ITEMS_MAX} accounts and projects in one fleet run`),
  })
  .superRefine((input, ctx) => {
    const seen = new Map<string, number>();
    input.items.forEach((item, index) => {
      const id = targetIdOf(item.target) ?? '';
      const key = `${item.target.cloud}:${id}`;
      const first = seen.get(key);
      if (first !== undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['items', index, 'target'],
          message: `${id} is already item ${first + 1}: each account or project once per fleet run`,
        });
      } else seen.set(key, index);
      if (!input.registerOnPlatform && item.group.kind === 'new-folder') {
        ctx.addIssue({
          code: 'custom',
          path: ['items', index, 'group'],
          message: 'Creating a folder needs the platform: turn on registering, or pick an existing group',
        });
      }
    });
    // Each kind of target in the run needs its module version chosen.
    for (const kind of allTargetKinds()) {
      const option = kind.fleetModuleVersionOption;
      if (input.items.some((item) => item.target.cloud === kind.cloud) && !input.options[option]) {
        ctx.addIssue({
          code: 'custom',
          path: ['options', option],
          message: `Choose the ${kind.cloudName} module version`,
        });
      }
    }
  });
export type CreateFleetInput = z.input<typeof createFleetInputSchema>;

/**
 * Where an item is. Planning: queued → generating (group, association, workspace files) →
 * registering (platform record) → initialising → planning → planned. Then approved → applying →
 * applied → checking → checked. `failed` and `cancelled` keep the item's error and can be retried.
 */
export const fleetStageSchema = z.enum([
  'queued',
  'generating',
  'registering',
  'initialising',
  'planning',
  'planned',
  'approved',
  'applying',
  'applied',
  'checking',
  'checked',
  'failed',
  'cancelled',
]);
export type FleetStage = z.infer<typeof fleetStageSchema>;

/** Stages during which something runs for the item. */
export const FLEET_ACTIVE_STAGES: readonly FleetStage[] = [
  'generating',
  'registering',
  'initialising',
  'planning',
  'applying',
  'checking',
];

/** The board's plan column: +add ~change −destroy, and how many of them are replacements. */
export const fleetPlanSummarySchema = z.object({
  add: z.number().int(),
  change: z.number().int(),
  destroy: z.number().int(),
  replace: z.number().int(),
});
export type FleetPlanSummary = z.infer<typeof fleetPlanSummarySchema>;

export const fleetItemSchema = z.object({
  id: fleetItemIdSchema,
  order: z.number().int(),
  target: fleetTargetSchema,
  group: fleetGroupChoiceSchema,
  /** The group the item binds, once known (a new folder's id after it is created). */
  groupId: uidpSchema.optional(),
  stage: fleetStageSchema,
  /** The stage the item was in when it failed or was cancelled. */
  failedStage: fleetStageSchema.optional(),
  planSummary: fleetPlanSummarySchema.optional(),
  /** The full counts of the saved plan, as the plan review shows them. */
  planCounts: planCountsSchema.optional(),
  /** The saved plan is from before a restart (or the workspace changed since): plan again before applying. */
  planStale: z.boolean(),
  approved: z.boolean(),
  associationId: associationIdSchema.optional(),
  workspaceKey: z.string().optional(),
  /** The plan run whose saved plan is reviewed and applied (open it in the plan review). */
  planRunId: z.uuid().optional(),
  applyRunId: z.uuid().optional(),
  /** The latest Terraform run of the item (for the run log view). */
  runId: z.uuid().optional(),
  registration: z.enum(['registered', 'skipped']).optional(),
  startedAt: isoTimestampSchema.optional(),
  endedAt: isoTimestampSchema.optional(),
  durationMs: z.number().int().nonnegative().optional(),
  error: apiErrorSchema.optional(),
  verdict: checkVerdictSchema.optional(),
});
export type FleetItem = z.infer<typeof fleetItemSchema>;

export const fleetStateSchema = z.enum([
  /** Created, nothing started yet. */
  'new',
  'planning',
  /** Plans are ready for review and approval; nothing runs. */
  'reviewing',
  'applying',
  'checking',
  /** Nothing new starts; what runs finishes. */
  'paused',
  /** Every item is checked, applied, or failed. */
  'done',
  'cancelled',
]);
export type FleetState = z.infer<typeof fleetStateSchema>;

export const fleetStageCountsSchema = z.partialRecord(fleetStageSchema, z.number().int());

export const fleetRunSummarySchema = z.object({
  id: fleetIdSchema,
  name: z.string(),
  environment: z.string(),
  createdAt: isoTimestampSchema,
  updatedAt: isoTimestampSchema,
  state: fleetStateSchema,
  paused: z.boolean(),
  concurrency: z.number().int(),
  registerOnPlatform: z.boolean(),
  itemCount: z.number().int(),
  stageCounts: fleetStageCountsSchema,
});
export type FleetRunSummary = z.infer<typeof fleetRunSummarySchema>;

export const fleetRunSchema = fleetRunSummarySchema.extend({
  options: fleetOptionsSchema,
  /** Sorted by `order`. */
  items: z.array(fleetItemSchema),
});
export type FleetRun = z.infer<typeof fleetRunSchema>;

const fleetRef = { fleetId: fleetIdSchema };
const itemIdsSchema = z.array(fleetItemIdSchema).min(1, 'Select at least one account or project').max(FLEET_ITEMS_MAX);

export const fleetErrorCodes = {
  /** The saved plan predates a restart or a change of the workspace. */
  planStale: 'FLEET_PLAN_STALE',
  /** The item is not in a stage the action applies to. */
  wrongStage: 'FLEET_WRONG_STAGE',
  cancelled: 'FLEET_CANCELLED',
  interrupted: 'FLEET_INTERRUPTED',
  platformOffline: 'FLEET_PLATFORM_OFFLINE',
} as const;

export const fleetMethods = {
  /** Stores a new fleet run with its items (all `queued`); starts nothing. */
  createFleetRun: { input: createFleetInputSchema, output: fleetRunSchema },
  listFleetRuns: { input: z.object({}), output: z.array(fleetRunSummarySchema) },
  getFleetRun: { input: z.object(fleetRef), output: fleetRunSchema },
  /** Deletes the stored fleet run (refused while something runs); workspaces and associations stay. */
  deleteFleetRun: { input: z.object(fleetRef), output: z.object({ deletedId: fleetIdSchema }) },
  /**
   * Plans the given items (default: every queued, failed, cancelled or stale one): group → workspace →
   * register → init → plan, up to `concurrency` at a time. Returns at once; progress arrives as events.
   */
  planFleet: {
    input: z.object({ ...fleetRef, itemIds: itemIdsSchema.optional() }),
    output: fleetRunSchema,
  },
  /**
   * Approves (or with `approve: false` withdraws approval of) planned items: the ones named, or every
   * planned item whose plan destroys and replaces nothing (`safe`). Stale plans are never approved.
   */
  approveFleetPlans: {
    input: z.object({
      ...fleetRef,
      selection: z.discriminatedUnion('kind', [
        z.object({ kind: z.literal('items'), itemIds: itemIdsSchema }),
        z.object({ kind: z.literal('safe') }),
      ]),
      approve: z.boolean().default(true),
    }),
    output: fleetRunSchema,
  },
  /** Sets the apply order: `itemIds` lists every item of the fleet, first applied first. */
  reorderFleet: {
    input: z.object({ ...fleetRef, itemIds: itemIdsSchema }),
    output: fleetRunSchema,
  },
  /** Applies every approved item's saved plan in order, up to `concurrency` at a time; returns at once. */
  applyFleet: { input: z.object(fleetRef), output: fleetRunSchema },
  /** Plans the given failed or cancelled items again (an item that failed applying is planned afresh). */
  retryFleetItems: {
    input: z.object({ ...fleetRef, itemIds: itemIdsSchema }),
    output: fleetRunSchema,
  },
  /** Starts nothing more and interrupts every running Terraform as Ctrl-C does; resolves once stopped. */
  cancelFleet: { input: z.object(fleetRef), output: fleetRunSchema },
  /** Starts nothing new; what runs now finishes. */
  pauseFleet: { input: z.object(fleetRef), output: fleetRunSchema },
  /** Continues a paused fleet run where it stopped. */
  resumeFleet: { input: z.object(fleetRef), output: fleetRunSchema },
  setFleetConcurrency: {
    input: z.object({ ...fleetRef, concurrency: fleetConcurrencySchema }),
    output: fleetRunSchema,
  },
  /** Checks every applied item's association (as the dashboard's check-all does); returns at once. */
  checkFleet: { input: z.object(fleetRef), output: fleetRunSchema },
  /** Every item's workspace, a folder each, and a README with the apply order and commands (base64 zip). */
  exportFleetZip: {
    input: z.object(fleetRef),
    output: z.object({ fileName: z.string(), base64: z.string() }),
  },
  /** The run's report, one row per item (no secrets). */
  exportFleetReport: {
    input: z.object({ ...fleetRef, format: z.enum(['csv', 'json']) }),
    output: z.object({ fileName: z.string(), mimeType: z.string(), content: z.string() }),
  },
};

export const fleetEvents = {
  /**
   * Items whose stage or fields changed, coalesced per item (the latest wins) and flushed in batches,
   * so 500 accounts streaming do not mean thousands of messages; `summary` is the run after them.
   */
  fleetProgress: z.object({
    fleetId: fleetIdSchema,
    summary: fleetRunSummarySchema,
    items: z.array(fleetItemSchema),
  }),
  /** A fleet run was created or deleted. */
  fleetRunsChanged: z.object({ ids: z.array(z.string()) }),
};
