/**
 * The association modules Liaison writes for, from the public modules' history (see docs/design.md,
 * "Facts about the platform side"). Every generated file pins one of these versions: the modules
 * renamed their inputs between them, so an unpinned file breaks when a new version ships.
 */
export type Cloud = 'aws' | 'gcp';

export const AWS_MODULE_SOURCE = 'chainguard-dev/chainguard-account-association/aws';
export const AWS_AUDITLOGS_SUBDIR = 'auditlogs';
export const AWS_AUDITLOGS_MODULE_SOURCE = `${AWS_MODULE_SOURCE}//${AWS_AUDITLOGS_SUBDIR}`;
export const GCP_MODULE_SOURCE = 'chainguard-dev/chainguard-account-association/google';

/** Newest first; the first entry is the default. */
export const AWS_MODULE_VERSIONS = ['0.1.0', '0.0.10'] as const;
export const GCP_MODULE_VERSIONS = ['0.0.12', '0.0.11'] as const;

export type AwsModuleVersion = (typeof AWS_MODULE_VERSIONS)[number];
export type GcpModuleVersion = (typeof GCP_MODULE_VERSIONS)[number];
export type ModuleVersion = AwsModuleVersion | GcpModuleVersion;

const MODULE_VERSIONS_BY_CLOUD: Readonly<Record<Cloud, readonly [ModuleVersion, ...ModuleVersion[]]>> = {
  aws: AWS_MODULE_VERSIONS,
  gcp: GCP_MODULE_VERSIONS,
};

export const DEFAULT_AWS_MODULE_VERSION: AwsModuleVersion = AWS_MODULE_VERSIONS[0];
export const DEFAULT_GCP_MODULE_VERSION: GcpModuleVersion = GCP_MODULE_VERSIONS[0];

export interface ModuleVersionInfo {
  readonly cloud: Cloud;
  readonly version: ModuleVersion;
  /** "legacy" is the interface the seed document's main.tf was written for. */
  readonly generation: 'current' | 'legacy';
  readonly label: string;
  readonly explanation: string;
  /** Only the legacy AWS module has the regional `//auditlogs` submodule. */
  readonly auditLogs: boolean;
  /** The legacy GCP module has no input for the platform environment. */
  readonly environmentInput: boolean;
}

export const MODULE_VERSIONS: Readonly<Record<ModuleVersion, ModuleVersionInfo>> = {
  '0.1.0': {
    cloud: 'aws',
    version: '0.1.0',
    generation: 'current',
    label: '0.1.0 (current)',
    explanation: 'Inputs group_ids, account and environment; creates the canary and catalog-syncer roles.',
    auditLogs: false,
    environmentInput: true,
  },
  '0.0.10': {
    cloud: 'aws',
    version: '0.0.10',
    generation: 'legacy',
    label: '0.0.10 (legacy: the interface of the original setup guide)',
    explanation:
      'Inputs enforce_group_ids and enforce_domain_name; adds the regional audit-log wiring (//auditlogs) per selected region.',
    auditLogs: true,
    environmentInput: true,
  },
  '0.0.12': {
    cloud: 'gcp',
    version: '0.0.12',
    generation: 'current',
    label: '0.0.12 (current)',
    explanation: 'Inputs group_ids, project_id and environment.',
    auditLogs: false,
    environmentInput: true,
  },
  '0.0.11': {
    cloud: 'gcp',
    version: '0.0.11',
    generation: 'legacy',
    label: '0.0.11 (legacy: the interface of the original setup guide)',
    explanation:
      'Inputs enforce_group_ids and google_project_id, with the google and google-beta providers; no environment input (enforce.dev only).',
    auditLogs: false,
    environmentInput: false,
  },
};

export function moduleVersionsFor(cloud: Cloud): readonly ModuleVersion[] {
  return MODULE_VERSIONS_BY_CLOUD[cloud];
}

/** The version a new association of the cloud gets: the current one. */
export function defaultModuleVersion(cloud: Cloud): ModuleVersion {
  return MODULE_VERSIONS_BY_CLOUD[cloud][0];
}

/**
 * What each module version creates in the cloud, from the public modules' sources (one `.tf` file per
 * component): the identities the platform impersonates and the permissions each gets. Checks verify
 * exactly these. `component` is the name the platform's tokens carry in `sub` (`<component>:<GROUP>`).
 */
export interface ModuleIdentity {
  readonly component: string;
  /** AWS: the role name. GCP: the service account id (the email's local part). */
  readonly name: string;
  /** AWS: managed policies attached to the role (`aws:` for AWS-managed, else created in the account). */
  readonly awsPolicies: readonly { readonly owner: 'aws' | 'account'; readonly name: string }[];
  /** GCP: project-level roles granted to the service account (`projects/<id>/roles/...` for custom ones). */
  readonly gcpProjectRoles: readonly string[];
}

function identity(
  component: string,
  permissions: { aws?: ModuleIdentity['awsPolicies']; gcp?: readonly string[] } = {},
): ModuleIdentity {
  return {
    component,
    name: `chainguard-${component}`,
    awsPolicies: permissions.aws ?? [],
    gcpProjectRoles: permissions.gcp ?? [],
  };
}

const ECR_READ = { owner: 'aws', name: 'AmazonEC2ContainerRegistryReadOnly' } as const;
const EKS_READ = { owner: 'account', name: 'chainguard-eks-read-policy' } as const;

/** The canary comes first: it has no permissions and exists so a check can prove impersonation works. */
export const MODULE_IDENTITIES: Readonly<Record<ModuleVersion, readonly ModuleIdentity[]>> = {
  '0.1.0': [
    identity('canary'),
    identity('catalog-syncer', { aws: [{ owner: 'aws', name: 'AmazonEC2ContainerRegistryPowerUser' }] }),
  ],
  '0.0.10': [
    identity('canary'),
    identity('agentless', { aws: [EKS_READ] }),
    identity('cosigned', { aws: [ECR_READ, { owner: 'aws', name: 'AWSKeyManagementServicePowerUser' }] }),
    identity('discovery', { aws: [EKS_READ] }),
    identity('enforce-signer', { aws: [{ owner: 'account', name: 'chainguard-signer-policy' }] }),
    identity('ingester', { aws: [ECR_READ] }),
  ],
  '0.0.12': [identity('canary'), identity('catalog-syncer', { gcp: ['roles/artifactregistry.writer'] })],
  '0.0.11': [
    identity('canary'),
    identity('agentless', { gcp: ['roles/container.admin'] }),
    identity('cosigned', {
      gcp: ['roles/storage.objectViewer', 'roles/cloudkms.publicKeyViewer', 'roles/cloudkms.viewer'],
    }),
    identity('discovery', { gcp: ['roles/container.clusterViewer', 'roles/run.viewer'] }),
    identity('enforce-signer'),
    identity('ingester', { gcp: ['roles/storage.objectViewer'] }),
  ],
};

/** The identity a live check impersonates. */
export const CANARY_COMPONENT = 'canary';
