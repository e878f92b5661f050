import { z } from 'zod';
import { WORKSPACE_KEY_PATTERN } from './workspace-key';
import { launchTokenSchema } from './program-confirmation';
import { apiErrorSchema } from '../errors';
import { isoTimestampSchema } from '../model';

/*
 * Terraform runs: init → plan (saved) → show → review → apply of exactly that saved plan. Terraform's
 * machine-readable UI (`-json`) lines become the typed events below; payload fields keep Terraform's
 * own names (https://developer.hashicorp.com/terraform/internals/machine-readable-ui) so they can be
 * checked against its documentation. Anything that does not parse is kept as a raw line.
 */

const resourceAddrSchema = z.object({
  addr: z.string(),
  module: z.string(),
  resource: z.string(),
  implied_provider: z.string().optional(),
  resource_type: z.string(),
  resource_name: z.string(),
  resource_key: z.union([z.string(), z.number(), z.null()]).optional(),
});

const changeActionSchema = z.enum([
  'noop',
  'create',
  'read',
  'update',
  'replace',
  'delete',
  'move',
  'import',
  'forget',
  'remove',
]);

const positionSchema = z.object({ line: z.number(), column: z.number(), byte: z.number() });

export const terraformDiagnosticSchema = z.object({
  severity: z.enum(['error', 'warning']),
  summary: z.string(),
  detail: z.string().default(''),
  address: z.string().optional(),
  range: z.object({ filename: z.string(), start: positionSchema, end: positionSchema }).optional(),
  snippet: z
    .object({
      context: z.string().nullable(),
      code: z.string(),
      start_line: z.number(),
      highlight_start_offset: z.number(),
      highlight_end_offset: z.number(),
    })
    .optional(),
});
export type TerraformDiagnostic = z.infer<typeof terraformDiagnosticSchema>;

/** The `@`-prefixed fields every JSON line carries, without the prefix. */
const common = {
  level: z.string(),
  message: z.string(),
  timestamp: z.string(),
};

const hook = <T extends z.ZodRawShape>(fields: T) => z.object({ resource: resourceAddrSchema, ...fields });
const applyHookFields = {
  action: changeActionSchema,
  id_key: z.string().optional(),
  id_value: z.string().optional(),
  elapsed_seconds: z.number().optional(),
};

export const terraformEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('version'), ...common, terraform: z.string(), ui: z.string() }),
  z.object({ type: z.literal('log'), ...common }),
  z.object({ type: z.literal('init_output'), ...common, message_code: z.string().optional() }),
  z.object({ type: z.literal('diagnostic'), ...common, diagnostic: terraformDiagnosticSchema }),
  z.object({
    type: z.enum(['planned_change', 'resource_drift']),
    ...common,
    change: z.object({
      resource: resourceAddrSchema,
      previous_resource: resourceAddrSchema.optional(),
      action: changeActionSchema,
      reason: z.string().optional(),
    }),
  }),
  z.object({
    type: z.literal('change_summary'),
    ...common,
    changes: z.object({
      add: z.number(),
      change: z.number(),
      remove: z.number(),
      import: z.number().default(0),
      operation: z.enum(['plan', 'apply', 'destroy']),
    }),
  }),
  z.object({
    type: z.literal('outputs'),
    ...common,
    outputs: z.record(
      z.string(),
      z.object({
        sensitive: z.boolean(),
        type: z.unknown().optional(),
        value: z.unknown().optional(),
        action: z.string().optional(),
      }),
    ),
  }),
  z.object({
    type: z.enum(['apply_start', 'apply_progress', 'apply_complete', 'apply_errored']),
    ...common,
    hook: hook(applyHookFields),
  }),
  z.object({
    type: z.enum(['provision_start', 'provision_progress', 'provision_complete', 'provision_errored']),
    ...common,
    hook: hook({ provisioner: z.string(), output: z.string().optional() }),
  }),
  z.object({
    type: z.enum(['refresh_start', 'refresh_complete']),
    ...common,
    hook: hook({ id_key: z.string().optional(), id_value: z.string().optional() }),
  }),
  /** A JSON line of a type Liaison does not model (Terraform adds types over time): kept, not dropped. */
  z.object({ type: z.literal('other'), ...common, terraformType: z.string() }),
  /** A line that is not Terraform JSON at all (stderr, a crash, an old binary): kept verbatim. */
  z.object({ type: z.literal('raw'), stream: z.enum(['stdout', 'stderr']), text: z.string() }),
]);
export type TerraformEvent = z.infer<typeof terraformEventSchema>;
export type TerraformEventType = TerraformEvent['type'];

/** The codes of a run's `error`, so the UI can show each fault as its own state. */
export const terraformErrorCodes = {
  locked: 'TERRAFORM_LOCKED',
  planStale: 'TERRAFORM_PLAN_STALE',
  planMissing: 'TERRAFORM_PLAN_MISSING',
  initFailed: 'TERRAFORM_INIT_FAILED',
  registryUnreachable: 'TERRAFORM_REGISTRY_UNREACHABLE',
  diskFull: 'TERRAFORM_DISK_FULL',
  failed: 'TERRAFORM_FAILED',
  cancelled: 'TERRAFORM_CANCELLED',
  interrupted: 'TERRAFORM_INTERRUPTED',
  notFound: 'TERRAFORM_NOT_FOUND',
  tooOld: 'TERRAFORM_TOO_OLD',
  unusable: 'TERRAFORM_UNUSABLE',
  busy: 'TERRAFORM_WORKSPACE_BUSY',
  credentials: 'TERRAFORM_CREDENTIALS_UNAVAILABLE',
  /** AWS: an IAM OIDC provider for the issuer exists already (one per URL): adopt it. */
  oidcProviderExists: 'TERRAFORM_OIDC_PROVIDER_EXISTS',
  /** GCP: the workload identity pool exists, or was deleted and is kept for 30 days: undelete it. */
  poolExists: 'TERRAFORM_POOL_EXISTS',
} as const;

/** Terraform's state lock error, as its diagnostic spells it out. */
export const terraformLockInfoSchema = z.object({
  id: z.string(),
  path: z.string(),
  operation: z.string(),
  who: z.string(),
  version: z.string(),
  created: z.string(),
  info: z.string(),
});
export type TerraformLockInfo = z.infer<typeof terraformLockInfoSchema>;

const planActionSchema = z.enum(['create', 'update', 'replace', 'delete', 'read', 'no-op', 'forget']);
export type PlanAction = z.infer<typeof planActionSchema>;

/** One resource in the reviewed plan; sensitive values are masked before they leave the core. */
export const planResourceChangeSchema = z.object({
  address: z.string(),
  moduleAddress: z.string().optional(),
  type: z.string(),
  name: z.string(),
  action: planActionSchema,
  actionReason: z.string().optional(),
  before: z.unknown(),
  after: z.unknown(),
  /** Attribute paths only known after apply. */
  afterUnknown: z.unknown(),
  replacePaths: z.array(z.array(z.union([z.string(), z.number()]))).default([]),
});
export type PlanResourceChange = z.infer<typeof planResourceChangeSchema>;

export const planCountsSchema = z.object({
  create: z.number(),
  update: z.number(),
  replace: z.number(),
  delete: z.number(),
  read: z.number(),
  noop: z.number(),
  forget: z.number(),
});
export type PlanCounts = z.infer<typeof planCountsSchema>;

/** What the operator reviews before applying: the saved plan, as `show -json` describes it. */
export const planReviewSchema = z.object({
  terraformVersion: z.string(),
  counts: planCountsSchema,
  changes: z.array(planResourceChangeSchema),
  outputChanges: z.array(z.object({ name: z.string(), action: planActionSchema, sensitive: z.boolean() })),
  /** Resources changed outside Terraform since the last apply. */
  driftCount: z.number(),
  /** True when the plan would fail to apply as is (Terraform's `errored`). */
  errored: z.boolean(),
});
export type PlanReview = z.infer<typeof planReviewSchema>;

export const runKindSchema = z.enum(['plan', 'destroy-plan', 'apply', 'force-unlock']);
export type RunKind = z.infer<typeof runKindSchema>;
export const runStatusSchema = z.enum(['running', 'succeeded', 'failed', 'cancelled', 'interrupted']);
export type RunStatus = z.infer<typeof runStatusSchema>;
export const runPhaseSchema = z.enum(['init', 'plan', 'show', 'apply', 'force-unlock']);
export type RunPhase = z.infer<typeof runPhaseSchema>;

export const changeCountsSchema = z.object({
  add: z.number(),
  change: z.number(),
  remove: z.number(),
  import: z.number(),
});
export type ChangeCounts = z.infer<typeof changeCountsSchema>;

export const terraformRunSchema = z.object({
  id: z.uuid(),
  workspaceKey: z.string(),
  kind: runKindSchema,
  status: runStatusSchema,
  phase: runPhaseSchema,
  /** For an apply: the plan run whose saved plan it applied. */
  planRunId: z.uuid().optional(),
  /** For a plan: the apply run that used its saved plan, once there is one. */
  appliedByRunId: z.uuid().optional(),
  startedAt: isoTimestampSchema,
  endedAt: isoTimestampSchema.optional(),
  exitCode: z.number().nullable(),
  changes: changeCountsSchema.optional(),
  /** Why the run failed, was cancelled or interrupted, in words the UI can show. */
  error: apiErrorSchema.optional(),
  lock: terraformLockInfoSchema.optional(),
  binary: z.object({ path: z.string(), version: z.string() }).optional(),
  eventCount: z.number(),
});
export type TerraformRun = z.infer<typeof terraformRunSchema>;

export const terraformBinaryStatusSchema = z.discriminatedUnion('status', [
  z.object({
    status: z.literal('found'),
    path: z.string(),
    flavor: z.enum(['terraform', 'tofu']),
    version: z.string(),
    minimumVersion: z.string(),
    configuredPath: z.string().optional(),
  }),
  z.object({
    status: z.enum(['missing', 'too-old', 'unusable']),
    error: apiErrorSchema,
    configuredPath: z.string().optional(),
  }),
]);
export type TerraformBinaryStatus = z.infer<typeof terraformBinaryStatusSchema>;

/**
 * A proxy URL without credentials: a user and password in it would be stored and shown. A proxy that
 * needs them reads them from the environment Liaison was started with instead.
 */
export const httpsProxySchema = z
  .string()
  .trim()
  .min(1, 'Enter a proxy URL')
  .max(2048)
  .refine((value) => URL.canParse(value) && /^https?:$/.test(new URL(value).protocol), {
    message: 'A proxy URL such as http://proxy.example.com:3128',
  })
  .refine((value) => !URL.canParse(value) || (new URL(value).username === '' && new URL(value).password === ''), {
    message: 'Leave the user and password out: Liaison would store them; start Liaison with HTTPS_PROXY set instead',
  });

export const terraformNetworkSchema = z.object({ httpsProxy: z.string().optional() });

const workspaceKeySchema = z.string().regex(WORKSPACE_KEY_PATTERN, 'Not a workspace');
const runIdSchema = z.uuid({ error: 'Not a run id' });

export const runLogEntrySchema = z.object({ seq: z.number(), event: terraformEventSchema });
export type RunLogEntry = z.infer<typeof runLogEntrySchema>;

export const terraformMethods = {
  /** Which Terraform (or OpenTofu) Liaison would run, and why not when none is usable. */
  getTerraformBinary: { input: z.object({}), output: terraformBinaryStatusSchema },
  /**
   * Sets (or, with null, clears) the binary path from Settings; returns what that path gives. A new path
   * takes effect only once confirmed: a native dialog in Electron, `launchToken` in the web host.
   */
  setTerraformBinaryPath: {
    input: z.object({
      path: z.string().trim().min(1, 'Enter a path').max(4096).nullable(),
      launchToken: launchTokenSchema,
    }),
    output: terraformBinaryStatusSchema,
  },
  /** Where Terraform's downloads go through: the HTTPS proxy set in Settings, if any. */
  getTerraformNetwork: { input: z.object({}), output: terraformNetworkSchema },
  /** Sets (or, with null, clears) the HTTPS proxy every Terraform run gets as HTTPS_PROXY. */
  setTerraformProxy: {
    input: z.object({ httpsProxy: httpsProxySchema.nullable() }),
    output: terraformNetworkSchema,
  },
  /** Starts init → plan → show for the workspace (with `destroy`, a `plan -destroy`); returns at once. */
  startTerraformPlan: {
    input: z.object({ workspaceKey: workspaceKeySchema, destroy: z.boolean().default(false) }),
    output: terraformRunSchema,
  },
  /**
   * Applies the saved plan of a plan run, never a fresh one. `reviewed` must repeat the counts the
   * operator saw, so a plan that differs from the reviewed one is refused rather than applied.
   */
  applyTerraformPlan: {
    input: z.object({ planRunId: runIdSchema, reviewed: planCountsSchema }),
    output: terraformRunSchema,
  },
  /** Interrupts a run as Ctrl-C does; escalates only after a timeout. Resolves once it has stopped. */
  cancelTerraformRun: { input: z.object({ runId: runIdSchema }), output: terraformRunSchema },
  listTerraformRuns: {
    input: z.object({
      workspaceKey: workspaceKeySchema.optional(),
      limit: z.number().int().min(1).max(500).default(50),
    }),
    output: z.array(terraformRunSchema),
  },
  getTerraformRun: {
    input: z.object({ runId: runIdSchema }),
    output: z.object({ run: terraformRunSchema, plan: planReviewSchema.optional() }),
  },
  /** The run's event log (secrets redacted), a page at a time. */
  getTerraformRunLog: {
    input: z.object({
      runId: runIdSchema,
      afterSeq: z.number().int().min(-1).default(-1),
      limit: z.number().int().min(1).max(5000).default(1000),
    }),
    output: z.object({ entries: z.array(runLogEntrySchema), nextSeq: z.number().optional() }),
  },
  /** Releases a lock another run left behind; `confirmLockId` must repeat the id the operator was shown. */
  forceUnlockTerraform: {
    input: z
      .object({ workspaceKey: workspaceKeySchema, lockId: z.string().min(1), confirmLockId: z.string() })
      .refine((input) => input.lockId === input.confirmLockId, {
        path: ['confirmLockId'],
        message: 'Type the lock id exactly as shown to confirm',
      }),
    output: terraformRunSchema,
  },
};

export const terraformEvents = {
  /** A run started, changed phase or ended. */
  terraformRunChanged: z.object({ run: terraformRunSchema }),
  /** New events of a running run, batched so thousands of lines do not mean thousands of messages. */
  terraformRunEvents: z.object({ runId: z.string(), entries: z.array(runLogEntrySchema) }),
};
