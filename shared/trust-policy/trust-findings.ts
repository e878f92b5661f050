import { isParsed, statementLabel } from './describe-trust';
import type { FindingCode } from './finding-codes';
import { parsePolicyDocument, type PolicyDocument, type PolicyStatement } from './policy-document';

export { FINDING_CODES, type FindingCode } from './finding-codes';

export type FindingSeverity = 'high' | 'medium' | 'low';

export interface Finding {
  code: FindingCode;
  severity: FindingSeverity;
  /** The statement it is about, as `statement 1 (Sid)`; for a permission policy, prefixed by the policy's name. */
  where: string;
  message: string;
}

/** Short names for the filter and the chips. */
export const FINDING_TITLES: Readonly<Record<FindingCode, string>> = {
  'wildcard-principal': 'Wildcard principal',
  'no-external-id': 'Another account without External ID',
  'sub-string-like': 'StringLike on sub',
  'oidc-without-aud': 'OIDC trust without aud',
  'oidc-without-sub': 'OIDC trust without sub',
  'unexpected-aud': 'Unexpected audience',
  'wildcard-action': '"*" action',
  'wildcard-resource': '"*" resource',
};

const SEVERITY_ORDER: Readonly<Record<FindingSeverity, number>> = { high: 0, medium: 1, low: 2 };
const ACCOUNT_ARN = /^arn:[\w-]+:(?:iam|sts)::(\d{12}):/;
/** EKS clusters' issuers: their service-account tokens carry aud sts.amazonaws.com. */
const EKS_ISSUER = /^oidc\.eks\.[\w-]+\.amazonaws\.com(\.cn)?\//;

/**
 * What is risky in a role's trust policy (seeds 002 and 004): who could assume it that the owner
 * probably did not mean. `ownAccount` is the role's account; principals in it are not "another account".
 */
export function trustFindings(policy: PolicyDocument | string | object, ownAccount: string | undefined): Finding[] {
  const document = isParsed(policy) ? policy : parsePolicyDocument(policy);
  const findings = document.statements
    .filter((statement) => statement.effect === 'Allow')
    .flatMap((statement) => statementFindings(statement, ownAccount));
  return sortFindings(findings);
}

function statementFindings(statement: PolicyStatement, ownAccount: string | undefined): Finding[] {
  const where = statementLabel(statement);
  const found: Finding[] = [];
  const add = (code: FindingCode, severity: FindingSeverity, message: string) =>
    found.push({ code, severity, where, message });
  const keys = conditionKeys(statement);
  const principal = statement.principal;

  if (statement.notPrincipal !== undefined) {
    add('wildcard-principal', 'high', 'Allow with NotPrincipal admits everyone but the principals it names.');
  } else if (principal === '*' || (principal !== undefined && principal.AWS?.includes('*'))) {
    const written = principal === '*' ? '"*"' : '{"AWS": "*"}';
    add(
      'wildcard-principal',
      keys.length === 0 ? 'high' : 'medium',
      keys.length === 0
        ? `The principal ${written} lets any AWS account in the world assume this role.`
        : `The principal ${written} admits any AWS account; only its conditions (${keys.join(', ')}) narrow it.`,
    );
  }

  if (principal !== undefined && principal !== '*') {
    const others = (principal.AWS ?? []).filter((entry) => {
      const account = accountOf(entry);
      return account !== undefined && account !== ownAccount;
    });
    if (others.length > 0 && !hasKey(keys, 'sts:externalid')) {
      add(
        'no-external-id',
        'medium',
        `${others.map((entry) => accountOf(entry)).join(', ')} ${others.length === 1 ? 'is another account' : 'are other accounts'} and the statement has no sts:ExternalId condition: anyone that account lets in can assume the role (the confused deputy problem).`,
      );
    }
    for (const provider of principal.Federated ?? []) found.push(...oidcFindings(statement, provider, where));
  }
  return found;
}

function oidcFindings(statement: PolicyStatement, provider: string, where: string): Finding[] {
  const host = /:oidc-provider\/(.+)$/.exec(provider)?.[1];
  if (host === undefined) return [];
  const found: Finding[] = [];
  const entries = statement.conditions.flatMap((block) =>
    block.entries.map((entry) => ({ operator: block.operator, key: entry.key, values: entry.values })),
  );
  const forKey = (suffix: string) =>
    entries.filter((entry) => entry.key.toLowerCase() === `${host}:${suffix}`.toLowerCase());
  const aud = forKey('aud');
  const sub = forKey('sub');
  if (aud.length === 0) {
    found.push({
      code: 'oidc-without-aud',
      severity: 'high',
      where,
      message: `The trust in ${host} has no ${host}:aud condition: tokens the issuer mints for any other audience are accepted too.`,
    });
  } else if (EKS_ISSUER.test(host)) {
    const wrong = aud.flatMap((entry) => entry.values).filter((value) => value !== 'sts.amazonaws.com');
    if (wrong.length > 0) {
      found.push({
        code: 'unexpected-aud',
        severity: 'medium',
        where,
        message: `${host} is an EKS cluster's issuer, whose service-account tokens carry aud "sts.amazonaws.com"; the condition expects ${wrong.map((value) => JSON.stringify(value)).join(', ')}.`,
      });
    }
  }
  if (sub.length === 0) {
    found.push({
      code: 'oidc-without-sub',
      severity: 'high',
      where,
      message: `The trust in ${host} has no ${host}:sub condition: every identity the issuer vouches for can assume the role.`,
    });
  }
  for (const entry of sub) {
    if (!/StringLike$/.test(entry.operator.replace(/IfExists$/, ''))) continue;
    const literal = entry.values.filter((value) => !/[*?]/.test(value));
    if (literal.length === entry.values.length) {
      found.push({
        code: 'sub-string-like',
        severity: 'medium',
        where,
        message: `${entry.operator} on ${entry.key} with no wildcard in ${literal.map((value) => JSON.stringify(value)).join(', ')}: StringEquals is meant (StringLike treats any "*" or "?" a value gains as a wildcard).`,
      });
    } else {
      found.push({
        code: 'sub-string-like',
        severity: 'low',
        where,
        message: `${entry.operator} on ${entry.key} admits every subject matching ${entry.values.map((value) => JSON.stringify(value)).join(', ')}; use StringEquals to name the one service account meant.`,
      });
    }
  }
  return found;
}

/** `"*"` actions and resources in a permission policy's Allow statements. */
export function permissionFindings(policyName: string, policy: PolicyDocument | string | object): Finding[] {
  const document = isParsed(policy) ? policy : parsePolicyDocument(policy);
  const found: Finding[] = [];
  for (const statement of document.statements) {
    if (statement.effect !== 'Allow') continue;
    const where = `${policyName}, ${statementLabel(statement)}`;
    const actions = statement.action ?? [];
    if (actions.includes('*') || statement.notAction !== undefined) {
      found.push({
        code: 'wildcard-action',
        severity: 'high',
        where,
        message:
          statement.notAction !== undefined
            ? `Allow with NotAction grants every action but ${statement.notAction.join(', ')}.`
            : 'Action "*" grants every action of every service.',
      });
    } else {
      const services = actions.filter((action) => /^[\w-]+:\*$/.test(action));
      if (services.length > 0) {
        found.push({
          code: 'wildcard-action',
          severity: 'medium',
          where,
          message: `${services.join(', ')} ${services.length === 1 ? 'grants' : 'grant'} every action of the service.`,
        });
      }
    }
    if ((statement.resource ?? []).includes('*') || statement.notResource !== undefined) {
      found.push({
        code: 'wildcard-resource',
        severity: actions.includes('*') ? 'high' : 'low',
        where,
        message:
          statement.notResource !== undefined
            ? `Allow with NotResource applies to every resource but ${statement.notResource.join(', ')}.`
            : `Resource "*" applies ${actions.length > 0 ? actions.slice(0, 3).join(', ') + (actions.length > 3 ? ', …' : '') : 'the statement'} to every resource.`,
      });
    }
  }
  return sortFindings(found);
}

export function sortFindings(findings: Finding[]): Finding[] {
  return [...findings].sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
}

function conditionKeys(statement: PolicyStatement): string[] {
  return statement.conditions.flatMap((block) => block.entries.map((entry) => entry.key));
}

function hasKey(keys: readonly string[], wanted: string): boolean {
  return keys.some((key) => key.toLowerCase() === wanted);
}

function accountOf(entry: string): string | undefined {
  if (/^\d{12}$/.test(entry)) return entry;
  return ACCOUNT_ARN.exec(entry)?.[1];
}
