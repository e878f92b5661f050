import { paginateListRoles, type IAMClient, type Role } from '@aws-sdk/client-iam';
import type { RoleSummary } from '../../../../shared/contract/roles';
import { parsePolicyDocument, PolicyDocumentError } from '../../../../shared/trust-policy/policy-document';
import { trustFindings } from '../../../../shared/trust-policy/trust-findings';
import { IamCallError } from './describe-iam-error';

/** ListRoles' largest page: 10 calls fewer per 1,000 roles than its default of 100. */
export const LIST_ROLES_PAGE_SIZE = 1000;

/**
 * Every role in the account the client signs in to, paginated to the end, with its trust policy
 * (ListRoles returns it inline, URL-encoded) decoded and evaluated for findings, page by page.
 */
export async function listAccountRoles(iam: IAMClient, accountId: string | undefined): Promise<RoleSummary[]> {
  const roles: RoleSummary[] = [];
  try {
    for await (const page of paginateListRoles({ client: iam, pageSize: LIST_ROLES_PAGE_SIZE }, {})) {
      for (const role of page.Roles ?? []) roles.push(summarise(role, accountId));
    }
  } catch (error) {
    throw new IamCallError('ListRoles', `account ${accountId ?? ''}`.trim(), error);
  }
  return roles;
}

export function summarise(role: Role, accountId: string | undefined): RoleSummary {
  const name = role.RoleName ?? '';
  const arn = role.Arn ?? '';
  const owner = accountId ?? arn.split(':')[4];
  const base = {
    name,
    path: role.Path ?? '/',
    arn,
    ...(role.Description ? { description: role.Description } : {}),
    ...(role.CreateDate ? { createdAt: role.CreateDate.toISOString() } : {}),
    ...(role.MaxSessionDuration ? { maxSessionDuration: role.MaxSessionDuration } : {}),
  };
  if (role.AssumeRolePolicyDocument === undefined) return { ...base, findings: [] };
  try {
    const document = parsePolicyDocument(role.AssumeRolePolicyDocument);
    return {
      ...base,
      trustPolicy: indentedJson(role.AssumeRolePolicyDocument),
      findings: trustFindings(document, owner),
    };
  } catch (error) {
    if (!(error instanceof PolicyDocumentError)) throw error;
    return {
      ...base,
      trustPolicy: decodeDocument(role.AssumeRolePolicyDocument),
      trustError: error.message,
      findings: [],
    };
  }
}

/** IAM returns policy documents URL-encoded. */
export function decodeDocument(text: string): string {
  try {
    return text.trim().startsWith('%') ? decodeURIComponent(text) : text;
  } catch {
    return text;
  }
}

export function indentedJson(text: string): string {
  const decoded = decodeDocument(text);
  try {
    return JSON.stringify(JSON.parse(decoded), null, 2);
  } catch {
    return decoded;
  }
}
