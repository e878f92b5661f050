import type { FleetTarget } from '../contract/fleet';

/** What names a fleet item's target: its account or project id, and the name it was listed under. */
export interface FleetTargetIdentity {
  id: string;
  name: string;
}

/** Each target kind's id and name fields in a fleet item; a cloud missing here does not compile. */
const FLEET_TARGET_IDENTITIES: {
  readonly [C in FleetTarget['cloud']]: (target: Extract<FleetTarget, { cloud: C }>) => FleetTargetIdentity;
} = {
  aws: (target) => ({ id: target.accountId, name: target.accountName }),
  gcp: (target) => ({ id: target.projectId, name: target.projectName }),
};

/** A fleet item's target id and name, by its cloud's entry. */
export function fleetTargetIdentity(target: FleetTarget): FleetTargetIdentity {
  // The one widening cast: the entry is looked up by the target's own cloud.
  return (FLEET_TARGET_IDENTITIES[target.cloud] as (target: FleetTarget) => FleetTargetIdentity)(target);
}
