import { gcpCredentialRefSchema, type GcpCredentialRef } from '../../../shared/contract/gcp';
import { AssociationRepository } from '../associations/association-repository';
import { CoreError } from '../core-error';
import type { Store } from '../store/database';
import { terraformErrorCodes } from './run-failure';
import type { TerraformCredentials, TerraformCredentialSource } from './terraform-child-env';

/** What the AWS module gives: a profile resolved in the app (MFA, SSO, role chains), keys in memory. */
export interface AwsKeysResolver {
  resolve(
    profile: string,
    options: { interactive: boolean },
  ): Promise<{ accessKeyId: string; secretAccessKey: string; sessionToken?: string; region: string }>;
}

/** What the GCP module gives: an access token for a gcloud configuration or ADC. */
export interface GcpTokenResolver {
  accessToken(ref: GcpCredentialRef): Promise<string>;
}

/**
 * A workspace's credentials come from its associations: the AWS profile or GCP credential the
 * operator chose in the wizard. Associations sharing a workspace may name different ones; the most
 * recently saved association's choice wins, as it is the operator's latest word.
 */
export class AssociationCredentialSource implements TerraformCredentialSource {
  readonly #associations: AssociationRepository;

  constructor(
    store: Store,
    private readonly aws: AwsKeysResolver,
    private readonly gcp: GcpTokenResolver,
  ) {
    this.#associations = new AssociationRepository(store);
  }

  async credentialsFor(workspaceKey: string, context = { interactive: false }): Promise<TerraformCredentials> {
    const latest = this.#associations
      .listGenerated(workspaceKey)
      .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))[0];
    if (!latest) throw noAssociation(workspaceKey);
    const values = latest.values;
    if (values.cloud === 'aws' && values.profile) {
      const keys = await this.aws.resolve(values.profile, context);
      return {
        kind: 'aws',
        accessKeyId: keys.accessKeyId,
        secretAccessKey: keys.secretAccessKey,
        ...(keys.sessionToken ? { sessionToken: keys.sessionToken } : {}),
        region: keys.region,
      };
    }
    const ref = gcpCredentialRefSchema.safeParse(values.credential);
    if (values.cloud === 'gcp' && ref.success) {
      return { kind: 'gcp', accessToken: await this.gcp.accessToken(ref.data) };
    }
    throw noAssociation(workspaceKey);
  }
}

function noAssociation(workspaceKey: string): CoreError {
  return new CoreError({
    code: terraformErrorCodes.credentials,
    message: `No saved association in ${workspaceKey} names the credentials Terraform should use.`,
    remediation: 'Save an association for this account or project in the wizard, choosing its profile or credentials.',
  });
}
