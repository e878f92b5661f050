import { eksServiceAccountRoleInputSchema, recipeRoleArn, type EksServiceAccountRole } from '../contract/role-recipes';
import { serviceAccountSubject } from '../kubernetes-names';
import { issuerHostPath, oidcProviderArn } from '../oidc-issuer-url';
import type { GeneratedFile } from './generate-workspace';
import { renderHcl } from './hcl-render';
import { attr, blank, block, comments, list, ref, str, type HclBlock, type HclBodyItem } from './hcl-syntax';
import { MARKDOWN_HEADER } from './liaison-header';
import {
  applyReadmeSection,
  generateRoleWorkspace,
  inlineCode,
  roleHeader,
  roleProvider,
  roleVersionsTf,
  roleWithPermissions,
  type RoleWorkspaceResult,
} from './role-workspace-tf';

export type EksRoleGenerationResult = RoleWorkspaceResult<EksServiceAccountRole>;

/** The action a pod's SDK calls with its projected token; the only one the trust grants (seed 004). */
export const WEB_IDENTITY_ACTION = 'sts:AssumeRoleWithWebIdentity';
/** The audience EKS projects into service-account tokens for IAM. */
export const STS_AUDIENCE = 'sts.amazonaws.com';
/** The annotation that tells the EKS pod identity webhook which role a service account's pods assume. */
export const ROLE_ARN_ANNOTATION = 'eks.amazonaws.com/role-arn';

/**
 * An EKS service-account role's workspace (seed 004): `aws_iam_role` trusting the account's IAM OIDC
 * provider for the cluster's issuer, for `sts:AssumeRoleWithWebIdentity` only, with `StringEquals`
 * (never `StringLike`) on `<issuer>:aud` and `<issuer>:sub`; the provider itself when the account
 * lacks it; permissions as the third-party role has them. Pure and deterministic.
 */
export function generateEksServiceAccountRole(input: unknown): EksRoleGenerationResult {
  return generateRoleWorkspace(eksServiceAccountRoleInputSchema, eksServiceAccountRoleFiles, input);
}

export function eksServiceAccountRoleFiles(role: EksServiceAccountRole): GeneratedFile[] {
  const target = `AWS account ${role.accountId}, role ${role.roleName}`;
  return [
    { path: 'main.tf', content: renderHcl(eksServiceAccountRoleMainTf(role)) },
    {
      path: 'versions.tf',
      content: renderHcl(roleVersionsTf(target, role.oidcProviderExists ? undefined : PROVIDER_WITHOUT_THUMBPRINT)),
    },
    { path: 'README.md', content: eksServiceAccountRoleReadme(role) },
  ];
}

/**
 * aws_iam_openid_connect_provider takes no thumbprint_list from provider 5.81 on (IAM verifies EKS
 * issuers against its own trusted CAs); before, it was required and Liaison has no way to fetch one.
 */
const PROVIDER_WITHOUT_THUMBPRINT = '>= 5.81, < 7.0';

export function eksServiceAccountRoleMainTf(role: EksServiceAccountRole): HclBodyItem[] {
  const hostPath = issuerHostPath(role.issuerUrl);
  const subject = serviceAccountSubject(role.namespace, role.serviceAccount);
  const cluster = role.clusterName === undefined ? `issuer ${role.issuerUrl}` : `cluster ${role.clusterName}`;
  return [
    ...roleHeader(`AWS account ${role.accountId}, role ${role.roleName}`),
    blank,
    ...roleProvider(role.accountId, role.region),
    blank,
    ...(role.oidcProviderExists
      ? [...comments(`The account's IAM OIDC provider for ${cluster} already exists: the trust names it.`), blank]
      : [
          ...comments(`The account's IAM OIDC provider for ${cluster}: IAM accepts the cluster's tokens through it.`),
          block(
            'resource',
            ['aws_iam_openid_connect_provider', 'cluster'],
            [attr('url', str(role.issuerUrl)), attr('client_id_list', list([str(STS_AUDIENCE)]))],
          ),
          blank,
        ]),
    ...comments(
      `Who may assume the role: pods running as service account ${role.namespace}/${role.serviceAccount},`,
      `with a token for ${STS_AUDIENCE}. StringEquals, never StringLike: no other service account gets in.`,
    ),
    block('data', ['aws_iam_policy_document', 'trust'], [trustStatement(role, hostPath, subject)]),
    blank,
    ...roleWithPermissions(role, `EKS service account ${role.namespace}/${role.serviceAccount} (${cluster})`),
  ];
}

function trustStatement(role: EksServiceAccountRole, hostPath: string, subject: string): HclBlock {
  const provider = role.oidcProviderExists
    ? str(oidcProviderArn(role.accountId, role.issuerUrl))
    : ref('aws_iam_openid_connect_provider', 'cluster', 'arn');
  const equals = (variable: string, value: string) =>
    block(
      'condition',
      [],
      [attr('test', str('StringEquals')), attr('variable', str(variable)), attr('values', list([str(value)]))],
    );
  return block(
    'statement',
    [],
    [
      attr('sid', str('ServiceAccountWebIdentity')),
      attr('effect', str('Allow')),
      attr('actions', list([str(WEB_IDENTITY_ACTION)])),
      blank,
      block('principals', [], [attr('type', str('Federated')), attr('identifiers', list([provider]))]),
      blank,
      equals(`${hostPath}:aud`, STS_AUDIENCE),
      blank,
      equals(`${hostPath}:sub`, subject),
    ],
  );
}

/** `kubectl annotate …` for the service account (seed 004); every part is a validated name, safe in a shell. */
export function kubectlAnnotateCommand(
  role: Pick<EksServiceAccountRole, 'accountId' | 'roleName' | 'namespace' | 'serviceAccount'>,
): string {
  const arn = recipeRoleArn(role.accountId, role.roleName);
  return `kubectl annotate serviceaccount -n ${role.namespace} ${role.serviceAccount} ${ROLE_ARN_ANNOTATION}=${arn}`;
}

/**
 * The ServiceAccount with the role annotation. Hand-written: names are DNS-1123 (plain YAML scalars)
 * and the ARN is emitted as a JSON string, which is a valid YAML double-quoted scalar.
 */
export function serviceAccountManifest(
  role: Pick<EksServiceAccountRole, 'accountId' | 'roleName' | 'namespace' | 'serviceAccount'>,
): string {
  return [
    'apiVersion: v1',
    'kind: ServiceAccount',
    'metadata:',
    `  name: ${role.serviceAccount}`,
    `  namespace: ${role.namespace}`,
    '  annotations:',
    `    ${ROLE_ARN_ANNOTATION}: ${JSON.stringify(recipeRoleArn(role.accountId, role.roleName))}`,
    '',
  ].join('\n');
}

function eksServiceAccountRoleReadme(role: EksServiceAccountRole): string {
  const arn = recipeRoleArn(role.accountId, role.roleName);
  const inline = inlineCode;
  const hostPath = issuerHostPath(role.issuerUrl);
  return [
    MARKDOWN_HEADER,
    '',
    `# EKS service-account role ${role.roleName} in AWS account ${role.accountId}`,
    '',
    `Lets pods running as service account ${inline(`${role.namespace}/${role.serviceAccount}`)}` +
      `${role.clusterName === undefined ? '' : ` of cluster ${inline(role.clusterName)}`} assume ${inline(arn)}`,
    `with ${WEB_IDENTITY_ACTION}: the trust names the IAM OIDC provider for ${inline(role.issuerUrl)} and requires`,
    `${inline(`${hostPath}:aud`)} = ${inline(STS_AUDIENCE)} and ${inline(`${hostPath}:sub`)} =`,
    `${inline(serviceAccountSubject(role.namespace, role.serviceAccount))} (StringEquals). Sessions last at most`,
    `${role.maxSessionSeconds} seconds.`,
    '',
    'Annotate the service account with the role:',
    '',
    '```sh',
    kubectlAnnotateCommand(role),
    '```',
    '',
    'or apply this ServiceAccount manifest (Liaison also offers it as a download):',
    '',
    '```yaml',
    serviceAccountManifest(role).trimEnd(),
    '```',
    '',
    ...applyReadmeSection('the role'),
  ].join('\n');
}
