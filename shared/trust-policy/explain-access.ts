import { z } from 'zod';
import { externalIdSchema } from '../aws-access-path';
import { statementLabel } from './describe-trust';
import { evaluateTrustPolicy, type TrustRequest } from './evaluate-trust-policy';
import type { PolicyDocument } from './policy-document';

/*
 * "Explain access": would this principal be let in by the role's trust policy, and which statement
 * decides it. The question is validated field by field so the form can show each error in place.
 */

const AWS_PRINCIPAL =
  /^(\d{12}|arn:aws(-us-gov|-cn)?:(iam|sts)::\d{12}:(root|role\/[\w+=,.@/-]+|user\/[\w+=,.@/-]+|assumed-role\/[\w+=,.@-]+\/[\w+=,.@-]+))$/;
const OIDC_PROVIDER = /^arn:aws(-us-gov|-cn)?:iam::\d{12}:oidc-provider\/[^\s/]+(\/[^\s]*)?$/;
const SERVICE_PRINCIPAL = /^[a-z0-9][a-z0-9.-]*\.amazonaws\.com(\.cn)?$/;

const optionalText = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (typeof value === 'string' && value.trim() === '' ? undefined : value), schema.optional());

export const accessQuestionSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('aws'),
    principal: z
      .string()
      .trim()
      .regex(
        AWS_PRINCIPAL,
        'Enter a 12-digit account id or an IAM ARN (arn:aws:iam::111122223333:root, …:role/Name, …:user/Name)',
      ),
    externalId: optionalText(externalIdSchema),
  }),
  z.object({
    kind: z.literal('oidc'),
    provider: z
      .string()
      .trim()
      .regex(
        OIDC_PROVIDER,
        'Enter the OIDC provider ARN: arn:aws:iam::111122223333:oidc-provider/<issuer host and path>',
      ),
    sub: z.string().trim().min(1, 'Enter the token subject (sub)').max(1024, 'A subject is at most 1024 characters'),
    aud: z.string().trim().min(1, 'Enter the token audience (aud)').max(1024, 'An audience is at most 1024 characters'),
  }),
  z.object({
    kind: z.literal('service'),
    service: z.string().trim().regex(SERVICE_PRINCIPAL, 'Enter a service principal such as ec2.amazonaws.com'),
  }),
]);
export type AccessQuestion = z.output<typeof accessQuestionSchema>;
export type AccessQuestionInput = z.input<typeof accessQuestionSchema>;

export interface StatementAnswer {
  statement: string;
  effect: 'Allow' | 'Deny';
  applies: boolean;
  /** Why the statement does not apply to the principal; undefined when it does. */
  reason: string | undefined;
}

export interface AccessAnswer {
  admitted: boolean;
  /** One sentence: "Admitted by statement 1 (Vendor)." or "Refused: no statement admits …". */
  summary: string;
  /** The statement that decided it (the Allow that admits, or the Deny that refuses). */
  decidedBy: string | undefined;
  statements: StatementAnswer[];
}

/** The assume request a question stands for: the action its kind of principal calls, and the context it brings. */
export function trustRequestFor(question: AccessQuestion): TrustRequest {
  if (question.kind === 'aws') {
    const account = /^\d{12}$/.test(question.principal) ? question.principal : question.principal.split(':')[4];
    return {
      principal: { type: 'AWS', id: question.principal },
      action: 'sts:AssumeRole',
      context: {
        ...(account ? { 'aws:PrincipalAccount': account } : {}),
        ...(question.principal.startsWith('arn:') ? { 'aws:PrincipalArn': question.principal } : {}),
        ...(question.externalId === undefined ? {} : { 'sts:ExternalId': question.externalId }),
      },
    };
  }
  if (question.kind === 'oidc') {
    const host = question.provider.slice(question.provider.indexOf(':oidc-provider/') + ':oidc-provider/'.length);
    return {
      principal: { type: 'Federated', id: question.provider },
      action: 'sts:AssumeRoleWithWebIdentity',
      context: { [`${host}:sub`]: question.sub, [`${host}:aud`]: question.aud },
    };
  }
  return { principal: { type: 'Service', id: question.service }, action: 'sts:AssumeRole', context: {} };
}

/** Whether the trust policy admits the principal, and which statement says so or why each refuses. */
export function explainAccess(policy: PolicyDocument | string | object, question: AccessQuestion): AccessAnswer {
  const evaluation = evaluateTrustPolicy(policy, trustRequestFor(question));
  const statements = evaluation.statements.map((verdict) => ({
    statement: statementLabel(verdict),
    effect: verdict.effect,
    applies: verdict.applies,
    reason: verdict.reason,
  }));
  const who = describeAsker(question);
  if (evaluation.decision === 'allowed' && evaluation.decidedBy) {
    const decidedBy = statementLabel(evaluation.decidedBy);
    return { admitted: true, summary: `Admitted: ${decidedBy} lets ${who} assume the role.`, decidedBy, statements };
  }
  if (evaluation.decision === 'explicit-deny' && evaluation.decidedBy) {
    const decidedBy = statementLabel(evaluation.decidedBy);
    return {
      admitted: false,
      summary: `Refused: ${decidedBy} denies ${who} explicitly (a Deny overrides every Allow).`,
      decidedBy,
      statements,
    };
  }
  return {
    admitted: false,
    summary:
      statements.length === 0 ? 'Refused: the trust policy has no statements.' : `Refused: no statement admits ${who}.`,
    decidedBy: undefined,
    statements,
  };
}

function describeAsker(question: AccessQuestion): string {
  if (question.kind === 'aws') {
    return `${question.principal} ${question.externalId === undefined ? 'without an External ID' : `with External ID "${question.externalId}"`}`;
  }
  if (question.kind === 'oidc') return `sub "${question.sub}" (aud "${question.aud}") from ${question.provider}`;
  return `the service ${question.service}`;
}
