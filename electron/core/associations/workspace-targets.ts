import type { TargetCloud } from '../../../shared/targets/target-kind';
import { AWS_ACCOUNT_WORKSPACE } from './aws-account-workspace';
import { GCP_PROJECT_WORKSPACE } from './gcp-project-workspace';
import type { WorkspaceTarget } from './workspace-target';

/** One workspace record per target kind; a cloud without one does not compile. */
const WORKSPACE_TARGETS: { readonly [C in TargetCloud]: WorkspaceTarget<C> } = {
  aws: AWS_ACCOUNT_WORKSPACE,
  gcp: GCP_PROJECT_WORKSPACE,
};

/**
 * The record for a cloud. The one widening cast: TypeScript cannot tie the record to the values
 * later passed to it, and callers pass only values of the cloud they looked it up by.
 */
export function workspaceTarget(cloud: TargetCloud): WorkspaceTarget {
  return WORKSPACE_TARGETS[cloud] as WorkspaceTarget;
}
