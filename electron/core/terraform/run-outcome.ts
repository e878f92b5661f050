import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { RunPhase } from '../../../shared/contract/terraform';
import { describeRunFailure, terraformErrorCodes } from './run-failure';
import type { RunEnd } from './run-repository';
import type { StopEscalation } from './terraform-process';
import type { StepResult } from './terraform-step';

/** Where the local backend records who holds the lock; Terraform removes it when it unlocks. */
export const LOCAL_LOCK_INFO_FILE = '.terraform.tfstate.lock.info';

export function stepSucceeded(step: StepResult): boolean {
  return step.exitCode === 0 && step.signal === null && step.spawnError === undefined;
}

/** How a run ends when one of its steps did not succeed (or it was cancelled). */
export function failedStepOutcome(options: {
  phase: RunPhase;
  step: StepResult;
  binary: string;
  cancelled: StopEscalation | undefined;
  workspaceDir: string;
  endedAt: string;
}): RunEnd {
  const { step, phase, endedAt } = options;
  const base = { endedAt, exitCode: step.exitCode };
  if (step.spawnError !== undefined) {
    return {
      ...base,
      status: 'failed',
      error: {
        code: terraformErrorCodes.unusable,
        message: `Liaison could not start ${options.binary}: ${step.spawnError}`,
        remediation: 'Check the Terraform binary in Settings.',
      },
    };
  }
  if (options.cancelled !== undefined) return cancelledOutcome(base, phase, options.cancelled, options.workspaceDir);
  if (step.signal !== null) {
    return {
      ...base,
      status: 'interrupted',
      error: {
        code: terraformErrorCodes.interrupted,
        message: `terraform ${phase} was stopped by ${step.signal}, not by Liaison. The state is as Terraform left it.`,
        remediation:
          'Plan again to see what was applied. If the next run reports a lock, the stopped process held it: force-unlock it after making sure nothing else is running.',
      },
    };
  }
  const failure = describeRunFailure({
    phase,
    exitCode: step.exitCode,
    signal: step.signal,
    diagnostics: step.diagnostics,
    rawLines: step.rawLines,
  });
  return { ...base, status: 'failed', error: failure.error, lock: failure.lock };
}

function cancelledOutcome(
  base: Pick<RunEnd, 'endedAt' | 'exitCode'>,
  phase: RunPhase,
  escalation: StopEscalation,
  workspaceDir: string,
): RunEnd {
  const lockLeft = existsSync(join(workspaceDir, LOCAL_LOCK_INFO_FILE));
  const how =
    escalation === 'SIGINT' || escalation === 'none'
      ? 'Terraform stopped after the interrupt'
      : `Terraform did not stop after the interrupt, so Liaison sent ${escalation}`;
  const lock = lockLeft
    ? 'It left its lock information behind: a local lock is released with the process, but a lock in S3 or GCS may remain and need a force-unlock.'
    : 'The state lock was released.';
  return {
    ...base,
    status: 'cancelled',
    error: {
      code: terraformErrorCodes.cancelled,
      message: `Cancelled during ${phase}. ${how}. ${lock}`,
      remediation:
        phase === 'apply'
          ? 'Some changes may have been applied before the interrupt; the state records exactly which. Plan again to see what is left.'
          : 'Nothing was changed. Plan again when ready.',
    },
  };
}
