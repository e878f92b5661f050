import { backendBlock, backendRequiredVersion } from './backend';
import { attr, blank, block, comments, object, str, type HclBodyItem } from './hcl-syntax';
import { hclHeader } from './liaison-header';
import type { WorkspaceSpec } from './workspace-spec';

/** Module sources use `version` constraints, which need Terraform 0.13; `nullable`/`optional` need 1.3. */
export const REQUIRED_TERRAFORM_VERSION = '>= 1.3.0';

/**
 * Provider majors the association modules are known to work with. Upper bounds keep a future major
 * (which may remove what the modules use) from arriving unannounced through `init -upgrade`.
 */
export const PROVIDER_REQUIREMENTS = {
  aws: [{ name: 'aws', source: 'hashicorp/aws', version: '>= 4.0, < 7.0' }],
  gcp: [
    { name: 'google', source: 'hashicorp/google', version: '>= 4.0, < 7.0' },
    { name: 'google-beta', source: 'hashicorp/google-beta', version: '>= 4.0, < 7.0' },
  ],
} as const;

export function versionsTf(spec: WorkspaceSpec): HclBodyItem[] {
  const target = spec.cloud === 'aws' ? `AWS account ${spec.accountId}` : `GCP project ${spec.projectId}`;
  const backend = backendBlock(spec.backend);
  return [
    ...hclHeader(target),
    blank,
    ...comments('The Terraform and provider versions this workspace was generated for.'),
    block(
      'terraform',
      [],
      [
        // A backend's own minimum (S3's lock file needs 1.10) is above the modules' 1.3.
        attr('required_version', str(backendRequiredVersion(spec.backend) ?? REQUIRED_TERRAFORM_VERSION)),
        blank,
        ...(backend ? [backend, blank] : []),
        block(
          'required_providers',
          [],
          PROVIDER_REQUIREMENTS[spec.cloud].map((provider) =>
            attr(provider.name, object([attr('source', str(provider.source)), attr('version', str(provider.version))])),
          ),
        ),
      ],
    ),
  ];
}
