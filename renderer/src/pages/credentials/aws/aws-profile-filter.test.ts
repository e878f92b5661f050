import { describe, expect, it } from 'vitest';
import type { AwsProfile } from '../../../../../shared/contract/aws';
import { filterProfiles, toSearchable } from './aws-profile-filter';

function profile(name: string, overrides: Partial<AwsProfile> = {}): AwsProfile {
  return {
    name,
    kind: 'static',
    files: ['config'],
    isActive: false,
    sourceChain: [],
    leafKind: 'static',
    warnings: [],
    ...overrides,
  };
}

const rows = toSearchable([
  profile('prod-admin', { kind: 'role', leafKind: 'static', accountId: '111122223333', region: 'eu-west-1' }),
  profile('dev', { kind: 'sso', leafKind: 'sso', accountId: '444455556666', region: 'us-east-1' }),
  profile('ci', { kind: 'process', leafKind: 'process', region: 'us-west-2' }),
  profile('break-glass', {
    kind: 'role',
    leafKind: 'static',
    mfaSerial: 'arn:aws:iam::1:mfa/x',
    warnings: [{ code: 'X', message: 'm' }],
  }),
]);
const names = (query: string, types: string[] = []) =>
  filterProfiles(rows, query, new Set(types as never[])).map((p) => p.name);

describe('type-to-filter', () => {
  it('matches name, account, type and region, case-insensitively, every word', () => {
    expect(names('PROD')).toEqual(['prod-admin']);
    expect(names('4444')).toEqual(['dev']);
    expect(names('sso')).toEqual(['dev']);
    expect(names('role')).toEqual(['prod-admin', 'break-glass']);
    expect(names('us-')).toEqual(['dev', 'ci']);
    expect(names('role eu-west')).toEqual(['prod-admin']);
    expect(names('  ')).toHaveLength(4);
    expect(names('nothing-like-this')).toEqual([]);
  });

  it('does not match across fields', () => {
    // "ci" + "process" joined would read "ciprocess"; fields are kept apart.
    expect(names('ciprocess')).toEqual([]);
  });

  it('type chips narrow with OR between chips and AND with the query', () => {
    expect(names('', ['sso', 'process'])).toEqual(['dev', 'ci']);
    expect(names('', ['mfa'])).toEqual(['break-glass']);
    expect(names('', ['warnings'])).toEqual(['break-glass']);
    expect(names('us-west', ['sso', 'process'])).toEqual(['ci']);
  });
});
