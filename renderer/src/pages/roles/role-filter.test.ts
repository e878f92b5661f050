import { describe, expect, it } from 'vitest';
import type { RoleSummary } from '../../../../shared/contract/roles';
import { filterRoles, indexRoles } from './role-filter';

const role = (name: string, path: string, findings: RoleSummary['findings'] = []): RoleSummary => ({
  name,
  path,
  arn: `arn:aws:iam::111122223333:role${path}${name}`,
  findings,
});

const roles = indexRoles([
  role('Deployer', '/ci/'),
  role('open-to-world', '/', [{ code: 'wildcard-principal', severity: 'high', where: 'statement 1', message: '' }]),
  role('vendor', '/partners/', [{ code: 'no-external-id', severity: 'medium', where: 'statement 1', message: '' }]),
]);
const names = (list: RoleSummary[]) => list.map((each) => each.name);

describe('filterRoles', () => {
  it('matches name, path or ARN in any case', () => {
    expect(names(filterRoles(roles, 'deploy', 'all'))).toEqual(['Deployer']);
    expect(names(filterRoles(roles, '/PARTNERS/', 'all'))).toEqual(['vendor']);
    expect(names(filterRoles(roles, '111122223333', 'all'))).toHaveLength(3);
    expect(names(filterRoles(roles, '  ', 'all'))).toHaveLength(3);
  });

  it('filters by findings: any, high, or one kind', () => {
    expect(names(filterRoles(roles, '', 'any'))).toEqual(['open-to-world', 'vendor']);
    expect(names(filterRoles(roles, '', 'high'))).toEqual(['open-to-world']);
    expect(names(filterRoles(roles, '', 'no-external-id'))).toEqual(['vendor']);
    expect(names(filterRoles(roles, 'open', 'no-external-id'))).toEqual([]);
  });
});
