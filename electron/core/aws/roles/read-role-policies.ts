import {
  GetPolicyCommand,
  GetPolicyVersionCommand,
  GetRolePolicyCommand,
  paginateListAttachedRolePolicies,
  paginateListRolePolicies,
  type AttachedPolicy,
  type IAMClient,
} from '@aws-sdk/client-iam';
import type { RolePolicies, RolePolicy } from '../../../../shared/contract/roles';
import { PolicyDocumentError } from '../../../../shared/trust-policy/policy-document';
import { permissionFindings } from '../../../../shared/trust-policy/trust-findings';
import { runBounded } from '../run-bounded';
import { describeIamRefusal, IamCallError } from './describe-iam-error';
import { indentedJson } from './list-account-roles';

/** Policy reads in flight at once for one role: quick for a few, polite to IAM's rate limit. */
export const POLICY_READ_CONCURRENCY = 4;

/**
 * A role's policies as seed 004 verifies them: ListAttachedRolePolicies, then GetPolicy and
 * GetPolicyVersion of each one's default version; ListRolePolicies and GetRolePolicy for inline
 * ones. Listing failures fail the call; one policy that cannot be read says so in its row.
 */
export async function readRolePolicies(iam: IAMClient, roleName: string): Promise<RolePolicies> {
  const attachedList: AttachedPolicy[] = [];
  const inlineNames: string[] = [];
  try {
    for await (const page of paginateListAttachedRolePolicies({ client: iam }, { RoleName: roleName })) {
      attachedList.push(...(page.AttachedPolicies ?? []));
    }
  } catch (error) {
    throw new IamCallError('ListAttachedRolePolicies', roleName, error);
  }
  try {
    for await (const page of paginateListRolePolicies({ client: iam }, { RoleName: roleName })) {
      inlineNames.push(...(page.PolicyNames ?? []));
    }
  } catch (error) {
    throw new IamCallError('ListRolePolicies', roleName, error);
  }
  const attached = await runBounded(attachedList, POLICY_READ_CONCURRENCY, (each) => readManaged(iam, each), noop);
  const inline = await runBounded(
    inlineNames,
    POLICY_READ_CONCURRENCY,
    (name) => readInline(iam, roleName, name),
    noop,
  );
  // runBounded returns them as they land; show them in IAM's order.
  const order = (names: string[]) => (a: RolePolicy, b: RolePolicy) => names.indexOf(a.name) - names.indexOf(b.name);
  return {
    roleName,
    attached: attached.sort(order(attachedList.map((each) => each.PolicyName ?? ''))),
    inline: inline.sort(order(inlineNames)),
  };
}

function noop(): void {}

async function readManaged(iam: IAMClient, attached: AttachedPolicy): Promise<RolePolicy> {
  const name = attached.PolicyName ?? attached.PolicyArn ?? '';
  const arn = attached.PolicyArn ?? '';
  const base = { kind: 'managed' as const, name, arn };
  let versionId: string | undefined;
  try {
    const { Policy } = await iam.send(new GetPolicyCommand({ PolicyArn: arn }));
    versionId = Policy?.DefaultVersionId;
    if (!versionId) return { ...base, error: 'GetPolicy returned no default version', findings: [] };
    const { PolicyVersion } = await iam.send(new GetPolicyVersionCommand({ PolicyArn: arn, VersionId: versionId }));
    return withDocument({ ...base, defaultVersionId: versionId }, PolicyVersion?.Document);
  } catch (error) {
    const call = versionId === undefined ? 'GetPolicy' : 'GetPolicyVersion';
    return {
      ...base,
      ...(versionId ? { defaultVersionId: versionId } : {}),
      error: describeIamRefusal(call, arn, error),
      findings: [],
    };
  }
}

async function readInline(iam: IAMClient, roleName: string, policyName: string): Promise<RolePolicy> {
  const base = { kind: 'inline' as const, name: policyName };
  try {
    const { PolicyDocument } = await iam.send(new GetRolePolicyCommand({ RoleName: roleName, PolicyName: policyName }));
    return withDocument(base, PolicyDocument);
  } catch (error) {
    return { ...base, error: describeIamRefusal('GetRolePolicy', `${roleName}/${policyName}`, error), findings: [] };
  }
}

function withDocument<T extends { name: string; kind: 'managed' | 'inline' }>(
  base: T,
  raw: string | undefined,
): RolePolicy & T {
  if (raw === undefined) return { ...base, error: 'IAM returned no policy document', findings: [] };
  const document = indentedJson(raw);
  try {
    return { ...base, document, findings: permissionFindings(base.name, document) };
  } catch (error) {
    if (!(error instanceof PolicyDocumentError)) throw error;
    return { ...base, document, error: error.message, findings: [] };
  }
}
