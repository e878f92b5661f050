import { describe, expect, it } from 'vitest';
import { fleetTargetIdentity } from './fleet-target';

describe('a fleet target’s identity', () => {
  it('is the account id and name of an AWS target, the project id and name of a GCP one', () => {
    expect(
      fleetTargetIdentity({
        cloud: 'aws',
        accountId: '111111111111',
        accountName: 'logs',
        profile: 'static-admin',
        accessPath: { kind: 'profile' },
      }),
    ).toEqual({ id: '111111111111', name: 'logs' });
    expect(
      fleetTargetIdentity({
        cloud: 'gcp',
        projectId: 'demo-project',
        projectNumber: '123456789012',
        projectName: 'Demo',
        credential: { kind: 'adc' },
      }),
    ).toEqual({ id: 'demo-project', name: 'Demo' });
  });
});
