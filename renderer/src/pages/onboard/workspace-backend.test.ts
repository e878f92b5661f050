import { describe, expect, it } from 'vitest';
import type { Association } from '../../../../shared/contract/associations';
import { describeBackend, sameBackend, stateOwner, workspaceBackend } from './workspace-backend';

const S3 = {
  type: 's3' as const,
  bucket: 'team-state',
  key: 'liaison/aws-123456789012/terraform.tfstate',
  region: 'eu-west-2',
};

function association(overrides: Partial<Association> & { values: Association['values'] }): Association {
  return {
    id: crypto.randomUUID(),
    status: 'generated',
    step: 3,
    workspaceKey: 'aws-123456789012',
    createdAt: '2026-11-20T10:00:00.000Z',
    updatedAt: '2026-11-20T10:00:00.000Z',
    ...overrides,
  };
}

describe("a workspace's existing backend", () => {
  it('is read from the newest generated association in that workspace', () => {
    const associations = [
      association({ values: { cloud: 'aws', backend: { type: 'local' } } }),
      association({ values: { cloud: 'aws', backend: S3 }, updatedAt: '2026-11-21T10:00:00.000Z' }),
      association({
        workspaceKey: 'aws-210987654321',
        values: { cloud: 'aws', backend: { type: 'gcs', bucket: 'x' } },
      }),
      association({ status: 'draft', workspaceKey: undefined, values: { cloud: 'aws', accountId: '123456789012' } }),
    ];
    expect(workspaceBackend(associations, 'aws-123456789012')).toEqual({ backend: S3, associations: 2 });
  });

  it('is local for an association saved before backends existed, and absent for a new workspace', () => {
    const old = [association({ values: { cloud: 'aws' } })];
    expect(workspaceBackend(old, 'aws-123456789012')).toEqual({ backend: { type: 'local' }, associations: 1 });
    expect(workspaceBackend(old, 'aws-999999999999')).toBeUndefined();
    expect(workspaceBackend(old, undefined)).toBeUndefined();
  });

  it('compares where the state goes, treating empty optional fields as absent', () => {
    expect(sameBackend(S3, { ...S3 })).toBe(true);
    expect(sameBackend(S3, { ...S3, region: 'us-east-1' })).toBe(false);
    expect(sameBackend({ type: 'gcs', bucket: 'b', prefix: '' }, { type: 'gcs', bucket: 'b' })).toBe(true);
    expect(sameBackend({ type: 'local' }, S3)).toBe(false);
  });

  it('is described in words', () => {
    expect(describeBackend(S3)).toBe(
      'the S3 bucket team-state (key liaison/aws-123456789012/terraform.tfstate, region eu-west-2)',
    );
    expect(describeBackend({ type: 'gcs', bucket: 'b', prefix: 'p' })).toBe('the GCS bucket b (prefix p)');
  });
});

describe('stateOwner', () => {
  const owned = [
    association({ values: { cloud: 'aws', backend: S3 } }),
    association({
      workspaceKey: 'gcp-acme-prod',
      values: { cloud: 'gcp', backend: { type: 'gcs', bucket: 'acme-state' } },
    }),
    association({ status: 'draft', workspaceKey: undefined, values: { cloud: 'aws', backend: { ...S3, key: 'x' } } }),
  ];

  it('names the other workspace whose state a backend points at', () => {
    expect(stateOwner(owned, 'aws-210987654321', S3)).toBe('aws-123456789012');
    expect(stateOwner(owned, 'gcp-acme-dev', { type: 'gcs', bucket: 'acme-state', prefix: '' })).toBe('gcp-acme-prod');
  });

  it('is nobody for the workspace’s own state, another key, local state or a draft’s backend', () => {
    expect(stateOwner(owned, 'aws-123456789012', S3)).toBeUndefined();
    expect(
      stateOwner(owned, 'aws-210987654321', { ...S3, key: 'liaison/aws-210987654321/terraform.tfstate' }),
    ).toBeUndefined();
    expect(stateOwner(owned, 'aws-210987654321', { type: 'local' })).toBeUndefined();
    expect(stateOwner(owned, 'aws-210987654321', { ...S3, key: 'x' })).toBeUndefined();
    expect(
      stateOwner(owned, 'gcp-acme-dev', { type: 'gcs', bucket: 'acme-state', prefix: 'liaison/gcp-acme-dev' }),
    ).toBeUndefined();
  });
});
