import { describe, expect, it } from 'vitest';
import { generateWorkspace, type GeneratedFile } from './generate-workspace';
import { hasLiaisonHeader } from './liaison-header';
import { goldenCases } from '../../test-support/terraform-files/golden-cases';
import { parseHcl } from '../../test-support/terraform-files/parse-hcl';
import type { WorkspaceSpecInput } from './workspace-spec';

function filesOf(spec: WorkspaceSpecInput): GeneratedFile[] {
  const result = generateWorkspace(spec);
  if (!result.ok) throw new Error(`generation refused: ${result.error.field ?? ''} ${result.error.message}`);
  return result.files;
}

function fileText(spec: WorkspaceSpecInput, path: GeneratedFile['path']): string {
  const file = filesOf(spec).find((each) => each.path === path);
  if (!file) throw new Error(`no ${path}`);
  return file.content;
}

function refusal(spec: unknown): { field: string | undefined; message: string } {
  const result = generateWorkspace(spec);
  if (result.ok) throw new Error('expected generation to refuse');
  return { field: result.error.field, message: result.error.message };
}

const sortedIds = (spec: WorkspaceSpecInput) => spec.groups.map((group) => group.id).sort();

describe('generated main.tf structure (parsed back with the HCL parser)', () => {
  it.each(Object.entries(goldenCases).filter(([, spec]) => spec.cloud === 'aws'))('%s', async (_name, spec) => {
    if (spec.cloud !== 'aws') return;
    const parsed = (await parseHcl(fileText(spec, 'main.tf'))) as {
      provider: { aws: Record<string, unknown>[] };
      module?: Record<string, Record<string, unknown>[]>;
    };
    const regions = [...(spec.auditLogRegions ?? [])].sort();
    const role = spec.assumeRole;
    // Every provider, the regional ones too, assumes the member account's role when there is one.
    const assumeRole = role
      ? {
          assume_role: [
            {
              role_arn: `arn:${role.partition ?? 'aws'}:iam::${spec.accountId}:role/${role.roleName}`,
              session_name: role.sessionName,
              ...(role.externalId === undefined ? {} : { external_id: role.externalId }),
              ...(role.durationSeconds === undefined ? {} : { duration: `${role.durationSeconds}s` }),
            },
          ],
        }
      : {};
    expect(parsed.provider.aws).toEqual([
      { allowed_account_ids: [spec.accountId], ...assumeRole },
      ...regions.map((region) => ({
        alias: region.replaceAll('-', '_'),
        region,
        allowed_account_ids: [spec.accountId],
        ...assumeRole,
      })),
    ]);
    if (spec.groups.length === 0) {
      expect(parsed.module).toBeUndefined();
      return;
    }
    const source = 'chainguard-dev/chainguard-account-association/aws';
    const expectedModules: Record<string, unknown[]> = {
      'aws-impersonation': [
        spec.moduleVersion === '0.0.10'
          ? { source, version: '0.0.10', enforce_group_ids: sortedIds(spec), enforce_domain_name: spec.environment }
          : {
              source,
              version: '0.1.0',
              group_ids: sortedIds(spec),
              account: spec.accountId,
              environment: spec.environment,
            },
      ],
    };
    for (const region of regions) {
      expectedModules[`aws-auditlogs-${region}`] = [
        {
          source: `${source}//auditlogs`,
          version: '0.0.10',
          providers: { aws: `\${aws.${region.replaceAll('-', '_')}}` },
        },
      ];
    }
    expect(parsed.module).toEqual(expectedModules);
  });

  it.each(Object.entries(goldenCases).filter(([, spec]) => spec.cloud === 'gcp'))('%s', async (_name, spec) => {
    if (spec.cloud !== 'gcp') return;
    const parsed = await parseHcl(fileText(spec, 'main.tf'));
    const source = 'chainguard-dev/chainguard-account-association/google';
    expect(parsed).toEqual({
      provider: { google: [{ project: spec.projectId }], 'google-beta': [{ project: spec.projectId }] },
      module: {
        'gcp-impersonation': [
          spec.moduleVersion === '0.0.11'
            ? { source, version: '0.0.11', enforce_group_ids: sortedIds(spec), google_project_id: spec.projectId }
            : {
                source,
                version: '0.0.12',
                group_ids: sortedIds(spec),
                project_id: spec.projectId,
                environment: spec.environment,
              },
        ],
      },
    });
  });

  it('writes versions.tf with required_version and every provider the workspace uses', async () => {
    const gcp = goldenCases['gcp-0.0.11-single']!;
    const parsed = (await parseHcl(fileText(gcp, 'versions.tf'))) as {
      terraform: { required_version: string; required_providers: Record<string, { source: string }>[] }[];
    };
    const terraform = parsed.terraform[0]!;
    expect(terraform.required_version).toMatch(/^>= 1\.\d+\.\d+$/);
    const providers = terraform.required_providers[0]!;
    expect(Object.keys(providers).sort()).toEqual(['google', 'google-beta']);
    expect(providers.google!.source).toBe('hashicorp/google');
  });
});

describe('generateWorkspace', () => {
  it('gives the same bytes for the same groups in any order', () => {
    const spec = goldenCases['aws-0.1.0-multiple']!;
    const reversed = { ...spec, groups: [...spec.groups].reverse() };
    expect(filesOf(reversed)).toEqual(filesOf(spec));
  });

  it('marks every file with the Liaison header', () => {
    for (const spec of Object.values(goldenCases)) {
      for (const file of filesOf(spec)) expect(hasLiaisonHeader(file.content), file.path).toBe(true);
    }
  });

  it('keeps group names in comments only, on one line each', () => {
    const main = fileText(goldenCases['aws-0.1.0-multiple']!, 'main.tf');
    expect(main).toContain(
      '# - 3f2a9c1be0d4475a8e6b1f0c2d3e4a5b6c7d8e9f/9c1b2d3e4f5a6b7c: Payments — "prod" ${var.x} second line',
    );
    expect(main).not.toMatch(/^second line/m);
  });

  it('tells the operator how to apply and check, with the seed commands', () => {
    const readme = fileText(goldenCases['gcp-0.0.12-single']!, 'README.md');
    expect(readme).toContain('terraform init -upgrade\nterraform plan\nterraform apply');
    expect(readme).toContain('chainctl iam groups check-gcp 3f2a9c1be0d4475a8e6b1f0c2d3e4a5b6c7d8e9f');
    expect(readme).toContain('--project-id acme-prod --project-number 123456789012');
  });

  it.each([
    ['accountId', { accountId: '12345678901' }],
    ['accountId', { accountId: ' 123456789012' }],
    ['environment', { environment: 'Enforce.dev' }],
    ['environment', { environment: 'enforce' }],
    ['environment', { environment: 'enforce.dev/x' }],
    ['moduleVersion', { moduleVersion: '0.0.12' }],
    ['groups.0.id', { groups: [{ id: 'ABC', name: 'x' }] }],
    ['groups.1.id', { groups: [{ id: 'a'.repeat(40) }, { id: 'a'.repeat(40) }] }],
    ['auditLogRegions', { auditLogRegions: ['us-east-1'] }],
  ])('refuses a bad AWS %s', (field, change) => {
    const spec = { ...goldenCases['aws-0.1.0-single']!, ...change };
    expect(refusal(spec).field).toBe(field);
  });

  it.each([
    ['auditLogRegions.0', { auditLogRegions: ['US-EAST-1'] }],
    ['auditLogRegions.1', { auditLogRegions: ['us-east-1', 'us-east-1'] }],
  ])('refuses bad legacy audit-log regions (%s)', (field, change) => {
    const spec = { ...goldenCases['aws-0.0.10-single']!, ...change };
    expect(refusal(spec).field).toBe(field);
  });

  it.each([
    ['projectId', { projectId: 'Acme-prod' }],
    ['projectId', { projectId: 'acme-' }],
    ['projectNumber', { projectNumber: '0123' }],
    ['projectNumber', { projectNumber: '12a' }],
    ['moduleVersion', { moduleVersion: '0.1.0' }],
  ])('refuses a bad GCP %s', (field, change) => {
    const spec = { ...goldenCases['gcp-0.0.12-single']!, ...change };
    expect(refusal(spec).field).toBe(field);
  });

  it('refuses another environment for the legacy GCP module, which has no input for it', () => {
    const spec = { ...goldenCases['gcp-0.0.11-single']!, environment: 'staging.enforce.dev' };
    expect(refusal(spec)).toMatchObject({
      field: 'environment',
      message: expect.stringMatching(/no environment input/),
    });
  });
});

describe('assume_role in partitions other than aws', () => {
  const base: WorkspaceSpecInput = {
    cloud: 'aws',
    accountId: '210987654321',
    moduleVersion: '0.1.0',
    environment: 'enforce.dev',
    groups: [{ id: 'a'.repeat(40), name: 'A' }],
  };

  it.each([
    ['aws-us-gov', 'arn:aws-us-gov:iam::210987654321:role/OrganizationAccountAccessRole'],
    ['aws-cn', 'arn:aws-cn:iam::210987654321:role/OrganizationAccountAccessRole'],
    ['aws', 'arn:aws:iam::210987654321:role/OrganizationAccountAccessRole'],
  ] as const)('%s: role_arn is %s', async (partition, arn) => {
    const main = fileText(
      { ...base, assumeRole: { roleName: 'OrganizationAccountAccessRole', sessionName: 'liaison-x', partition } },
      'main.tf',
    );
    const parsed = (await parseHcl(main)) as { provider: { aws: { assume_role: { role_arn: string }[] }[] } };
    expect(parsed.provider.aws[0]!.assume_role[0]!.role_arn).toBe(arn);
  });

  it('refuses a partition AWS does not have, under its own field', () => {
    const refused = refusal({
      ...base,
      assumeRole: { roleName: 'OrganizationAccountAccessRole', sessionName: 'liaison-x', partition: 'aws-iso' },
    });
    expect(refused.field).toBe('assumeRole.partition');
    expect(refused.message).toContain('aws, aws-us-gov (GovCloud) or aws-cn (China)');
  });
});
