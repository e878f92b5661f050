import { describe, expect, it } from 'vitest';
import { createFleetInputSchema, type CreateFleetInput, type FleetItemInput } from './fleet';

const GROUP = { kind: 'existing', groupId: 'abcdefabcdefabcdefabcdefabcdefabcdefabcd' } as const;
const account = (accountId: string, order: number): FleetItemInput => ({
  target: { cloud: 'aws', accountId, accountName: `acct-${order}`, profile: 'static-admin' },
  group: GROUP,
  order,
});
const project = (projectId: string, order: number): FleetItemInput => ({
  target: {
    cloud: 'gcp',
    projectId,
    projectNumber: '123456789012',
    projectName: projectId,
    credential: { kind: 'adc' },
  },
  group: GROUP,
  order,
});
const fleet = (items: FleetItemInput[], options: CreateFleetInput['options'] = {}): CreateFleetInput => ({
  name: 'Org onboarding',
  environment: 'enforce.dev',
  options,
  items,
});

/** Each refusal as `path: message`. */
function issues(input: CreateFleetInput): string[] {
  const parsed = createFleetInputSchema.safeParse(input);
  return parsed.success ? [] : parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
}

describe("a fleet run's input", () => {
  it('takes a mixed run with the module version of each cloud in it', () => {
    const both = { awsModuleVersion: '0.1.0', gcpModuleVersion: '0.0.12' } as const;
    expect(issues(fleet([account('111111111111', 0), project('demo-project', 1)], both))).toEqual([]);
  });

  it("asks for the module version of each cloud the run has, at that option's field", () => {
    expect(issues(fleet([account('111111111111', 0)]))).toEqual([
      'options.awsModuleVersion: Choose the AWS module version',
    ]);
    expect(issues(fleet([project('demo-project', 0)], { awsModuleVersion: '0.1.0' }))).toEqual([
      'options.gcpModuleVersion: Choose the GCP module version',
    ]);
  });

  it('refuses an account or project listed twice, at the second, naming the first', () => {
    const options = { awsModuleVersion: '0.1.0', gcpModuleVersion: '0.0.12' } as const;
    expect(
      issues(
        fleet(
          [
            account('111111111111', 0),
            project('demo-project', 1),
            account('111111111111', 2),
            project('demo-project', 3),
          ],
          options,
        ),
      ),
    ).toEqual([
      'items.2.target: 111111111111 is already item 1: each account or project once per fleet run',
      'items.3.target: demo-project is already item 2: each account or project once per fleet run',
    ]);
  });
});
