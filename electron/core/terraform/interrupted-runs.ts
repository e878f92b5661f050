import type { TerraformRun } from '../../../shared/contract/terraform';
import { terraformErrorCodes } from './run-failure';
import type { RunEnd } from './run-repository';

/**
 * How a run found still "running" at start-up ends when it cannot be taken up again (an init, plan or
 * show step; a run whose files are gone): Liaison stopped mid-run. Terraform runs detached, writing to
 * files, so it can outlive a crashed Liaison; it is left to finish (stopping it now could be worse),
 * and releases its lock when it does. An apply is taken up again instead (TerraformRunsService).
 */
export function interruptedRunEnd(run: TerraformRun, pid: number | undefined, endedAt: string): RunEnd {
  const still =
    pid !== undefined && isAlive(pid)
      ? ` Its Terraform process (${pid}) is still running; Liaison left it to finish.`
      : '';
  return {
    status: 'interrupted',
    endedAt,
    exitCode: null,
    error: {
      code: terraformErrorCodes.interrupted,
      message: `Liaison stopped while this run was in its ${run.phase} step (the app quit, crashed or was killed). The state is as Terraform left it.${still}`,
      remediation:
        run.kind === 'apply'
          ? 'Plan again to see what was applied and what is left. If the plan reports a lock, force-unlock it once sure no other run is in progress.'
          : 'Plan again.',
    },
  };
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
