import type { TargetCloud } from '../targets/target-kind';
import { awsMainTf } from './aws-main-tf';
import { gcpMainTf } from './gcp-main-tf';
import type { HclBodyItem } from './hcl-syntax';
import { awsReadme, gcpReadme } from './workspace-readme';
import type { WorkspaceSpec } from './workspace-spec';

/** How one target kind's workspace is written: its main.tf and its README. */
export interface TerraformTarget<S extends WorkspaceSpec = WorkspaceSpec> {
  mainTf(spec: S): HclBodyItem[];
  readme(spec: S): string[];
}

const TERRAFORM_TARGETS: { readonly [C in TargetCloud]: TerraformTarget<Extract<WorkspaceSpec, { cloud: C }>> } = {
  aws: { mainTf: awsMainTf, readme: awsReadme },
  gcp: { mainTf: gcpMainTf, readme: gcpReadme },
};

/** The record for a cloud; the one widening cast: it is handed only specs of the cloud it was looked up by. */
export function terraformTarget(cloud: TargetCloud): TerraformTarget {
  return TERRAFORM_TARGETS[cloud] as TerraformTarget;
}
