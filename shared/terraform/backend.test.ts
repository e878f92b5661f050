import { describe, expect, it } from 'vitest';
import { backendBlock, backendConfigSchema, backendTf, defaultStateKey } from './backend';
import { renderHcl } from './hcl-render';
import { parseHcl } from '../../test-support/terraform-files/parse-hcl';

describe('backend configuration', () => {
  it('writes nothing for local state', () => {
    expect(backendBlock({ type: 'local' })).toBeUndefined();
    expect(backendTf({ type: 'local' })).toEqual([]);
  });

  it('writes an S3 backend that locks with its own lock file', () => {
    const text = renderHcl(
      backendTf({ type: 's3', bucket: 'team-state', key: defaultStateKey('aws-123456789012'), region: 'eu-west-2' }),
    );
    expect(text).toBe(
      [
        'terraform {',
        '  backend "s3" {',
        '    # Shared state: every operator and pipeline uses this one state and its lock file.',
        '    bucket       = "team-state"',
        '    key          = "liaison/aws-123456789012/terraform.tfstate"',
        '    region       = "eu-west-2"',
        '    use_lockfile = true',
        '  }',
        '}',
        '',
      ].join('\n'),
    );
  });

  it('writes a GCS backend, with and without a prefix, that HCL reads back exactly', async () => {
    const hostile = 'team/${var.x}/"quoted"%{if}';
    const parsed = await parseHcl(renderHcl(backendTf({ type: 'gcs', bucket: 'team_state.example', prefix: hostile })));
    expect(parsed).toEqual({ terraform: [{ backend: { gcs: [{ bucket: 'team_state.example', prefix: hostile }] } }] });
    expect(renderHcl(backendTf({ type: 'gcs', bucket: 'team-state' }))).not.toContain('prefix');
  });

  it.each([
    [{ type: 's3', bucket: 'Team_State', key: 'k', region: 'eu-west-2' }, 'bucket'],
    [{ type: 's3', bucket: 'team-state', key: '/abs', region: 'eu-west-2' }, 'key'],
    [{ type: 's3', bucket: 'team-state', key: 'a\nb', region: 'eu-west-2' }, 'key'],
    [{ type: 's3', bucket: 'team-state', key: 'k', region: 'Europe' }, 'region'],
    [{ type: 'gcs', bucket: 'goog-state' }, 'bucket'],
    [{ type: 'azurerm' }, 'type'],
  ])('refuses %j, pointing at %s', (input, field) => {
    const result = backendConfigSchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path.join('.')).toBe(field);
  });
});
