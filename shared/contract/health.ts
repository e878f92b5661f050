import { z } from 'zod';
import { associationKindSchema } from './role-recipe-values';
import { isoTimestampSchema } from '../model';
import { associationIdSchema } from './associations';
import { platformStandingSchema } from '../platform/platform-standing';
import { checkVerdictSchema, checkVerdicts } from './checks';

/*
 * Health: every generated association at a glance, re-checked in bulk or on a schedule, with its
 * history kept under a retention rule, and exports of both.
 */

export const HEALTH_RECENT_VERDICTS = 30;

export const healthSettingsSchema = z.object({
  /** Minutes between scheduled re-checks of every association; 0 turns the schedule off (the default). */
  scheduleMinutes: z.number().int().min(0).max(10_080),
  /** Checks that run at once in a check-all. */
  concurrency: z.number().int().min(1).max(64),
  /** Cloud API calls (retries included) per second against one account or project. */
  perAccountPerSecond: z.number().int().min(1).max(100),
  /** Every check is kept this many days; older ones are thinned to the last of each day. */
  keepAllDays: z.number().int().min(1).max(3650),
  /** Whether a scheduled re-check also runs a refresh-only plan in every workspace (off by default). */
  driftOnSchedule: z.boolean(),
});
export type HealthSettings = z.infer<typeof healthSettingsSchema>;

export const DEFAULT_HEALTH_SETTINGS: HealthSettings = {
  scheduleMinutes: 0,
  concurrency: 16,
  perAccountPerSecond: 50,
  keepAllDays: 30,
  driftOnSchedule: false,
};
/** What the settings form offers when the schedule is first turned on. */
export const SUGGESTED_SCHEDULE_MINUTES = 60;

export const driftStatusSchema = z.enum(['unknown', 'in-sync', 'drift', 'error']);
export type DriftStatus = z.infer<typeof driftStatusSchema>;

export const workspaceDriftSchema = z.object({
  workspaceKey: z.string(),
  drift: driftStatusSchema.exclude(['unknown']),
  /** Drift: the drifted resources and outputs, one per line. Error: the diagnostic or cause. */
  detail: z.string().optional(),
  checkedAt: isoTimestampSchema,
});
export type WorkspaceDrift = z.infer<typeof workspaceDriftSchema>;

export const healthRowSchema = z.object({
  associationId: associationIdSchema,
  groupId: z.string(),
  /** Empty when the group is not registered in Liaison. */
  groupName: z.string(),
  cloud: z.enum(['aws', 'gcp']),
  /** Absent or `platform`: the platform association; else a role recipe (issue 18), which has no group. */
  kind: associationKindSchema.optional(),
  /** A role recipe's role name. */
  roleName: z.string().optional(),
  /** The AWS account id or the GCP project id. */
  target: z.string(),
  workspaceKey: z.string(),
  /** Undefined until the first check. */
  verdict: checkVerdictSchema.optional(),
  headline: z.string().optional(),
  lastCheckedAt: isoTimestampSchema.optional(),
  durationMs: z.number().int().nonnegative().optional(),
  /** Up to the last 30 verdicts, oldest first. */
  recent: z.array(checkVerdictSchema),
  drift: driftStatusSchema,
  /** The plan's differences when drifted (resource addresses and actions), for the flag's link. */
  driftDetail: z.string().optional(),
  /** The latest check's Platform step; undefined when it asked the platform nothing (no chainctl). */
  platform: platformStandingSchema.optional(),
  /** The Platform step's detail (for NotReady: the platform's reason and message, verbatim). */
  platformDetail: z.string().optional(),
});
export type HealthRow = z.infer<typeof healthRowSchema>;

export const verdictCountsSchema = z.object({
  ...(Object.fromEntries(checkVerdicts.map((v) => [v, z.number().int()])) as Record<
    (typeof checkVerdicts)[number],
    z.ZodNumber
  >),
  unchecked: z.number().int(),
});
export type VerdictCounts = z.infer<typeof verdictCountsSchema>;

export const healthRunStatusSchema = z.object({
  runId: z.uuid(),
  state: z.enum(['running', 'finished', 'cancelled']),
  trigger: z.enum(['manual', 'schedule']),
  total: z.number().int(),
  done: z.number().int(),
  counts: verdictCountsSchema,
  startedAt: isoTimestampSchema,
  finishedAt: isoTimestampSchema.optional(),
});
export type HealthRunStatus = z.infer<typeof healthRunStatusSchema>;

export const healthOverviewSchema = z.object({
  rows: z.array(healthRowSchema),
  counts: verdictCountsSchema,
  run: healthRunStatusSchema.optional(),
});
export type HealthOverview = z.infer<typeof healthOverviewSchema>;

export const historyPointSchema = z.object({
  id: z.string(),
  verdict: checkVerdictSchema,
  headline: z.string(),
  startedAt: isoTimestampSchema,
  durationMs: z.number().int().nonnegative(),
});
export type HistoryPoint = z.infer<typeof historyPointSchema>;

export const exportFormatSchema = z.enum(['csv', 'json']);
export const exportFileSchema = z.object({ fileName: z.string(), mimeType: z.string(), content: z.string() });
export type ExportFile = z.infer<typeof exportFileSchema>;

export const healthErrorCodes = { runInProgress: 'HEALTH_RUN_IN_PROGRESS' } as const;

export const healthMethods = {
  /** One row per generated association with its latest verdict, trend and drift; counts per verdict. */
  getHealthOverview: { input: z.object({}), output: healthOverviewSchema },
  /** Starts a check of the given associations (all when omitted); progress comes as `healthRunProgress`. */
  startHealthRun: {
    input: z.object({ associationIds: z.array(associationIdSchema).min(1).max(10_000).optional() }),
    output: healthRunStatusSchema,
  },
  /** Stops starting checks; the ones in flight finish and are kept. */
  cancelHealthRun: { input: z.object({ runId: z.uuid() }), output: z.object({ cancelled: z.boolean() }) },
  /** The checks of one association for the history chart, oldest first. */
  getAssociationHistory: {
    input: z.object({ associationId: associationIdSchema, limit: z.number().int().min(1).max(5000).default(500) }),
    output: z.array(historyPointSchema),
  },
  exportHealthOverview: { input: z.object({ format: exportFormatSchema }), output: exportFileSchema },
  exportAssociationHistory: {
    input: z.object({ associationId: associationIdSchema, format: exportFormatSchema }),
    output: exportFileSchema,
  },
  /** Runs `terraform plan -refresh-only` in one workspace (never prompting) and stores the result. */
  checkDrift: { input: z.object({ workspaceKey: z.string().min(1) }), output: workspaceDriftSchema },
  /** The same in every workspace that has a generated association, one after another. */
  checkAllDrift: { input: z.object({}), output: z.array(workspaceDriftSchema) },
  getHealthSettings: { input: z.object({}), output: healthSettingsSchema },
  setHealthSettings: { input: healthSettingsSchema, output: healthSettingsSchema },
};

export const healthEvents = {
  healthRunProgress: healthRunStatusSchema,
  /** An association turned Failing, or recovered from Failing. */
  associationHealthAlert: z.object({
    associationId: z.string(),
    groupName: z.string(),
    target: z.string(),
    from: checkVerdictSchema,
    to: checkVerdictSchema,
  }),
  healthSettingsChanged: healthSettingsSchema,
};
