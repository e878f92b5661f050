import type { TargetKind } from './target-kind';

/** A Google Cloud project: the target of a GCP association. */
export const GCP_PROJECT: TargetKind<'gcp'> = {
  cloud: 'gcp',
  label: 'GCP project',
  plural: 'GCP projects',
  noun: 'project',
  cloudName: 'GCP',
  choice: 'Google Cloud project',
  idField: 'projectId',
  cliOption: 'project',
  recordField: 'google',
  platformAccountType: 'GOOGLE',
  fleetModuleVersionOption: 'gcpModuleVersion',
  workspaceKey: (id) => `gcp-${id}`,
  // The platform needs the project number as well; a project id alone does not register.
  platformTarget: (values) =>
    values.projectId && values.projectNumber
      ? { cloud: 'gcp', projectId: values.projectId, projectNumber: values.projectNumber }
      : undefined,
  recordHalf: (target) => ({
    google: { projectId: target.projectId, ...(target.projectNumber ? { projectNumber: target.projectNumber } : {}) },
  }),
  recordTarget: (record) => record.google?.projectId || undefined,
  platformTargetId: (target) => target.projectId,
  chainctlFlags: (target) => ['--project-id', target.projectId, '--project-number', target.projectNumber ?? ''],
};
