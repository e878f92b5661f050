import { describe, expect, it } from 'vitest';
import { parseHcl } from '../../test-support/terraform-files/parse-hcl';
import { eksRoleGoldenCases } from '../../test-support/terraform-files/role-golden-cases';
import type { EksServiceAccountRoleInput } from '../contract/role-recipes';
import {
  generateEksServiceAccountRole,
  kubectlAnnotateCommand,
  serviceAccountManifest,
} from './eks-service-account-role-tf';

const base = eksRoleGoldenCases['eks-new-provider']!;
const HOST = 'oidc.eks.eu-west-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE';

function generated(input: EksServiceAccountRoleInput) {
  const result = generateEksServiceAccountRole(input);
  if (!result.ok) throw new Error(`refused: ${result.error.field ?? ''} ${result.error.message}`);
  return result;
}

function refusal(change: Partial<Record<keyof EksServiceAccountRoleInput, unknown>>) {
  const result = generateEksServiceAccountRole({ ...base, ...change });
  if (result.ok) throw new Error('expected a refusal');
  return { field: result.error.field, message: result.error.message };
}

interface ParsedMain {
  data: { aws_iam_policy_document: Record<string, { statement: Record<string, unknown>[] }[]> };
  resource: Record<string, Record<string, Record<string, unknown>[]>>;
}

const mainOf = async (input: EksServiceAccountRoleInput) =>
  (await parseHcl(generated(input).files.find((file) => file.path === 'main.tf')!.content)) as unknown as ParsedMain;

describe('EKS service-account role main.tf (parsed back with the HCL parser)', () => {
  it('creates the provider for sts.amazonaws.com and trusts it with StringEquals on aud and sub', async () => {
    const parsed = await mainOf(base);
    expect(parsed.resource.aws_iam_openid_connect_provider).toEqual({
      cluster: [{ url: `https://${HOST}`, client_id_list: ['sts.amazonaws.com'] }],
    });
    expect(parsed.data.aws_iam_policy_document.trust).toEqual([
      {
        statement: [
          {
            sid: 'ServiceAccountWebIdentity',
            effect: 'Allow',
            actions: ['sts:AssumeRoleWithWebIdentity'],
            principals: [{ type: 'Federated', identifiers: ['${aws_iam_openid_connect_provider.cluster.arn}'] }],
            condition: [
              { test: 'StringEquals', variable: `${HOST}:aud`, values: ['sts.amazonaws.com'] },
              {
                test: 'StringEquals',
                variable: `${HOST}:sub`,
                values: ['system:serviceaccount:payments:ledger-writer'],
              },
            ],
          },
        ],
      },
    ]);
    expect(parsed.resource.aws_iam_role!.this![0]).toMatchObject({
      name: 'payments-ledger-writer',
      max_session_duration: 3600,
    });
  });

  it('references the existing provider by ARN and creates none', async () => {
    const parsed = await mainOf({ ...base, oidcProviderExists: true });
    expect(parsed.resource.aws_iam_openid_connect_provider).toBeUndefined();
    const statement = parsed.data.aws_iam_policy_document.trust![0]!.statement[0]!;
    expect(statement.principals).toEqual([
      { type: 'Federated', identifiers: [`arn:aws:iam::123456789012:oidc-provider/${HOST}`] },
    ]);
  });

  it('normalises the typed issuer: trailing slashes dropped, host lower-cased', () => {
    expect(generated({ ...base, issuerUrl: ` https://OIDC.example.COM/id/AbC/// ` }).role.issuerUrl).toBe(
      'https://oidc.example.com/id/AbC',
    );
  });

  it('gives the annotate line and a ServiceAccount manifest, also in the README', () => {
    const result = generated(base);
    const line =
      'kubectl annotate serviceaccount -n payments ledger-writer eks.amazonaws.com/role-arn=arn:aws:iam::123456789012:role/payments-ledger-writer';
    expect(kubectlAnnotateCommand(result.role)).toBe(line);
    expect(serviceAccountManifest(result.role)).toBe(
      [
        'apiVersion: v1',
        'kind: ServiceAccount',
        'metadata:',
        '  name: ledger-writer',
        '  namespace: payments',
        '  annotations:',
        '    eks.amazonaws.com/role-arn: "arn:aws:iam::123456789012:role/payments-ledger-writer"',
        '',
      ].join('\n'),
    );
    const readme = result.files.find((file) => file.path === 'README.md')!.content;
    expect(readme).toContain(line);
    expect(readme).toContain(serviceAccountManifest(result.role).trimEnd());
  });
});

describe('EKS service-account role validation (field-level)', () => {
  it.each([
    [{ issuerUrl: 'http://oidc.eks.us-east-1.amazonaws.com/id/X' }, 'issuerUrl', /https URL/],
    [{ issuerUrl: 'https://oidc.example.com:8443/id/X' }, 'issuerUrl', /without port/],
    [{ issuerUrl: 'https://oidc.example.com/id/X?a=b' }, 'issuerUrl', /query/],
    [{ issuerUrl: 'https://oidc.example.com/id/${x}' }, 'issuerUrl', /https URL/],
    [{ issuerUrl: '' }, 'issuerUrl', /required/],
    [{ namespace: 'Payments' }, 'namespace', /lower-case/],
    [{ namespace: 'pay.ments' }, 'namespace', /lower-case/],
    [{ namespace: '-payments' }, 'namespace', /starting and ending/],
    [{ namespace: 'n'.repeat(64) }, 'namespace', /63/],
    [{ serviceAccount: 'ledger_writer' }, 'serviceAccount', /lower-case/],
    [{ serviceAccount: 'a..b' }, 'serviceAccount', /dot-separated/],
    [{ serviceAccount: '*' }, 'serviceAccount', /lower-case/],
    [{ serviceAccount: 'a'.repeat(254) }, 'serviceAccount', /253/],
    [{ region: 'Europe' }, 'region', /region code/],
    [{ clusterName: 'bad name' }, 'clusterName', /cluster name/],
    [{ roleName: 'bad/name' }, 'roleName', /letters, digits/],
    [{ maxSessionSeconds: 3599 }, 'maxSessionSeconds', /3600/],
    [{ managedPolicyArns: [] }, 'managedPolicyArns', /some permissions/],
    [{ managedPolicyArns: ['ReadOnlyAccess'] }, 'managedPolicyArns.0', /policy ARN/],
    [{ policyDocument: '{not json' }, 'policyDocument', /Not JSON/],
  ])('%j is refused on %s', (change, field, message) => {
    const refused = refusal(change);
    expect(refused.field).toBe(field);
    expect(refused.message).toMatch(message);
  });

  it('accepts a dotted service account name of RFC 1123 labels', () => {
    expect(generated({ ...base, serviceAccount: 'ledger.v2-a' }).role.serviceAccount).toBe('ledger.v2-a');
  });
});
