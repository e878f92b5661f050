import { describe, expect, it } from 'vitest';
import type { AwsOrganization } from '../../../../../shared/contract/organizations';
import { indexOrganization, organizationRows } from './organization-tree';

const account = (id: string, name: string, parentId: string, extra: object = {}) => ({
  id,
  name,
  email: `${name}@example.com`,
  status: 'ACTIVE',
  joinedMethod: 'CREATED',
  parentId,
  ...extra,
});

const organization: AwsOrganization = {
  profile: 'management',
  organizationId: 'o-1',
  managementAccountId: '111111111111',
  roots: [{ id: 'r-1', name: 'Root' }],
  units: [
    { id: 'ou-prod', name: 'Prod', parentId: 'r-1' },
    { id: 'ou-prod-eu', name: 'EU', parentId: 'ou-prod' },
    { id: 'ou-sandbox', name: 'Sandbox', parentId: 'r-1' },
  ],
  accounts: [
    account('111111111111', 'management', 'r-1'),
    account('222222222222', 'payments', 'ou-prod'),
    account('333333333333', 'payments-eu', 'ou-prod-eu', { joinedMethod: 'INVITED' }),
    account('444444444444', 'alice-sandbox', 'ou-sandbox', { status: 'SUSPENDED' }),
  ],
};

const shape = (filter: string) =>
  organizationRows(indexOrganization(organization), filter).map((row) =>
    row.kind === 'parent'
      ? `${'  '.repeat(row.depth)}${row.name} (${row.accounts})`
      : `${'  '.repeat(row.depth)}${row.leaf.name}`,
  );

describe('the organization tree', () => {
  it('shows every unit and account in place, nested', () => {
    expect(shape('')).toEqual([
      'Root (4)',
      '  management',
      '  Prod (2)',
      '    payments',
      '    EU (1)',
      '      payments-eu',
      '  Sandbox (1)',
      '    alice-sandbox',
    ]);
  });

  it('keeps only matching accounts and the units above them', () => {
    expect(shape('EU')).toEqual(['Root (1)', '  Prod (1)', '    EU (1)', '      payments-eu']);
    expect(shape('4444')).toEqual(['Root (1)', '  Sandbox (1)', '    alice-sandbox']);
    expect(shape('  ALICE-SANDBOX@ ')).toEqual(['Root (1)', '  Sandbox (1)', '    alice-sandbox']);
  });

  it('matches a unit name for every account beneath it', () => {
    expect(shape('prod')).toEqual(['Root (2)', '  Prod (2)', '    payments', '    EU (1)', '      payments-eu']);
  });

  it('shows nothing when nothing matches', () => {
    expect(shape('nobody')).toEqual([]);
  });
});
