import { GetPolicyCommand, GetPolicyVersionCommand } from '@aws-sdk/client-iam';
import { iamPolicyDocumentSchema, wildcardGrants } from '../../../../shared/iam-policy-grammar';
import { ownPolicyName } from '../../../../shared/terraform/role-workspace-tf';
import type { AwsAccountDocuments } from '../aws/aws-account-documents';
import { describeAwsStepError } from '../aws/describe-aws-check-error';
import type { CheckStepSpec } from '../check-kind';
import { failed, passed, type StepOutcome } from '../check-run';
import type { AwsCheckSession } from '../aws/aws-check-session';

/** How much of each policy document a step's detail shows: AWS-managed ones run to many kilobytes. */
const DOCUMENT_CHARS_SHOWN = 1_500;

export interface PolicyVersionDocument {
  arn: string;
  versionId: string;
  /** The default version's document, decoded (IAM returns it URL-encoded). */
  document: string;
}

/** Seed 004's verification: `get-policy` for the default version, then `get-policy-version` for its document. */
export async function readDefaultVersion(session: AwsCheckSession, arn: string): Promise<PolicyVersionDocument> {
  const { Policy } = await session.iam.send(new GetPolicyCommand({ PolicyArn: arn }));
  const versionId = Policy?.DefaultVersionId ?? 'v1';
  const { PolicyVersion } = await session.iam.send(
    new GetPolicyVersionCommand({ PolicyArn: arn, VersionId: versionId }),
  );
  const raw = PolicyVersion?.Document ?? '';
  return { arn, versionId, document: decodeDocument(raw) };
}

function decodeDocument(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    // Not URL-encoded (some endpoints return it plain).
    return raw;
  }
}

/**
 * The attached policies against what the recipe attaches: every expected one present (else Failing);
 * each one's default version shown, with a warning when a statement allows every action or resource.
 */
export async function judgeAttachedPolicies(
  session: AwsCheckSession,
  roleName: string,
  attached: ReadonlySet<string>,
  expected: readonly string[],
  remediation: string,
): Promise<StepOutcome> {
  const absent = expected.filter((arn) => !attached.has(arn));
  if (absent.length > 0) {
    return failed(
      `${roleName} lacks ${absent.join(', ')} (attached: ${attached.size ? [...attached].join(', ') : 'none'}).`,
      remediation,
    );
  }
  const shown: string[] = [];
  const warnings: string[] = [];
  for (const arn of [...attached].sort()) {
    const version = await readDefaultVersion(session, arn);
    shown.push(`${arn} (default version ${version.versionId}): ${excerpt(version.document)}`);
    const parsed = iamPolicyDocumentSchema.safeParse(safeJson(version.document));
    if (parsed.success) warnings.push(...wildcardGrants(parsed.data).map((grant) => `${arn}: ${grant}`));
  }
  const extra = [...attached].filter((arn) => !expected.includes(arn));
  const summary = `${roleName} has ${expected.join(', ')} attached${extra.length ? ` (and ${extra.join(', ')}, which the recipe does not attach)` : ''}.`;
  const documents = ` Documents — ${shown.join(' — ')}`;
  if (warnings.length > 0) {
    return {
      status: 'warning',
      detail: `${summary} Wide grants: ${warnings.join('; ')}.${documents}`,
      remediation: 'Grant only the actions and resources the role needs; "*" gives every one.',
    };
  }
  return passed(`${summary}${documents}`);
}

function excerpt(document: string): string {
  const compact = compactJson(document);
  if (compact.length <= DOCUMENT_CHARS_SHOWN) return compact;
  return `${compact.slice(0, DOCUMENT_CHARS_SHOWN)}… (${compact.length - DOCUMENT_CHARS_SHOWN} more characters)`;
}

function compactJson(document: string): string {
  const parsed = safeJson(document);
  return parsed === undefined ? document : JSON.stringify(parsed);
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** What a role recipe attaches: its managed policy ARNs, and its own policy when it has a document. */
export interface RecipePolicies {
  accountId: string;
  roleName: string;
  managedPolicyArns: readonly string[];
  policyDocument?: unknown;
}

/** The step both role recipes end with: the attached policies judged against what the recipe attaches. */
export function attachedPoliciesStep(
  session: AwsCheckSession,
  documents: AwsAccountDocuments,
  role: RecipePolicies,
  needs: string,
  remediation: string,
): CheckStepSpec {
  return {
    id: `policies:${role.roleName}`,
    title: `Policies attached to ${role.roleName}`,
    needs,
    run: async () => {
      const read = await documents.attachedPolicies(role.roleName);
      if (!read.ok) return describeAwsStepError(read.error, false);
      return judgeAttachedPolicies(
        session,
        role.roleName,
        read.value,
        expectedPolicies(role, session.partition),
        remediation,
      );
    },
  };
}

function expectedPolicies(role: RecipePolicies, partition: string): string[] {
  const own =
    role.policyDocument === undefined
      ? []
      : [`arn:${partition}:iam::${role.accountId}:policy/${ownPolicyName(role.roleName)}`];
  return [...new Set([...role.managedPolicyArns, ...own])].sort();
}
