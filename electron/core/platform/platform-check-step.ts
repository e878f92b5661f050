import { PLATFORM_SIGN_IN_CODES } from '../../../shared/contract/platform';
import type { ParsedAssociationInput } from '../../../shared/contract/associations';
import { recordTarget } from '../../../shared/platform/association-record';
import { NOT_REGISTERED_DETAIL, PLATFORM_STEP_ID } from '../../../shared/platform/platform-standing';
import type { CheckRun, StepOutcome } from '../checks/check-run';
import { CoreError } from '../core-error';
import type { PlatformService } from './platform-service';

export { PLATFORM_STEP_ID };
export const PLATFORM_STEP_TITLE = 'Platform';

/**
 * The platform's own check (a live credential exchange done server-side): the association must be
 * registered for this group, then `:check` answers Ready or NotReady with its reason and message,
 * shown verbatim. Without chainctl Liaison is offline and the step is not added at all.
 */
export async function runPlatformStep(
  run: CheckRun,
  target: ParsedAssociationInput,
  platform: PlatformService | undefined,
  now: () => Date,
): Promise<{ readyAt: Date | undefined }> {
  if (!platform?.available()) return { readyAt: undefined };
  let readyAt: Date | undefined;
  await run.step(
    PLATFORM_STEP_ID,
    PLATFORM_STEP_TITLE,
    async () => {
      const outcome = await askPlatform(target, platform);
      if (outcome.status === 'passed') readyAt = now();
      return outcome;
    },
    true,
  );
  return { readyAt };
}

async function askPlatform(target: ParsedAssociationInput, platform: PlatformService): Promise<StepOutcome> {
  const client = platform.client(target.environment);
  const cloud = target.cloud === 'aws' ? 'AWS account' : 'GCP project';
  const wanted = target.cloud === 'aws' ? target.accountId : target.projectId;
  try {
    const record = await client.readAssociation(target.groupId);
    const registered = recordTarget(record, target.cloud);
    if (registered === undefined) {
      return {
        status: 'failed',
        detail: `${NOT_REGISTERED_DETAIL}: the platform has no ${cloud} for group ${target.groupId}.`,
        remediation: `Register it (the association's Register action) so the platform associates group ${target.groupId} with ${wanted}.`,
      };
    }
    if (registered !== wanted) {
      return {
        status: 'failed',
        detail: `${NOT_REGISTERED_DETAIL}: the platform associates group ${target.groupId} with ${cloud} ${registered}, not ${wanted}.`,
        remediation: `Register this association to replace ${registered} (a group has one ${cloud}), or use another group.`,
      };
    }
    const status = await client.check(target.groupId, target.cloud === 'aws' ? 'AMAZON' : 'GOOGLE');
    if (status.ready === 'Ready') return { status: 'passed', detail: 'Ready' };
    if (status.ready === 'NotReady') {
      return {
        status: 'failed',
        detail: `NotReady — ${status.reason}: ${status.message}`,
        remediation:
          'Liaison’s own steps read the configuration the platform uses; fix what they find and check again.',
      };
    }
    return {
      status: 'error',
      detail: `The platform could not tell (UNKNOWN)${status.reason ? ` — ${status.reason}: ${status.message}` : ''}.`,
      error: { code: 'PLATFORM_UNKNOWN', message: status.message || 'UNKNOWN' },
      remediation: 'Check again in a minute.',
    };
  } catch (error) {
    if (!(error instanceof CoreError)) throw error;
    if (PLATFORM_SIGN_IN_CODES.includes(error.code)) {
      return {
        status: 'needs-sign-in',
        detail: error.message,
        ...(error.remediation ? { remediation: error.remediation } : {}),
      };
    }
    return {
      status: 'error',
      detail: error.message,
      error: { code: error.code, message: error.message },
      ...(error.remediation ? { remediation: error.remediation } : {}),
    };
  }
}
