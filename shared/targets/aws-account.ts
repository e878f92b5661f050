import type { TargetKind } from './target-kind';

/** An AWS account: the target of an AWS association. */
export const AWS_ACCOUNT: TargetKind<'aws'> = {
  cloud: 'aws',
  label: 'AWS account',
  plural: 'AWS accounts',
  noun: 'account',
  cloudName: 'AWS',
  choice: 'AWS account',
  idField: 'accountId',
  cliOption: 'account',
  recordField: 'amazon',
  platformAccountType: 'AMAZON',
  fleetModuleVersionOption: 'awsModuleVersion',
  workspaceKey: (id) => `aws-${id}`,
  platformTarget: (values) => (values.accountId ? { cloud: 'aws', account: values.accountId } : undefined),
  recordHalf: (target) => ({ amazon: { account: target.account } }),
  recordTarget: (record) => record.amazon?.account || undefined,
  platformTargetId: (target) => target.account,
  chainctlFlags: (target) => ['--account', target.account],
};
