import { parsePolicyDocument, type ConditionBlock, type PolicyDocument, type PolicyStatement } from './policy-document';

/** One principal a trust statement names, with the conditions that bind it, in words. */
export interface TrustGrant {
  /** `statement 2 (VendorAccess)`: how the operator finds it in the document. */
  statement: string;
  effect: 'Allow' | 'Deny';
  /** `Account 111122223333 (any principal in it)`, `Anyone (the "*" principal)`, … */
  principal: string;
  actions: string;
  /** `sts:ExternalId = "abc"`, `…:sub like "system:serviceaccount:ns:*"`; empty: unconditional. */
  conditions: string[];
}

const ACCOUNT_ID = /^\d{12}$/;
const ARN = /^arn:[\w-]+:(iam|sts)::(\d{12}):(.+)$/;

/** The label messages use for a statement: its number (1-based) and its Sid when it has one. */
export function statementLabel(statement: Pick<PolicyStatement, 'index' | 'sid'>): string {
  return `statement ${statement.index + 1}${statement.sid ? ` (${statement.sid})` : ''}`;
}

/** Who a trust policy lets assume the role: one grant per principal per statement. */
export function describeTrust(policy: PolicyDocument | string | object): TrustGrant[] {
  const document = isParsed(policy) ? policy : parsePolicyDocument(policy);
  return document.statements.flatMap((statement) => {
    const base = {
      statement: statementLabel(statement),
      effect: statement.effect,
      actions: describeActions(statement),
      conditions: statement.conditions.flatMap(describeCondition),
    };
    return principalsInWords(statement).map((principal) => ({ ...base, principal }));
  });
}

function principalsInWords(statement: PolicyStatement): string[] {
  if (statement.notPrincipal !== undefined) {
    const excluded = statement.notPrincipal === '*' ? ['everyone'] : namedPrincipals(statement.notPrincipal);
    return [`Anyone except ${excluded.join(', ')}`];
  }
  if (statement.principal === undefined) return ['No principal (the statement names none)'];
  if (statement.principal === '*') return ['Anyone (the "*" principal)'];
  return namedPrincipals(statement.principal);
}

function namedPrincipals(block: Exclude<PolicyStatement['principal'], '*' | undefined>): string[] {
  return [
    ...(block.AWS ?? []).map(describeAwsPrincipal),
    ...(block.Federated ?? []).map(describeFederated),
    ...(block.Service ?? []).map((service) => `Service ${service}`),
    ...(block.CanonicalUser ?? []).map((user) => `Canonical user ${user}`),
  ];
}

/** An `AWS` principal entry in words (accounts, roles, users, sessions). */
export function describeAwsPrincipal(entry: string): string {
  if (entry === '*') return 'Any AWS principal (the {"AWS": "*"} wildcard)';
  if (ACCOUNT_ID.test(entry)) return `Account ${entry} (any principal in it)`;
  const arn = ARN.exec(entry);
  if (!arn) return `AWS principal ${entry}`;
  const [, service, account, resource = ''] = arn;
  if (service === 'iam' && resource === 'root') return `Account ${account} (any principal in it)`;
  if (resource.startsWith('role/')) return `Role ${resource.slice(5)} in account ${account} (and its sessions)`;
  if (resource.startsWith('user/')) return `User ${resource.slice(5)} in account ${account}`;
  if (service === 'sts' && resource.startsWith('assumed-role/')) {
    return `Session ${resource.slice(13)} of a role in account ${account}`;
  }
  return `${resource} in account ${account}`;
}

function describeFederated(entry: string): string {
  const oidc = /:oidc-provider\/(.+)$/.exec(entry);
  if (oidc) return `Identities from the OIDC provider ${oidc[1]}`;
  const saml = /:saml-provider\/(.+)$/.exec(entry);
  if (saml) return `Users of the SAML provider ${saml[1]}`;
  return `Identities from ${entry}`;
}

function describeActions(statement: PolicyStatement): string {
  if (statement.action !== undefined) return statement.action.join(', ');
  if (statement.notAction !== undefined) return `every action except ${statement.notAction.join(', ')}`;
  return 'no action';
}

const OPERATOR_WORDS: Readonly<Record<string, string>> = {
  StringEquals: '=',
  StringNotEquals: '≠',
  StringEqualsIgnoreCase: '= (any case)',
  StringNotEqualsIgnoreCase: '≠ (any case)',
  StringLike: 'like',
  StringNotLike: 'not like',
  ArnEquals: '=',
  ArnLike: 'like',
  ArnNotEquals: '≠',
  ArnNotLike: 'not like',
  Bool: 'is',
};

/** One line per key: `sts:ExternalId = "a" or "b"`. */
export function describeCondition(block: ConditionBlock): string[] {
  const [set, rest] = block.operator.includes(':') ? block.operator.split(':', 2) : [undefined, block.operator];
  const body = rest ?? block.operator;
  const ifExists = body.endsWith('IfExists');
  const name = ifExists ? body.slice(0, -'IfExists'.length) : body;
  return block.entries.map(({ key, values }) => {
    const shown = values.map((value) => JSON.stringify(value)).join(' or ');
    const words =
      name === 'Null'
        ? `${key} is ${values.includes('true') ? 'absent' : 'present'}`
        : `${key} ${OPERATOR_WORDS[name] ?? name} ${shown}`;
    const prefix = set === 'ForAllValues' ? 'every value of ' : set === 'ForAnyValue' ? 'any value of ' : '';
    return `${prefix}${words}${ifExists ? ' (when present)' : ''}`;
  });
}

export function isParsed(policy: PolicyDocument | string | object): policy is PolicyDocument {
  return typeof policy === 'object' && 'statements' in policy && Array.isArray((policy as PolicyDocument).statements);
}
