import { describe, expect, it } from 'vitest';
import { generateWorkspace, type GeneratedFile } from './generate-workspace';
import { moduleSourceSchema } from './module-source';
import { parseHcl } from '../../test-support/terraform-files/parse-hcl';
import type { WorkspaceSpecInput } from './workspace-spec';

const GROUP = { id: 'a'.repeat(40), name: 'Platform' };

function file(spec: WorkspaceSpecInput, path: GeneratedFile['path']): string {
  const result = generateWorkspace(spec);
  if (!result.ok) throw new Error(`refused: ${result.error.field ?? ''} ${result.error.message}`);
  return result.files.find((each) => each.path === path)?.content ?? '';
}

type Modules = { module: Record<string, Record<string, unknown>[]> };

const aws = (extra: Partial<WorkspaceSpecInput & { cloud: 'aws' }>): WorkspaceSpecInput => ({
  cloud: 'aws',
  accountId: '123456789012',
  moduleVersion: '0.1.0',
  environment: 'enforce.dev',
  groups: [GROUP],
  ...extra,
});

describe('module source in the generated main.tf', () => {
  it('keeps the public registry address and pinned version by default', async () => {
    const parsed = (await parseHcl(file(aws({}), 'main.tf'))) as Modules;
    expect(parsed.module['aws-impersonation']?.[0]).toMatchObject({
      source: 'chainguard-dev/chainguard-account-association/aws',
      version: '0.1.0',
    });
  });

  it('points at a private registry host and namespace, still pinned, audit-log submodule included', async () => {
    const spec = aws({
      moduleVersion: '0.0.10',
      auditLogRegions: ['eu-west-2'],
      moduleSource: { type: 'private-registry', host: 'registry.example.com:8443', namespace: 'acme' },
    });
    const parsed = (await parseHcl(file(spec, 'main.tf'))) as Modules;
    expect(parsed.module['aws-impersonation']?.[0]).toMatchObject({
      source: 'registry.example.com:8443/acme/chainguard-account-association/aws',
      version: '0.0.10',
    });
    expect(parsed.module['aws-auditlogs-eu-west-2']?.[0]).toMatchObject({
      source: 'registry.example.com:8443/acme/chainguard-account-association/aws//auditlogs',
      version: '0.0.10',
    });
    expect(file(spec, 'README.md')).toContain('private registry registry.example.com:8443 (namespace acme)');
  });

  it('uses a local copy without a version (Terraform refuses one there), GCP too', async () => {
    const parsed = (await parseHcl(
      file(
        {
          cloud: 'gcp',
          projectId: 'demo-project',
          projectNumber: '123456789012',
          moduleVersion: '0.0.12',
          environment: 'enforce.dev',
          groups: [GROUP],
          moduleSource: { type: 'local', path: '/opt/modules/google "copy".zip' },
        },
        'main.tf',
      ),
    )) as Modules;
    const block = parsed.module['gcp-impersonation']?.[0];
    expect(block?.source).toBe('/opt/modules/google "copy".zip');
    expect(block).not.toHaveProperty('version');
  });

  it('refuses a relative path, a registry URL and an empty host, each on its field', () => {
    const problem = (input: unknown) => moduleSourceSchema.safeParse(input).error?.issues[0];
    expect(problem({ type: 'local', path: 'modules/aws' })).toMatchObject({ path: ['path'] });
    expect(problem({ type: 'private-registry', host: 'https://registry.example.com' })).toMatchObject({
      path: ['host'],
    });
    expect(problem({ type: 'private-registry', host: '' })).toMatchObject({ path: ['host'] });
    expect(problem({ type: 'local', path: '/opt//aws' })).toMatchObject({ path: ['path'] });
  });
});

describe('the README names the chosen profile', () => {
  it('exports AWS_PROFILE with the profile, quoted for the shell when it needs to be', () => {
    expect(file(aws({ profile: 'prod-admin' }), 'README.md')).toContain('export AWS_PROFILE=prod-admin\n');
    expect(file(aws({ profile: "ops team's" }), 'README.md')).toContain(`export AWS_PROFILE='ops team'\\''s'\n`);
    expect(file(aws({}), 'README.md')).toContain('export AWS_PROFILE=...');
  });
});
