import { describe, expect, it } from 'vitest';
import type { FleetTarget } from '../contract/fleet';
import { fleetTargetIdentity } from './fleet-target';

const AWS: FleetTarget = {
  cloud: 'aws',
  accountId: '111111111111',
  accountName: 'logs',
  profile: 'static-admin',
  accessPath: { kind: 'profile' },
};
const GCP: FleetTarget = {
  cloud: 'gcp',
  projectId: 'demo-project',
  projectNumber: '123456789012',
  projectName: 'Demo',
  credential: { kind: 'adc' },
};

describe('a fleet target’s identity', () => {
  it.each([
    { target: AWS, identity: { id: '111111111111', name: 'logs' } },
    { target: GCP, identity: { id: 'demo-project', name: 'Demo' } },
  ])('of a target in $target.cloud is its own id and name', ({ target, identity }) => {
    expect(fleetTargetIdentity(target)).toEqual(identity);
  });
});
