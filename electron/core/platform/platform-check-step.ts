import { PLATFORM_SIGN_IN_CODES } from '../../../shared/contract/platform';
import { recordTarget } from '../../../shared/platform/association-record';
import { PLATFORM_STEP_ID } from '../../../shared/platform/platform-standing';
import type { CheckCloud, CheckStepSpec } from '../checks/check-kind';
import type { StepOutcome } from '../checks/check-run';
import { CoreError } from '../core-error';
import type { PlatformService } from './platform-service';

export { PLATFORM_STEP_ID };
export const PLATFORM_STEP_TITLE = 'Platform';

/** What the platform's check needs of an association: its kind's names and its target. */
export interface PlatformCheckTarget {
  groupId: string;
  environment: string;
  cloud: CheckCloud;
  /** The account or project id. */
  id: string;
  /** `AWS account`, `GCP project` (the kind's noun). */
  noun: string;
  /** The platform API's name for the cloud (the kind's `platformCloud`). */
  platformCloud: 'AMAZON' | 'GOOGLE';
}

/**
 * The platform's own check (a live credential exchange done server-side), as the step every kind ends
 * with: the association must be registered for this group, then `:check` answers Ready or NotReady
 * with its reason and message, shown verbatim. Without chainctl Liaison is offline and there is no step.
 */
export function platformCheckStep(
  platform: PlatformService | undefined,
  target: PlatformCheckTarget,
): CheckStepSpec | undefined {
  if (!platform?.available()) return undefined;
  return { id: PLATFORM_STEP_ID, title: PLATFORM_STEP_TITLE, live: true, run: () => askPlatform(target, platform) };
}

async function askPlatform(target: PlatformCheckTarget, platform: PlatformService): Promise<StepOutcome> {
  const client = platform.client(target.environment);
  const { noun, id: wanted } = target;
  try {
    const record = await client.readAssociation(target.groupId);
    const registered = recordTarget(record, target.cloud);
    if (registered === undefined) {
      return {
        status: 'failed',
        platform: 'not-registered',
        detail: `Not registered: the platform has no ${noun} for group ${target.groupId}.`,
        remediation: `Register it (the association's Register action) so the platform associates group ${target.groupId} with ${wanted}.`,
      };
    }
    if (registered !== wanted) {
      return {
        status: 'failed',
        platform: 'not-registered',
        detail: `Not registered: the platform associates group ${target.groupId} with ${noun} ${registered}, not ${wanted}.`,
        remediation: `Register this association to replace ${registered} (a group has one ${noun}), or use another group.`,
      };
    }
    const status = await client.check(target.groupId, target.platformCloud);
    if (status.ready === 'Ready') return { status: 'passed', platform: 'ready', detail: 'Ready' };
    if (status.ready === 'NotReady') {
      return {
        status: 'failed',
        platform: 'not-ready',
        detail: `NotReady — ${status.reason}: ${status.message}`,
        remediation:
          'Liaison’s own steps read the configuration the platform uses; fix what they find and check again.',
      };
    }
    return {
      status: 'error',
      platform: 'error',
      detail: `The platform could not tell (UNKNOWN)${status.reason ? ` — ${status.reason}: ${status.message}` : ''}.`,
      error: { code: 'PLATFORM_UNKNOWN', message: status.message || 'UNKNOWN' },
      remediation: 'Check again in a minute.',
    };
  } catch (error) {
    if (!(error instanceof CoreError)) throw error;
    if (PLATFORM_SIGN_IN_CODES.includes(error.code)) {
      return {
        status: 'needs-sign-in',
        platform: 'needs-sign-in',
        detail: error.message,
        ...(error.remediation ? { remediation: error.remediation } : {}),
      };
    }
    return {
      status: 'error',
      platform: 'error',
      detail: error.message,
      error: { code: error.code, message: error.message },
      ...(error.remediation ? { remediation: error.remediation } : {}),
    };
  }
}
