import type { WorkspaceSpecInput } from '../../shared/terraform/workspace-spec';

const PLATFORM = { id: '3f2a9c1be0d4475a8e6b1f0c2d3e4a5b6c7d8e9f', name: 'Platform team' };
const PAYMENTS = {
  id: '3f2a9c1be0d4475a8e6b1f0c2d3e4a5b6c7d8e9f/9c1b2d3e4f5a6b7c',
  name: 'Payments — "prod" ${var.x}\nsecond line',
};
const DATA = { id: '07b4d1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8', name: '' };

/** Every golden workspace: each module variant, one and several groups, several regions. */
export const goldenCases: Record<string, WorkspaceSpecInput> = {
  'aws-0.1.0-single': {
    cloud: 'aws',
    accountId: '123456789012',
    moduleVersion: '0.1.0',
    environment: 'enforce.dev',
    groups: [PLATFORM],
  },
  'aws-0.1.0-multiple': {
    cloud: 'aws',
    accountId: '000000000042',
    moduleVersion: '0.1.0',
    environment: 'staging.enforce.dev',
    groups: [PAYMENTS, DATA, PLATFORM],
  },
  'aws-0.0.10-single': {
    cloud: 'aws',
    accountId: '123456789012',
    moduleVersion: '0.0.10',
    environment: 'enforce.dev',
    auditLogRegions: ['us-east-1'],
    groups: [PLATFORM],
  },
  'aws-0.0.10-multiple-regions': {
    cloud: 'aws',
    accountId: '123456789012',
    moduleVersion: '0.0.10',
    environment: 'enforce.dev',
    auditLogRegions: ['us-west-2', 'eu-central-1', 'us-gov-west-1'],
    groups: [PLATFORM, DATA],
  },
  'aws-0.0.10-no-regions': {
    cloud: 'aws',
    accountId: '123456789012',
    moduleVersion: '0.0.10',
    environment: 'enforce.dev',
    groups: [DATA],
  },
  'aws-0.1.0-no-groups': {
    cloud: 'aws',
    accountId: '123456789012',
    moduleVersion: '0.1.0',
    environment: 'enforce.dev',
    groups: [],
  },
  'gcp-0.0.12-single': {
    cloud: 'gcp',
    projectId: 'acme-prod',
    projectNumber: '123456789012',
    moduleVersion: '0.0.12',
    environment: 'enforce.dev',
    groups: [PLATFORM],
  },
  'gcp-0.0.12-multiple': {
    cloud: 'gcp',
    projectId: 'acme-prod',
    projectNumber: '123456789012',
    moduleVersion: '0.0.12',
    environment: 'chainguard.dev',
    groups: [PAYMENTS, PLATFORM, DATA],
  },
  'aws-0.1.0-s3-backend': {
    cloud: 'aws',
    accountId: '123456789012',
    moduleVersion: '0.1.0',
    environment: 'enforce.dev',
    groups: [PLATFORM],
    backend: {
      type: 's3',
      bucket: 'team-state',
      key: 'liaison/aws-123456789012/terraform.tfstate',
      region: 'eu-west-2',
    },
  },
  'gcp-0.0.12-gcs-backend': {
    cloud: 'gcp',
    projectId: 'acme-prod',
    projectNumber: '123456789012',
    moduleVersion: '0.0.12',
    environment: 'enforce.dev',
    groups: [PLATFORM],
    backend: { type: 'gcs', bucket: 'team_state.example', prefix: 'liaison/gcp-acme-prod/"${x}"' },
  },
  'aws-0.1.0-assume-role': {
    cloud: 'aws',
    accountId: '210987654321',
    moduleVersion: '0.1.0',
    environment: 'enforce.dev',
    groups: [PLATFORM],
    assumeRole: {
      roleName: 'OrganizationAccountAccessRole',
      externalId: 'liaison:ext/id=1,2.@_-',
      sessionName: 'liaison-operator',
      durationSeconds: 3600,
    },
  },
  'aws-0.0.10-assume-role-regions': {
    cloud: 'aws',
    accountId: '210987654321',
    moduleVersion: '0.0.10',
    environment: 'enforce.dev',
    auditLogRegions: ['us-east-1', 'eu-west-2'],
    groups: [DATA],
    assumeRole: { roleName: 'AWSControlTowerExecution', sessionName: 'liaison-ci' },
  },
  'gcp-0.0.11-single': {
    cloud: 'gcp',
    projectId: 'acme-prod',
    projectNumber: '123456789012',
    moduleVersion: '0.0.11',
    environment: 'enforce.dev',
    groups: [PLATFORM],
  },
  'gcp-0.0.11-multiple': {
    cloud: 'gcp',
    projectId: 'acme-legacy-1',
    projectNumber: '987654321',
    moduleVersion: '0.0.11',
    environment: 'enforce.dev',
    groups: [DATA, PAYMENTS],
  },
};
