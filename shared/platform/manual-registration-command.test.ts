import { describe, expect, it } from 'vitest';
import { manualRegistrationCommand } from './manual-registration-command';

const GROUP = '0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c/00112233aabbccdd';

describe('manualRegistrationCommand', () => {
  it('names the group and the AWS account, as chainctl takes them', () => {
    expect(manualRegistrationCommand({ groupId: GROUP, cloud: 'aws', accountId: '123456789012' })).toBe(
      `chainctl iam account-associations set aws ${GROUP} --account 123456789012`,
    );
  });

  it('names the GCP project id and number', () => {
    expect(
      manualRegistrationCommand({
        groupId: GROUP,
        cloud: 'gcp',
        projectId: 'payments-prod',
        projectNumber: '123456789012',
      }),
    ).toBe(
      `chainctl iam account-associations set gcp ${GROUP} --project-id payments-prod --project-number 123456789012`,
    );
  });

  it('points chainctl at the API of an environment other than the default', () => {
    expect(
      manualRegistrationCommand({
        groupId: GROUP,
        cloud: 'aws',
        accountId: '123456789012',
        environment: 'chainguard.dev',
      }),
    ).toBe(
      `chainctl iam account-associations set aws ${GROUP} --account 123456789012 --api https://console-api.chainguard.dev`,
    );
    expect(
      manualRegistrationCommand({
        groupId: GROUP,
        cloud: 'aws',
        accountId: '123456789012',
        environment: 'enforce.dev',
      }),
    ).not.toContain('--api');
  });

  it('gives no command until the group and the whole target are known', () => {
    expect(manualRegistrationCommand({ cloud: 'aws', accountId: '123456789012' })).toBeUndefined();
    expect(manualRegistrationCommand({ groupId: GROUP, cloud: 'aws' })).toBeUndefined();
    expect(manualRegistrationCommand({ groupId: GROUP, cloud: 'gcp', projectId: 'payments-prod' })).toBeUndefined();
  });
});
