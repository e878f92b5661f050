import { describeTarget } from '../targets/target-kinds';
import { IMPORT_REQUIRED_TERRAFORM_VERSION } from './adopt-oidc-provider';
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
  const target = describeTarget(spec);
  const backend = backendBlock(spec.backend);
  return [
    ...hclHeader(target),
    blank,
    ...comments('The Terraform and provider versions this workspace was generated for.'),
    block(
      'terraform',
      [],
      [
        attr('required_version', str(requiredVersion(spec))),
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

/** The highest minimum of what the files use: a backend's own (S3's lock file needs 1.10), import blocks' 1.5. */
function requiredVersion(spec: WorkspaceSpec): string {
  const backend = backendRequiredVersion(spec.backend);
  if (backend) return backend;
  if ('adoptOidcProviderArn' in spec && spec.adoptOidcProviderArn !== undefined)
    return IMPORT_REQUIRED_TERRAFORM_VERSION;
  return REQUIRED_TERRAFORM_VERSION;
}
