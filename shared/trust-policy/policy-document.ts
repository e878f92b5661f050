/**
 * A trust policy as IAM stores it, normalised: `Statement` always an array, `Principal`/`Action`
 * entries always arrays, condition values always strings. `GetRole` returns the document URL-encoded;
 * `parsePolicyDocument` accepts that, plain JSON text, or an already parsed object.
 */

export type PrincipalType = 'AWS' | 'Federated' | 'Service' | 'CanonicalUser';

/** `'*'` is the bare wildcard principal; otherwise the listed identifiers by type. */
export type PrincipalBlock = '*' | Partial<Record<PrincipalType, string[]>>;

export interface ConditionBlock {
  /** Operator as written (`ForAnyValue:StringLike`, `StringEqualsIfExists`, ...). */
  operator: string;
  /** Condition key as written → the policy's values for it. */
  entries: { key: string; values: string[] }[];
}

export interface PolicyStatement {
  index: number;
  sid: string | undefined;
  effect: 'Allow' | 'Deny';
  principal: PrincipalBlock | undefined;
  notPrincipal: PrincipalBlock | undefined;
  action: string[] | undefined;
  notAction: string[] | undefined;
  /** Permission policies name resources; trust policies do not (undefined there). */
  resource: string[] | undefined;
  notResource: string[] | undefined;
  conditions: ConditionBlock[];
}

export interface PolicyDocument {
  version: string | undefined;
  statements: PolicyStatement[];
}

export class PolicyDocumentError extends Error {
  override readonly name = 'PolicyDocumentError';
}

const PRINCIPAL_TYPES: readonly PrincipalType[] = ['AWS', 'Federated', 'Service', 'CanonicalUser'];

export function parsePolicyDocument(input: string | object): PolicyDocument {
  const raw = typeof input === 'string' ? parseText(input) : input;
  if (!isRecord(raw)) throw new PolicyDocumentError('The policy document is not a JSON object');
  const statement = raw.Statement;
  if (statement === undefined) throw new PolicyDocumentError('The policy document has no Statement');
  const list = Array.isArray(statement) ? (statement as unknown[]) : [statement];
  return {
    version: typeof raw.Version === 'string' ? raw.Version : undefined,
    statements: list.map((each, index) => parseStatement(each, index)),
  };
}

function parseText(text: string): unknown {
  const trimmed = text.trim();
  // GetRole (and the CLI's --query) return the document percent-encoded: `%7B%22Version%22...`.
  const decoded = trimmed.startsWith('%') ? safeDecode(trimmed) : trimmed;
  try {
    return JSON.parse(decoded) as unknown;
  } catch (error) {
    throw new PolicyDocumentError(
      `The policy document is not valid JSON (${error instanceof Error ? error.message : String(error)})`,
    );
  }
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    throw new PolicyDocumentError('The policy document is not valid URL-encoded text');
  }
}

function parseStatement(raw: unknown, index: number): PolicyStatement {
  if (!isRecord(raw)) throw new PolicyDocumentError(`Statement ${index + 1} is not an object`);
  const effect = raw.Effect;
  if (effect !== 'Allow' && effect !== 'Deny') {
    throw new PolicyDocumentError(
      `Statement ${index + 1} has Effect ${JSON.stringify(effect)}; IAM takes Allow or Deny`,
    );
  }
  return {
    index,
    sid: typeof raw.Sid === 'string' ? raw.Sid : undefined,
    effect,
    principal: raw.Principal === undefined ? undefined : parsePrincipal(raw.Principal, index, 'Principal'),
    notPrincipal: raw.NotPrincipal === undefined ? undefined : parsePrincipal(raw.NotPrincipal, index, 'NotPrincipal'),
    action: raw.Action === undefined ? undefined : stringList(raw.Action, index, 'Action'),
    notAction: raw.NotAction === undefined ? undefined : stringList(raw.NotAction, index, 'NotAction'),
    resource: raw.Resource === undefined ? undefined : stringList(raw.Resource, index, 'Resource'),
    notResource: raw.NotResource === undefined ? undefined : stringList(raw.NotResource, index, 'NotResource'),
    conditions: raw.Condition === undefined ? [] : parseConditions(raw.Condition, index),
  };
}

function parsePrincipal(raw: unknown, index: number, field: string): PrincipalBlock {
  if (raw === '*') return '*';
  if (!isRecord(raw)) throw new PolicyDocumentError(`Statement ${index + 1}: ${field} must be "*" or an object`);
  const block: Partial<Record<PrincipalType, string[]>> = {};
  for (const [type, value] of Object.entries(raw)) {
    if (!PRINCIPAL_TYPES.includes(type as PrincipalType)) {
      throw new PolicyDocumentError(`Statement ${index + 1}: ${field} has an unknown principal type ${type}`);
    }
    block[type as PrincipalType] = stringList(value, index, `${field}.${type}`);
  }
  return block;
}

function parseConditions(raw: unknown, index: number): ConditionBlock[] {
  if (!isRecord(raw)) throw new PolicyDocumentError(`Statement ${index + 1}: Condition must be an object`);
  return Object.entries(raw).map(([operator, keys]) => {
    if (!isRecord(keys)) {
      throw new PolicyDocumentError(`Statement ${index + 1}: Condition ${operator} must map keys to values`);
    }
    return {
      operator,
      entries: Object.entries(keys).map(([key, values]) => ({
        key,
        values: conditionValues(values, index, `${operator}.${key}`),
      })),
    };
  });
}

function conditionValues(raw: unknown, index: number, field: string): string[] {
  const list = Array.isArray(raw) ? (raw as unknown[]) : [raw];
  return list.map((value) => {
    if (typeof value === 'string') return value;
    if (typeof value === 'boolean' || typeof value === 'number') return String(value);
    throw new PolicyDocumentError(`Statement ${index + 1}: Condition ${field} has a value that is not a string`);
  });
}

function stringList(raw: unknown, index: number, field: string): string[] {
  const list = Array.isArray(raw) ? (raw as unknown[]) : [raw];
  if (!list.every((each): each is string => typeof each === 'string')) {
    throw new PolicyDocumentError(`Statement ${index + 1}: ${field} must be a string or a list of strings`);
  }
  return list;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
