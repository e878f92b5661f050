import type { WorkspaceTarget } from './workspace-target';

/** A GCP project's workspace: the module for the project, named by id and number. */
export const GCP_PROJECT_WORKSPACE: WorkspaceTarget<'gcp'> = {
  settingsOf: (input) => ({
    cloud: 'gcp',
    projectId: input.projectId,
    projectNumber: input.projectNumber,
    moduleVersion: input.moduleVersion,
    environment: input.environment,
    backend: input.backend,
    moduleSource: input.moduleSource,
  }),
  settingsFromValues: (values, common) =>
    values.projectId && values.projectNumber
      ? { cloud: 'gcp', projectId: values.projectId, projectNumber: values.projectNumber, ...common }
      : undefined,
  specOf: (settings, groups) => ({ ...settings, moduleVersion: settings.moduleVersion as '0.0.12', groups }),
  sharedValues: (settings) => ({
    moduleVersion: settings.moduleVersion,
    environment: settings.environment,
    projectNumber: settings.projectNumber,
    backend: settings.backend,
    moduleSource: settings.moduleSource,
  }),
};
