import { describe, expect, it } from 'vitest';
import { adoptedArnProblem, oidcProviderArn } from './adopt-oidc-provider';
import { generateWorkspace } from './generate-workspace';
import { parseHcl } from '../../test-support/terraform-files/parse-hcl';
import type { WorkspaceSpecInput } from './workspace-spec';

const GROUP = { id: '3f2a9c1be0d4475a8e6b1f0c2d3e4a5b6c7d8e9f', name: 'Platform team' };
const ARN = 'arn:aws:iam::123456789012:oidc-provider/issuer.enforce.dev';

function spec(overrides: Partial<Extract<WorkspaceSpecInput, { cloud: 'aws' }>>): WorkspaceSpecInput {
  return {
    cloud: 'aws',
    accountId: '123456789012',
    moduleVersion: '0.1.0',
    environment: 'enforce.dev',
    groups: [GROUP],
    ...overrides,
  };
}

function file(input: WorkspaceSpecInput, path: string): string {
  const result = generateWorkspace(input);
  if (!result.ok) throw new Error(`refused: ${result.error.field ?? ''} ${result.error.message}`);
  return result.files.find((each) => each.path === path)?.content ?? '';
}

describe('adopting an existing OIDC provider', () => {
  it.each(['0.1.0', '0.0.10'] as const)(
    'module %s: one import block into the module’s chainguard_idp, with the ARN',
    async (moduleVersion) => {
      const main = file(spec({ moduleVersion, adoptOidcProviderArn: ARN }), 'main.tf');
      const parsed = (await parseHcl(main)) as { import?: { to: string; id: string }[] };
      expect(parsed.import).toEqual([
        { to: '${module.aws-impersonation.aws_iam_openid_connect_provider.chainguard_idp}', id: ARN },
      ]);
    },
  );

  it('asks for Terraform 1.5 (import blocks) unless the backend asks for more', () => {
    expect(file(spec({ adoptOidcProviderArn: ARN }), 'versions.tf')).toContain('required_version = ">= 1.5.0"');
    expect(file(spec({}), 'versions.tf')).toContain('required_version = ">= 1.3.0"');
    const s3 = {
      type: 's3' as const,
      bucket: 'state-bucket',
      key: 'liaison/aws-123456789012.tfstate',
      region: 'us-east-1',
    };
    expect(file(spec({ adoptOidcProviderArn: ARN, backend: s3 }), 'versions.tf')).toContain(
      'required_version = ">= 1.10.0"',
    );
  });

  it('writes no import without groups (the module and its provider are gone) or without adoption', async () => {
    expect(await parseHcl(file(spec({ groups: [], adoptOidcProviderArn: ARN }), 'main.tf'))).not.toHaveProperty(
      'import',
    );
    expect(await parseHcl(file(spec({}), 'main.tf'))).not.toHaveProperty('import');
  });

  it('refuses a provider of another account or another issuer, naming the field', () => {
    for (const arn of [
      'arn:aws:iam::999999999999:oidc-provider/issuer.enforce.dev',
      'arn:aws:iam::123456789012:oidc-provider/issuer.other.dev',
      'arn:aws:iam::123456789012:role/chainguard-canary',
    ]) {
      const result = generateWorkspace(spec({ adoptOidcProviderArn: arn }));
      expect(result.ok, arn).toBe(false);
      if (!result.ok) expect(result.error.field).toBe('adoptOidcProviderArn');
    }
  });

  it('knows the ARN the issuer’s provider has, in any partition', () => {
    expect(oidcProviderArn('123456789012', 'enforce.dev')).toBe(ARN);
    const govArn = oidcProviderArn('123456789012', 'enforce.dev', 'aws-us-gov');
    expect(govArn).toBe('arn:aws-us-gov:iam::123456789012:oidc-provider/issuer.enforce.dev');
    expect(adoptedArnProblem(govArn, '123456789012', 'enforce.dev')).toBeUndefined();
  });
});
