import {
  associationInputSchema,
  type AssociationInput,
  type AssociationValues,
} from '../../../../shared/contract/associations';
import { defaultModuleVersion, MODULE_VERSIONS, type ModuleVersion } from '../../../../shared/terraform/module-catalog';
import type { TargetCloud } from '../../../../shared/targets/target-kind';
import { DEFAULT_TARGET_CLOUD } from '../../../../shared/targets/target-kinds';
import type { BackendConfig } from '../../../../shared/terraform/backend';
import type { ModuleSourceInput } from '../../../../shared/terraform/module-source';
import {
  AWS_PARTITIONS,
  ORGANIZATION_ACCESS_ROLE,
  type AccessPathInput,
  type AwsPartition,
} from '../../../../shared/aws-access-path';
import { DEFAULT_ENVIRONMENT } from '../../../../shared/terraform/platform-environment';
import type { FieldErrors } from '../../forms/field-errors';

export const WIZARD_FIELDS = [
  'groupId',
  'cloud',
  'profile',
  'accountId',
  'accessPath.kind',
  'accessPath.roleName',
  'accessPath.externalId',
  'accessPath.sessionName',
  'accessPath.durationSeconds',
  'accessPath.partition',
  'credential',
  'projectId',
  'projectNumber',
  'moduleVersion',
  'environment',
  'auditLogRegions',
  'backend.type',
  'backend.bucket',
  'backend.key',
  'backend.region',
  'backend.prefix',
  'moduleSource.type',
  'moduleSource.host',
  'moduleSource.namespace',
  'moduleSource.path',
] as const;
export type WizardField = (typeof WIZARD_FIELDS)[number];

export const STEP_TITLES = ['Group', 'Cloud and credentials', 'Options', 'Review and export'] as const;
/**
 * The stepper's steps: Register (on the platform) and Apply follow once the files are saved (never a
 * draft's step). Register comes first because the platform's check needs the record, and an operator
 * without a connection learns there what is left to do by hand.
 */
export const WIZARD_STEP_TITLES = [...STEP_TITLES, 'Register', 'Apply', 'Check'] as const;
export const REGISTER_STEP = STEP_TITLES.length;
export const APPLY_STEP = REGISTER_STEP + 1;
/** The last step: prove the association works (check-aws / check-gcp). */
export const CHECK_STEP = APPLY_STEP + 1;

/** Which fields each step owns, so Next checks only what is on screen. */
export const STEP_FIELDS: readonly (readonly WizardField[])[] = [
  ['groupId'],
  [
    'cloud',
    'profile',
    'accountId',
    'accessPath.kind',
    'accessPath.roleName',
    'accessPath.externalId',
    'accessPath.sessionName',
    'accessPath.durationSeconds',
    'accessPath.partition',
    'credential',
    'projectId',
    'projectNumber',
  ],
  [
    'moduleVersion',
    'environment',
    'auditLogRegions',
    'backend.type',
    'backend.bucket',
    'backend.key',
    'backend.region',
    'backend.prefix',
    'moduleSource.type',
    'moduleSource.host',
    'moduleSource.namespace',
    'moduleSource.path',
  ],
  [],
];

export const emptyValues: AssociationValues = { environment: DEFAULT_ENVIRONMENT };

/** The default module version for a cloud, kept when it already fits. */
export function moduleVersionFor(cloud: TargetCloud, current: string | undefined): ModuleVersion {
  const info = current === undefined ? undefined : MODULE_VERSIONS[current as ModuleVersion];
  if (info?.cloud === cloud) return info.version;
  return defaultModuleVersion(cloud);
}

/** The contract input for the wizard's values: exactly what previewing and saving send. */
export function associationInput(values: AssociationValues, id: string | undefined): AssociationInput {
  const common = {
    ...(id === undefined ? {} : { id }),
    groupId: values.groupId ?? '',
    environment: values.environment ?? '',
    backend: backendInput(values.backend),
    moduleSource: moduleSourceInput(values.moduleSource),
  };
  return (WIZARD_TARGETS[values.cloud ?? DEFAULT_TARGET_CLOUD] as WizardTarget).input(values, common);
}

/** The fields every target kind's input has. */
type CommonInput = Pick<AssociationInput, 'id' | 'groupId' | 'environment' | 'backend' | 'moduleSource'>;

/** What the wizard sends and requires per target kind. */
interface WizardTarget<C extends TargetCloud = TargetCloud> {
  input(values: AssociationValues, common: CommonInput): Extract<AssociationInput, { cloud: C }>;
  /** Choices the schema cannot ask for (it has a default), by field. */
  unchosen(values: AssociationValues): Partial<Record<WizardField, string>>;
}

const WIZARD_TARGETS: { readonly [C in TargetCloud]: WizardTarget<C> } = {
  aws: {
    input: (values, common) => {
      const moduleVersion = moduleVersionFor('aws', values.moduleVersion) as '0.1.0';
      return {
        cloud: 'aws',
        ...common,
        accountId: values.accountId ?? '',
        profile: values.profile ?? '',
        accessPath: accessPathInput(values.accessPath),
        moduleVersion,
        // Regions only mean something for the module version that has audit-log wiring.
        auditLogRegions: MODULE_VERSIONS[moduleVersion].auditLogs ? (values.auditLogRegions ?? []) : [],
        ...(values.adoptOidcProviderArn ? { adoptOidcProviderArn: values.adoptOidcProviderArn } : {}),
      };
    },
    unchosen: () => ({}),
  },
  gcp: {
    input: (values, common) => ({
      cloud: 'gcp',
      ...common,
      projectId: values.projectId ?? '',
      projectNumber: values.projectNumber ?? '',
      credential: values.credential ?? { kind: 'adc' },
      moduleVersion: moduleVersionFor('gcp', values.moduleVersion) as '0.0.12',
    }),
    unchosen: (values) => (values.credential === undefined ? { credential: 'Choose the credentials to use' } : {}),
  },
};

/** The access path as the contract takes it: empty optional fields left for the defaults. */
function accessPathInput(path: AssociationValues['accessPath']): AccessPathInput {
  if (path?.kind !== 'assume-role') return { kind: 'profile' };
  return {
    kind: 'assume-role',
    roleName: path.roleName ?? ORGANIZATION_ACCESS_ROLE,
    ...(path.externalId ? { externalId: path.externalId } : {}),
    ...(path.sessionName ? { sessionName: path.sessionName } : {}),
    ...(path.durationSeconds === undefined ? {} : { durationSeconds: path.durationSeconds }),
    // Only a partition other than the default is kept, so existing associations stay as they were.
    ...(isPartition(path.partition) && path.partition !== 'aws' ? { partition: path.partition } : {}),
  };
}

function isPartition(value: string | undefined): value is AwsPartition {
  return AWS_PARTITIONS.some((partition) => partition === value);
}

/** The backend as the contract takes it: only the chosen type's fields, empty optional ones left out. */
function backendInput(backend: AssociationValues['backend']): BackendConfig {
  if (backend?.type === 's3') {
    return { type: 's3', bucket: backend.bucket ?? '', key: backend.key ?? '', region: backend.region ?? '' };
  }
  if (backend?.type === 'gcs') {
    return { type: 'gcs', bucket: backend.bucket ?? '', ...(backend.prefix ? { prefix: backend.prefix } : {}) };
  }
  return { type: 'local' };
}

/** The module source as the contract takes it: only the chosen type's fields. */
function moduleSourceInput(source: AssociationValues['moduleSource']): ModuleSourceInput {
  if (source?.type === 'private-registry') {
    return {
      type: 'private-registry',
      host: source.host ?? '',
      ...(source.namespace ? { namespace: source.namespace } : {}),
    };
  }
  if (source?.type === 'local') return { type: 'local', path: source.path ?? '' };
  return { type: 'registry' };
}

/** Field problems by the same schema the main process applies, limited to `fields`. */
export function wizardErrors(values: AssociationValues, fields: readonly WizardField[]): FieldErrors<WizardField> {
  const errors: FieldErrors<WizardField> = {};
  if (fields.includes('cloud') && values.cloud === undefined) errors.cloud = 'Choose AWS or Google Cloud';
  if (values.cloud !== undefined) {
    const unchosen = (WIZARD_TARGETS[values.cloud] as WizardTarget).unchosen(values);
    for (const field of fields) if (unchosen[field] !== undefined) errors[field] = unchosen[field];
  }
  const parsed = associationInputSchema.safeParse(associationInput(values, undefined));
  if (parsed.success) return errors;
  for (const issue of parsed.error.issues) {
    // Backend, module-source and access-path problems belong to their own fields (backend.bucket,
    // moduleSource.host, accessPath.externalId …), not to the whole block.
    const blockField: Record<string, string> = { backend: 'type', moduleSource: 'type', accessPath: 'kind' };
    const block = typeof issue.path[0] === 'string' ? blockField[issue.path[0]] : undefined;
    const field = block ? `${String(issue.path[0])}.${String(issue.path[1] ?? block)}` : issue.path[0];
    if (typeof field !== 'string' || !(fields as readonly string[]).includes(field)) continue;
    const name = field as WizardField;
    errors[name] ??= issue.message;
  }
  return errors;
}
