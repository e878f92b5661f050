import { describe, expect, it } from 'vitest';
import { parseHcl } from '../../test-support/terraform-files/parse-hcl';
import { roleGoldenCases } from '../../test-support/terraform-files/role-golden-cases';
import type { ThirdPartyRoleInput } from '../contract/role-recipes';
import { generateThirdPartyRole } from './third-party-role-tf';

const base = roleGoldenCases['third-party-managed-only']!;

function mainOf(input: ThirdPartyRoleInput): string {
  const result = generateThirdPartyRole(input);
  if (!result.ok) throw new Error(`refused: ${result.error.field ?? ''} ${result.error.message}`);
  return result.files.find((file) => file.path === 'main.tf')!.content;
}

function refusal(change: Partial<Record<keyof ThirdPartyRoleInput, unknown>>) {
  const result = generateThirdPartyRole({ ...base, ...change });
  if (result.ok) throw new Error('expected a refusal');
  return { field: result.error.field, message: result.error.message };
}

interface ParsedMain {
  data: { aws_iam_policy_document: Record<string, { statement: Record<string, unknown>[] }[]> };
  resource: Record<string, Record<string, Record<string, unknown>[]>>;
}

describe('third-party role main.tf (parsed back with the HCL parser)', () => {
  it('trusts exactly the vendor account root for sts:AssumeRole with StringEquals sts:ExternalId', async () => {
    const parsed = (await parseHcl(mainOf(base))) as unknown as ParsedMain;
    expect(parsed.data.aws_iam_policy_document.trust).toEqual([
      {
        statement: [
          {
            sid: 'VendorWithExternalId',
            effect: 'Allow',
            actions: ['sts:AssumeRole'],
            principals: [{ type: 'AWS', identifiers: ['arn:aws:iam::999988887777:root'] }],
            condition: [{ test: 'StringEquals', variable: 'sts:ExternalId', values: [base.externalId] }],
          },
        ],
      },
    ]);
    expect(parsed.resource.aws_iam_role!.this).toEqual([
      {
        name: 'VendorReadOnly',
        description: 'Third-party access for AWS account 999988887777',
        max_session_duration: 3600,
        assume_role_policy: '${data.aws_iam_policy_document.trust.json}',
      },
    ]);
    // Managed policies are attached in a stable (sorted) order, one resource each.
    expect(parsed.resource.aws_iam_role_policy_attachment).toEqual({
      managed_1: [{ role: '${aws_iam_role.this.name}', policy_arn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' }],
      managed_2: [{ role: '${aws_iam_role.this.name}', policy_arn: 'arn:aws:iam::aws:policy/SecurityAudit' }],
    });
    expect(parsed.resource.aws_iam_policy).toBeUndefined();
  });

  it('names the vendor role instead of the root when one is given', async () => {
    const parsed = (await parseHcl(
      mainOf({ ...base, vendorRoleArn: 'arn:aws:iam::999988887777:role/Scanner' }),
    )) as unknown as ParsedMain;
    const statement = parsed.data.aws_iam_policy_document.trust![0]!.statement[0]!;
    expect(statement.principals).toEqual([{ type: 'AWS', identifiers: ['arn:aws:iam::999988887777:role/Scanner'] }]);
  });

  it('turns the policy document into statements whose hostile values round-trip exactly', async () => {
    const hostile = ['${var.secret}', '%{ if true }x%{ endif }', 'quote " backslash \\ newline \n', 'é 😀'];
    const policy = {
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Action: 's3:GetObject',
          Resource: 'arn:aws:s3:::b/${aws:username}/*',
          Condition: { StringEquals: { 's3:ExistingObjectTag/team': hostile }, NumericLessThan: { 's3:max-keys': 10 } },
        },
      ],
    };
    const parsed = (await parseHcl(
      mainOf({ ...base, managedPolicyArns: [], policyDocument: JSON.stringify(policy) }),
    )) as unknown as ParsedMain;
    expect(parsed.data.aws_iam_policy_document.permissions).toEqual([
      {
        statement: [
          {
            effect: 'Allow',
            actions: ['s3:GetObject'],
            resources: ['arn:aws:s3:::b/${aws:username}/*'],
            condition: [
              { test: 'StringEquals', variable: 's3:ExistingObjectTag/team', values: hostile },
              { test: 'NumericLessThan', variable: 's3:max-keys', values: ['10'] },
            ],
          },
        ],
      },
    ]);
    expect(parsed.resource.aws_iam_policy!.permissions).toEqual([
      { name: 'VendorReadOnly-permissions', policy: '${data.aws_iam_policy_document.permissions.json}' },
    ]);
    expect(parsed.resource.aws_iam_role_policy_attachment!.permissions).toEqual([
      { role: '${aws_iam_role.this.name}', policy_arn: '${aws_iam_policy.permissions.arn}' },
    ]);
  });

  it('gives the workspace its own directory per role', () => {
    const result = generateThirdPartyRole(base);
    expect(result.ok && result.workspaceKey).toBe('aws-123456789012-role-VendorReadOnly');
  });
});

describe('third-party role validation (field-level)', () => {
  it.each([
    [{ externalId: 'x' }, 'externalId', /at least 2/],
    [{ externalId: 'has space' }, 'externalId', /letters, digits/],
    [{ externalId: 'a'.repeat(1225) }, 'externalId', /at most 1224/],
    [{ roleName: 'bad/name' }, 'roleName', /letters, digits/],
    [{ roleName: 'r'.repeat(65) }, 'roleName', /64/],
    [{ vendorAccountId: '12345' }, 'vendorAccountId', /12 digits/],
    [{ vendorAccountId: '123456789012' }, 'vendorAccountId', /your own account/],
    [{ vendorRoleArn: 'arn:aws:iam::111111111111:role/X' }, 'vendorRoleArn', /not the vendor's/],
    [{ vendorRoleArn: 'not-an-arn' }, 'vendorRoleArn', /role ARN/],
    [{ maxSessionSeconds: 3599 }, 'maxSessionSeconds', /3600/],
    [{ maxSessionSeconds: 43201 }, 'maxSessionSeconds', /43200/],
    [{ managedPolicyArns: ['ReadOnlyAccess'] }, 'managedPolicyArns.0', /policy ARN/],
    [{ managedPolicyArns: [] }, 'managedPolicyArns', /some permissions/],
  ])('%j is refused on %s', (change, field, message) => {
    const refused = refusal(change);
    expect(refused.field).toBe(field);
    expect(refused.message).toMatch(message);
  });

  it.each([
    ['{not json', 'policyDocument', /Not JSON/],
    ['{"Version":"2012-10-17","Statement":[]}', 'policyDocument.Statement', /no statement/],
    [
      '{"Version":"2012-10-17","Statement":{"Effect":"Allow","Principal":"*","Action":"sts:AssumeRole","Resource":"*"}}',
      'policyDocument.Statement.0',
      /Unrecognized key: "Principal"/,
    ],
    [
      '{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:Get","NotAction":"s3:Put","Resource":"*"}}',
      'policyDocument.Statement.0.Action',
      /exactly one of Action/,
    ],
    [
      '{"Version":"2012-10-17","Statement":{"Effect":"Permit","Action":"s3:Get","Resource":"*"}}',
      'policyDocument.Statement.0.Effect',
      /Allow or Deny/,
    ],
    [
      '{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"GetObject","Resource":"*"}}',
      'policyDocument.Statement.0.Action',
      /service:Action/,
    ],
    [
      '{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:*","Resource":"bucket"}}',
      'policyDocument.Statement.0.Resource',
      /ARN/,
    ],
    [
      '{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:*","Resource":"*","Condition":{"StringEqual":{"a":"b"}}}}',
      'policyDocument.Statement.0.Condition.StringEqual',
      /condition operator/,
    ],
    [
      '{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:*","Resource":"*","Condition":{"StringEquals":{"a":"e\u0301"}}}}',
      'policyDocument.Statement.0.Condition.StringEquals.a',
      /NFC/,
    ],
  ])('policy document %s is refused on %s', (policyDocument, field, message) => {
    const refused = refusal({ policyDocument });
    expect(refused.field).toBe(field);
    expect(refused.message).toMatch(message);
  });
});
