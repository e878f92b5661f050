import type { fleetMethods } from '../../../shared/contract/fleet';
import { errorCodes } from '../../../shared/errors';
import type { ServiceFor } from '../contract-service';
import { CoreError } from '../core-error';

function pending(): never {
  throw new CoreError({ code: errorCodes.internal, message: 'Fleet runs are being built on branch fleetcore' });
}

/** Placeholder so the contract compiles while the engine lands (replaced in the next commits). */
export function pendingFleetService(): ServiceFor<typeof fleetMethods> {
  const names = [
    'createFleetRun',
    'listFleetRuns',
    'getFleetRun',
    'deleteFleetRun',
    'planFleet',
    'approveFleetPlans',
    'reorderFleet',
    'applyFleet',
    'retryFleetItems',
    'cancelFleet',
    'pauseFleet',
    'resumeFleet',
    'setFleetConcurrency',
    'checkFleet',
    'exportFleetZip',
    'exportFleetReport',
  ] as const;
  return Object.fromEntries(names.map((name) => [name, pending])) as unknown as ServiceFor<typeof fleetMethods>;
}
