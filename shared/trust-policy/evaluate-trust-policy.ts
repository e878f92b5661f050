import { evaluateConditionBlock, type RequestContext } from './evaluate-condition';
import { describePrincipalBlock, principalMatches, type RequestPrincipal } from './match-principal';
import { parsePolicyDocument, type PolicyDocument, type PolicyStatement } from './policy-document';
import { matchesWildcard } from './wildcard-pattern';

export type { RequestContext } from './evaluate-condition';
export type { RequestPrincipal } from './match-principal';

/** The assume request a trust policy is asked about. */
export interface TrustRequest {
  principal: RequestPrincipal;
  action: string;
  context: RequestContext;
}

export interface StatementVerdict {
  index: number;
  sid: string | undefined;
  effect: 'Allow' | 'Deny';
  /** The statement applies to the request (its principal, action and every condition match). */
  applies: boolean;
  /** Why it does not apply; undefined when it does. */
  reason: string | undefined;
}

export interface TrustEvaluation {
  /** `allowed`: an Allow applies and no Deny does. `explicit-deny`: a Deny applies. `implicit-deny`: nothing applies. */
  decision: 'allowed' | 'explicit-deny' | 'implicit-deny';
  /** The first statement that decided it (the Allow, or the Deny that overrode every Allow). */
  decidedBy: StatementVerdict | undefined;
  statements: StatementVerdict[];
}

/**
 * Evaluates a role's trust policy against one request as IAM does for the resource-policy half of
 * an assume call: a statement applies when its principal, action and all its conditions match; any
 * applying Deny wins; otherwise any applying Allow allows; otherwise the request is implicitly denied.
 */
export function evaluateTrustPolicy(policy: PolicyDocument | string | object, request: TrustRequest): TrustEvaluation {
  const document = isParsed(policy) ? policy : parsePolicyDocument(policy);
  const statements = document.statements.map((statement) => evaluateStatement(statement, request));
  const deny = statements.find((s) => s.applies && s.effect === 'Deny');
  if (deny) return { decision: 'explicit-deny', decidedBy: deny, statements };
  const allow = statements.find((s) => s.applies && s.effect === 'Allow');
  if (allow) return { decision: 'allowed', decidedBy: allow, statements };
  return { decision: 'implicit-deny', decidedBy: undefined, statements };
}

function evaluateStatement(statement: PolicyStatement, request: TrustRequest): StatementVerdict {
  const verdict = (reason: string | undefined): StatementVerdict => ({
    index: statement.index,
    sid: statement.sid,
    effect: statement.effect,
    applies: reason === undefined,
    reason,
  });
  return verdict(
    principalProblem(statement, request) ?? actionProblem(statement, request) ?? conditionProblem(statement, request),
  );
}

function principalProblem(statement: PolicyStatement, request: TrustRequest): string | undefined {
  const who = `${request.principal.type} ${request.principal.id}`;
  if (statement.principal !== undefined) {
    return principalMatches(statement.principal, request.principal)
      ? undefined
      : `its Principal (${describePrincipalBlock(statement.principal)}) does not include ${who}`;
  }
  if (statement.notPrincipal !== undefined) {
    return principalMatches(statement.notPrincipal, request.principal)
      ? `its NotPrincipal (${describePrincipalBlock(statement.notPrincipal)}) excludes ${who}`
      : undefined;
  }
  return 'it names no Principal (a trust policy statement needs one)';
}

function actionProblem(statement: PolicyStatement, request: TrustRequest): string | undefined {
  // IAM action names are case-insensitive.
  const matches = (patterns: readonly string[]): boolean =>
    patterns.some((pattern) => matchesWildcard(request.action, pattern, { ignoreCase: true }));
  if (statement.action !== undefined) {
    return matches(statement.action)
      ? undefined
      : `its Action ${JSON.stringify(statement.action)} does not include ${request.action}`;
  }
  if (statement.notAction !== undefined) {
    return matches(statement.notAction)
      ? `its NotAction ${JSON.stringify(statement.notAction)} excludes ${request.action}`
      : undefined;
  }
  return 'it names no Action';
}

function conditionProblem(statement: PolicyStatement, request: TrustRequest): string | undefined {
  for (const block of statement.conditions) {
    const outcome = evaluateConditionBlock(block, request.context);
    if (!outcome.matched) return `its condition ${outcome.reason ?? block.operator}`;
  }
  return undefined;
}

function isParsed(policy: PolicyDocument | string | object): policy is PolicyDocument {
  return typeof policy === 'object' && 'statements' in policy && Array.isArray((policy as PolicyDocument).statements);
}

/** One line per statement, for a step's detail: which admitted the request, or why each did not. */
export function explainTrustEvaluation(evaluation: TrustEvaluation): string {
  const label = (s: StatementVerdict): string => `statement ${s.index + 1}${s.sid ? ` (${s.sid})` : ''}`;
  if (evaluation.decision === 'allowed' && evaluation.decidedBy) {
    return `Allowed by ${label(evaluation.decidedBy)}.`;
  }
  if (evaluation.decision === 'explicit-deny' && evaluation.decidedBy) {
    return `Denied explicitly by ${label(evaluation.decidedBy)} (a Deny overrides every Allow).`;
  }
  if (evaluation.statements.length === 0) return 'The policy has no statements.';
  return evaluation.statements
    .map((s) => `${label(s)} (${s.effect}) does not apply: ${s.reason ?? 'unknown reason'}.`)
    .join(' ');
}
