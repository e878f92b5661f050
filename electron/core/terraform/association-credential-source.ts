import { accessPathSchema, DEFAULT_SESSION_SECONDS } from '../../../shared/aws-access-path';
import type { AssociationValues } from '../../../shared/contract/associations';
import { gcpCredentialRefSchema, type GcpCredentialRef } from '../../../shared/contract/gcp';
import type { TargetCloud } from '../../../shared/targets/target-kind';
import { AssociationRepository } from '../associations/association-repository';
import { CoreError } from '../core-error';
import type { Store } from '../store/database';
import { terraformErrorCodes } from './run-failure';
import { RunRepository } from './run-repository';
import type { TerraformCredentials, TerraformCredentialSource } from './terraform-child-env';
import type { MemberAccessTarget } from '../aws/access-path/preflight-member-access';

/** What the AWS module gives: a profile resolved in the app (MFA, SSO, role chains), keys in memory. */
export interface AwsKeysResolver {
  resolve(
    profile: string,
    options: { interactive: boolean },
  ): Promise<{ accessKeyId: string; secretAccessKey: string; sessionToken?: string; region: string }>;
}

/** Proves, before Terraform runs, that the source keys may assume the member role (see preflight-member-access). */
export type MemberAccessPreflight = (
  keys: { accessKeyId: string; secretAccessKey: string; sessionToken?: string; region: string },
  target: MemberAccessTarget,
) => Promise<unknown>;

/** What the GCP module gives: an access token for a gcloud configuration or ADC. */
export interface GcpTokenResolver {
  accessToken(ref: GcpCredentialRef): Promise<string>;
}

/**
 * A workspace's credentials come from its associations: the AWS profile or GCP credential the
 * operator chose in the wizard. Associations sharing a workspace may name different ones; the most
 * recently saved association's choice wins, as it is the operator's latest word.
 *
 * Each choice used is remembered per workspace (only the profile name or credential reference, never a
 * secret), so once the last group is removed a destroy run still runs with the same credentials.
 */
export class AssociationCredentialSource implements TerraformCredentialSource {
  readonly #associations: AssociationRepository;
  readonly #settings: RunRepository;

  constructor(
    store: Store,
    private readonly aws: AwsKeysResolver,
    private readonly gcp: GcpTokenResolver,
    /** Absent: no preflight (Terraform's own assume_role still refuses, later and less clearly). */
    private readonly preflight?: MemberAccessPreflight,
  ) {
    this.#associations = new AssociationRepository(store);
    this.#settings = new RunRepository(store);
  }

  async credentialsFor(workspaceKey: string, context = { interactive: false }): Promise<TerraformCredentials> {
    const latest = this.#associations
      .listGenerated(workspaceKey)
      .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))[0];
    const values = latest ? remembered(latest.values) : this.#remembered(workspaceKey);
    if (!values) throw noAssociation(workspaceKey);
    if (latest) this.#settings.setSetting(choiceSetting(workspaceKey), JSON.stringify(values));
    const credentials = values.cloud === undefined ? undefined : await this.#resolvers[values.cloud](values, context);
    if (!credentials) throw noAssociation(workspaceKey);
    return credentials;
  }

  /** How each target kind's chosen credentials become Terraform's. */
  readonly #resolvers: Record<TargetCloud, CredentialResolver> = {
    aws: async (values, context) => {
      if (!values.profile) return undefined;
      const keys = await this.aws.resolve(values.profile, context);
      // Through a role: Terraform gets the source's keys and assumes the role itself (the provider's
      // assume_role), after Liaison has proved that it can.
      const path = accessPathSchema.safeParse(values.accessPath ?? { kind: 'profile' });
      if (this.preflight && path.success && path.data.kind === 'assume-role' && values.accountId) {
        await this.preflight(keys, {
          profile: values.profile,
          accountId: values.accountId,
          roleName: path.data.roleName,
          externalId: path.data.externalId,
          sessionName: path.data.sessionName ?? 'liaison-preflight',
          durationSeconds: path.data.durationSeconds ?? DEFAULT_SESSION_SECONDS,
          partition: path.data.partition,
        });
      }
      return {
        kind: 'aws',
        accessKeyId: keys.accessKeyId,
        secretAccessKey: keys.secretAccessKey,
        ...(keys.sessionToken ? { sessionToken: keys.sessionToken } : {}),
        region: keys.region,
      };
    },
    gcp: async (values) => {
      const ref = gcpCredentialRefSchema.safeParse(values.credential);
      return ref.success ? { kind: 'gcp', accessToken: await this.gcp.accessToken(ref.data) } : undefined;
    },
  };

  #remembered(workspaceKey: string): Remembered | undefined {
    const stored = this.#settings.getSetting(choiceSetting(workspaceKey));
    return stored === undefined ? undefined : remembered(JSON.parse(stored) as Partial<AssociationValues>);
  }
}

/** A target kind's credentials from the remembered choice, or undefined when it names none. */
type CredentialResolver = (
  values: Remembered,
  context: { interactive: boolean },
) => Promise<TerraformCredentials | undefined>;

type Remembered = Pick<Partial<AssociationValues>, 'cloud' | 'profile' | 'credential' | 'accountId' | 'accessPath'>;

function remembered(values: Partial<AssociationValues>): Remembered {
  return {
    cloud: values.cloud,
    profile: values.profile,
    credential: values.credential,
    accountId: values.accountId,
    accessPath: values.accessPath,
  };
}

const choiceSetting = (workspaceKey: string): string => `credentials:${workspaceKey}`;

function noAssociation(workspaceKey: string): CoreError {
  return new CoreError({
    code: terraformErrorCodes.credentials,
    message: `No saved association in ${workspaceKey} names the credentials Terraform should use.`,
    remediation: 'Save an association for this account or project in the wizard, choosing its profile or credentials.',
  });
}
