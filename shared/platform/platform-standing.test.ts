import { describe, expect, it } from 'vitest';
import { platformStandingOf } from './platform-standing';

describe('platformStandingOf', () => {
  it('reads Ready, NotReady, not registered, needs sign-in and error from the Platform step', () => {
    expect(platformStandingOf({ status: 'passed', detail: 'Ready' })).toBe('ready');
    expect(platformStandingOf({ status: 'failed', detail: 'NotReady — AssumeRoleFailed: denied' })).toBe('not-ready');
    expect(
      platformStandingOf({ status: 'failed', detail: 'Not registered: the platform has no AWS account for group g.' }),
    ).toBe('not-registered');
    expect(platformStandingOf({ status: 'needs-sign-in', detail: 'Signed out' })).toBe('needs-sign-in');
    expect(platformStandingOf({ status: 'error', detail: 'The platform is unreachable' })).toBe('error');
  });

  it('has no standing when the check asked the platform nothing', () => {
    expect(platformStandingOf(undefined)).toBeUndefined();
    expect(platformStandingOf({ status: 'skipped', detail: '' })).toBeUndefined();
  });
});
