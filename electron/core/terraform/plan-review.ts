import { z } from 'zod';
import type { PlanAction, PlanCounts, PlanResourceChange, PlanReview } from '../../../shared/contract/terraform';

export const SENSITIVE = '(sensitive value)';

/** The parts of `terraform show -json <plan>` Liaison reads (its JSON output format 1.x). */
const changeSchema = z.object({
  actions: z.array(z.string()),
  before: z.unknown().optional(),
  after: z.unknown().optional(),
  after_unknown: z.unknown().optional(),
  before_sensitive: z.unknown().optional(),
  after_sensitive: z.unknown().optional(),
  replace_paths: z.array(z.array(z.union([z.string(), z.number()]))).optional(),
});

const showPlanSchema = z.object({
  format_version: z.string(),
  terraform_version: z.string(),
  resource_changes: z
    .array(
      z.object({
        address: z.string(),
        module_address: z.string().optional(),
        mode: z.string().optional(),
        type: z.string(),
        name: z.string(),
        action_reason: z.string().optional(),
        change: changeSchema,
      }),
    )
    .default([]),
  resource_drift: z.array(z.unknown()).default([]),
  output_changes: z.record(z.string(), changeSchema).default({}),
  errored: z.boolean().default(false),
});

/**
 * The review of a saved plan from `show -json`. Values Terraform marks sensitive are replaced before
 * the review is stored or sent: `show -json` prints them in clear.
 */
export function planReviewFromShowJson(text: string): PlanReview {
  const plan = showPlanSchema.parse(JSON.parse(text));
  const changes: PlanResourceChange[] = plan.resource_changes.map((resource) => ({
    address: resource.address,
    ...(resource.module_address === undefined ? {} : { moduleAddress: resource.module_address }),
    type: resource.type,
    name: resource.name,
    action: actionOf(resource.change.actions),
    ...(resource.action_reason === undefined ? {} : { actionReason: resource.action_reason }),
    before: mask(resource.change.before ?? null, resource.change.before_sensitive),
    after: mask(resource.change.after ?? null, resource.change.after_sensitive),
    afterUnknown: resource.change.after_unknown ?? {},
    replacePaths: resource.change.replace_paths ?? [],
  }));
  const counts: PlanCounts = { create: 0, update: 0, replace: 0, delete: 0, read: 0, noop: 0, forget: 0 };
  for (const change of changes) counts[change.action === 'no-op' ? 'noop' : change.action] += 1;
  return {
    terraformVersion: plan.terraform_version,
    counts,
    changes,
    outputChanges: Object.entries(plan.output_changes).map(([name, change]) => ({
      name,
      action: actionOf(change.actions),
      sensitive: change.after_sensitive === true || change.before_sensitive === true,
    })),
    driftCount: plan.resource_drift.length,
    errored: plan.errored,
  };
}

/** Terraform lists a replace as ["delete","create"] or ["create","delete"]. */
function actionOf(actions: readonly string[]): PlanAction {
  if (actions.includes('delete') && actions.includes('create')) return 'replace';
  const [first = 'no-op'] = actions;
  switch (first) {
    case 'create':
    case 'update':
    case 'delete':
    case 'read':
    case 'forget':
      return first;
    default:
      return 'no-op';
  }
}

/** Replaces every part of `value` that the parallel `sensitive` structure marks `true`. */
export function mask(value: unknown, sensitive: unknown): unknown {
  if (sensitive === true) return value === null ? null : SENSITIVE;
  if (typeof sensitive !== 'object' || sensitive === null) return value;
  if (Array.isArray(value)) {
    const marks = Array.isArray(sensitive) ? sensitive : [];
    return value.map((item, index) => mask(item, marks[index]));
  }
  if (typeof value === 'object' && value !== null) {
    const marks = sensitive as Record<string, unknown>;
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, mask(item, marks[key])]));
  }
  return value;
}
