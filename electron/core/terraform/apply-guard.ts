import { existsSync } from 'node:fs';
import type { PlanCounts, PlanReview, TerraformRun } from '../../../shared/contract/terraform';
import { errorCodes } from '../../../shared/errors';
import { CoreError } from '../core-error';
import { terraformErrorCodes } from './run-failure';

/**
 * Refuses an apply unless it is of a finished, unapplied, error-free saved plan that is still on disk,
 * and the operator confirmed exactly the changes that plan holds.
 */
export function assertApplicable(
  planRun: TerraformRun,
  review: PlanReview | undefined,
  planFile: string | undefined,
  reviewed: PlanCounts,
): void {
  const refuse = (code: string, message: string, remediation = 'Plan again, review, then apply.'): never => {
    throw new CoreError({ code, field: 'planRunId', message, remediation });
  };
  if (planRun.status !== 'succeeded' || !review)
    refuse(errorCodes.conflict, 'That plan did not finish, so there is nothing to apply.');
  if (planRun.appliedByRunId)
    refuse(errorCodes.conflict, 'That plan was already applied; a saved plan is applied once.');
  if (review?.errored) refuse(errorCodes.conflict, 'Terraform marked that plan as errored; it cannot be applied.');
  if (!planFile || !existsSync(planFile)) refuse(terraformErrorCodes.planMissing, 'The saved plan file is gone.');
  const counts = review as PlanReview;
  if (JSON.stringify(sortKeys(counts.counts)) !== JSON.stringify(sortKeys(reviewed))) {
    throw new CoreError({
      code: errorCodes.conflict,
      field: 'reviewed',
      message: 'The changes confirmed differ from the saved plan’s; Liaison applies only what was reviewed.',
      remediation: 'Review the plan again and confirm its changes.',
    });
  }
}

function sortKeys(counts: PlanCounts): [string, number][] {
  return Object.entries(counts).sort(([a], [b]) => a.localeCompare(b));
}
