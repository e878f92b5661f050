import type { AccessPath } from '../../../../../shared/aws-access-path';
import type { FleetItemInput } from '../../../../../shared/contract/fleet';
import type { FleetCandidate, FleetCloud } from '../../../../../shared/fleet/fleet-selection';
import type { FleetCredentials } from './FleetCredentialsFields';

/** The dialogs a fleet's targets are added from. */
export type FleetSourceDialog = 'organization' | 'import' | 'gcp-folder';

/** What the fleet setup does differently per cloud: one record each, so a new cloud is a new entry. */
export interface FleetCloudSetup {
  /** The local credential is chosen (a profile, a gcloud configuration or ADC). */
  hasCredential(credentials: FleetCredentials): boolean;
  /** Everything needed to reach the targets is chosen and valid (`accessPath`: the parsed AWS way in). */
  ready(credentials: FleetCredentials, accessPath: AccessPath | undefined): boolean;
  /** A selected candidate as its fleet item's target, once the credentials allow it. */
  target(
    candidate: FleetCandidate,
    credentials: FleetCredentials,
    accessPath: AccessPath | undefined,
  ): FleetItemInput['target'] | undefined;
  /** Where targets are added from, and whether the source needs the credential first. */
  sources: readonly { dialog: FleetSourceDialog; label: string; needsCredential: boolean }[];
}

/** Each cloud's entry: a cloud missing here does not compile. */
export const FLEET_CLOUD_SETUP: { readonly [C in FleetCloud]: FleetCloudSetup } = {
  aws: {
    hasCredential: (credentials) => credentials.profile !== undefined,
    ready: (credentials, accessPath) => credentials.profile !== undefined && accessPath !== undefined,
    target: (candidate, { profile }, accessPath) =>
      profile && accessPath
        ? { cloud: 'aws', accountId: candidate.id, accountName: candidate.name, profile, accessPath }
        : undefined,
    sources: [
      { dialog: 'organization', label: 'Add from the organization…', needsCredential: true },
      { dialog: 'import', label: 'Add from accounts.json…', needsCredential: false },
    ],
  },
  gcp: {
    hasCredential: (credentials) => credentials.gcpCredential !== undefined,
    ready: (credentials) => credentials.gcpCredential !== undefined,
    target: (candidate, { gcpCredential }) =>
      gcpCredential
        ? {
            cloud: 'gcp',
            projectId: candidate.id,
            projectNumber: candidate.projectNumber ?? '',
            projectName: candidate.name,
            credential: gcpCredential,
          }
        : undefined,
    sources: [{ dialog: 'gcp-folder', label: 'Add from a GCP organization or folder…', needsCredential: true }],
  },
};
