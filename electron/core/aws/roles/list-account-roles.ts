import { ListRolesCommand, type IAMClient, type Role } from '@aws-sdk/client-iam';
import type { RoleSummary } from '../../../../shared/contract/roles';
import { parsePolicyDocument, PolicyDocumentError } from '../../../../shared/trust-policy/policy-document';
import { trustFindings } from '../../../../shared/trust-policy/trust-findings';
import { IamCallError } from './describe-iam-error';

/** ListRoles' own default page (the baseline's too): small pages let evaluation overlap the next call. */
export const LIST_ROLES_PAGE_SIZE = 100;

/**
 * Every role in the account the client signs in to, paginated to the end, with its trust policy
 * (ListRoles returns it inline, URL-encoded) decoded and evaluated for findings. The next page is
 * requested before the current one is evaluated, so evaluation costs no time on the wire. Paged by
 * hand: the SDK's paginator asks for a page only once the loop body has finished with the last.
 */
export async function listAccountRoles(iam: IAMClient, accountId: string | undefined): Promise<RoleSummary[]> {
  const roles: RoleSummary[] = [];
  const request = (marker: string | undefined) =>
    iam
      .send(new ListRolesCommand({ MaxItems: LIST_ROLES_PAGE_SIZE, ...(marker ? { Marker: marker } : {}) }))
      .catch((error: unknown) => {
        throw new IamCallError('ListRoles', `account ${accountId ?? ''}`.trim(), error);
      });
  let page = await request(undefined);
  for (;;) {
    const next = page.IsTruncated && page.Marker ? request(page.Marker) : undefined;
    // A failed prefetch is awaited below; until then it must not count as unhandled.
    next?.catch(() => undefined);
    for (const role of page.Roles ?? []) roles.push(summarise(role, accountId));
    if (!next) return roles;
    page = await next;
  }
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
  // Decoded and parsed once: the findings and the indented text both come from this one value.
  const text = decodeDocument(role.AssumeRolePolicyDocument);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { ...base, trustPolicy: text, trustError: `The trust policy is not valid JSON (${reason})`, findings: [] };
  }
  const trustPolicy = JSON.stringify(json, null, 2);
  try {
    return { ...base, trustPolicy, findings: trustFindings(parsePolicyDocument(json as object), owner) };
  } catch (error) {
    if (!(error instanceof PolicyDocumentError)) throw error;
    return { ...base, trustPolicy, trustError: error.message, findings: [] };
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
