import { describe, expect, it } from 'vitest';
import type { GcpProjectTree } from '../contract/gcp-folders';
import type { AwsOrganization } from '../contract/organizations';
import { candidatesFromImport, mergeSelection, selectGcpFolder, selectOrganizationUnit } from './fleet-selection';

const organization: AwsOrganization = {
  profile: 'management',
  organizationId: 'o-abc',
  managementAccountId: '000000000000',
  roots: [{ id: 'r-1', name: 'Root' }],
  // A child unit listed before its parent: selection must not depend on order.
  units: [
    { id: 'ou-prod', name: 'Prod', parentId: 'ou-work' },
    { id: 'ou-work', name: 'Workloads', parentId: 'r-1' },
    { id: 'ou-sec', name: 'Security', parentId: 'r-1' },
  ],
  accounts: [
    {
      id: '000000000000',
      name: 'management',
      email: 'm@x',
      status: 'ACTIVE',
      joinedMethod: 'CREATED',
      parentId: 'r-1',
    },
    { id: '111111111111', name: 'logs', email: 'l@x', status: 'ACTIVE', joinedMethod: 'CREATED', parentId: 'ou-sec' },
    { id: '222222222222', name: 'web', email: 'w@x', status: 'ACTIVE', joinedMethod: 'CREATED', parentId: 'ou-work' },
    { id: '333333333333', name: 'api', email: 'a@x', status: 'ACTIVE', joinedMethod: 'CREATED', parentId: 'ou-prod' },
    {
      id: '444444444444',
      name: 'old',
      email: 'o@x',
      status: 'SUSPENDED',
      joinedMethod: 'CREATED',
      parentId: 'ou-prod',
    },
  ],
};

describe('selectOrganizationUnit', () => {
  it('takes every active account under the unit, nested units included, and says why others were skipped', () => {
    const selection = selectOrganizationUnit(organization, 'ou-work');
    expect(selection.candidates).toEqual([
      { cloud: 'aws', id: '333333333333', name: 'api', unit: 'Prod' },
      { cloud: 'aws', id: '222222222222', name: 'web', unit: 'Workloads' },
    ]);
    expect(selection.skipped).toEqual([{ id: '444444444444', name: 'old', reason: 'suspended' }]);
  });

  it('takes the whole organization from the root', () => {
    expect(selectOrganizationUnit(organization, 'r-1').candidates).toHaveLength(4);
  });
});

describe('mergeSelection', () => {
  it('keeps each account once, drops exclusions and puts deploy order first', () => {
    const unit = selectOrganizationUnit(organization, 'r-1').candidates;
    const listed = candidatesFromImport([
      { name: 'logs', id: '111111111111', deployOrder: 1 },
      { name: 'shared', id: '555555555555', deployOrder: 0 },
    ]);
    const merged = mergeSelection(unit, listed, new Set(['aws:000000000000']));
    expect(merged.map((each) => each.id)).toEqual(['555555555555', '333333333333', '111111111111', '222222222222']);
    // The first pick wins: logs keeps its unit and gets no deploy order from the later list.
    expect(merged.find((each) => each.id === '111111111111')).toEqual({
      cloud: 'aws',
      id: '111111111111',
      name: 'logs',
      unit: 'Security',
    });
  });
});

describe('selectGcpFolder', () => {
  const tree: GcpProjectTree = {
    parent: 'organizations/1',
    folders: [
      { name: 'folders/2', displayName: 'team', parent: 'folders/1' },
      { name: 'folders/1', displayName: 'prod', parent: 'organizations/1' },
    ],
    projects: [
      { projectId: 'p-a', projectNumber: '11', displayName: 'A', parent: 'folders/2', state: 'ACTIVE' },
      { projectId: 'p-b', projectNumber: '12', displayName: '', parent: 'folders/1', state: 'DELETE_REQUESTED' },
      { projectId: 'p-c', projectNumber: '13', displayName: 'C', parent: 'organizations/1', state: 'ACTIVE' },
    ],
  };

  it('takes the active projects under a folder with their numbers', () => {
    const selection = selectGcpFolder(tree, 'folders/1');
    expect(selection.candidates).toEqual([{ cloud: 'gcp', id: 'p-a', name: 'A', unit: 'team', projectNumber: '11' }]);
    expect(selection.skipped).toEqual([{ id: 'p-b', name: '', reason: 'delete_requested' }]);
  });
});
