import type { CheckVerdict } from '../../../shared/contract/checks';
import type { FleetItem } from '../../../shared/contract/fleet';
import type { TerraformRunsService } from '../terraform/terraform-runs-service';
import type { FleetRecord } from './fleet-repository';

/**
 * What a fleet item's pipeline asks of the rest of Liaison, one call per wizard step. The core wires
 * these to the same services the wizard uses (core-fleet-steps.ts); the fleet engine only sequences them.
 */
export interface FleetSteps {
  /** The group the item binds: an existing local group, or a new platform folder made a local group. */
  resolveGroup(fleet: FleetRecord, item: FleetItem): Promise<string>;
  /** Saves the association and writes its workspace, as the wizard's Review step does. */
  generate(
    fleet: FleetRecord,
    item: FleetItem,
    groupId: string,
  ): Promise<{ associationId: string; workspaceKey: string }>;
  /** Writes the association record on the platform. */
  register(fleet: FleetRecord, associationId: string): Promise<void>;
  /** Checks the association as the dashboard does; resolves to its verdict. */
  check(associationId: string): Promise<CheckVerdict>;
  /** The workspace's files as they are on disk (for the fleet's zip). */
  workspaceFiles(workspaceKey: string): { path: string; content: string }[];
}

/** The Terraform runs service calls the fleet makes: the same plan, apply and cancel paths the wizard uses. */
export type FleetTerraform = Pick<
  TerraformRunsService,
  | 'startTerraformPlan'
  | 'applyTerraformPlan'
  | 'cancelTerraformRun'
  | 'waitFor'
  | 'getTerraformRun'
  | 'listTerraformRuns'
>;
