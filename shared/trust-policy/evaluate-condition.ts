import type { ConditionBlock } from './policy-document';
import { matchesWildcard } from './wildcard-pattern';

/** A request's condition keys: a single value, a multivalued key (a list), or a boolean. */
export type ContextValue = string | boolean | readonly string[];
export type RequestContext = Readonly<Record<string, ContextValue | undefined>>;

export interface ConditionOutcome {
  matched: boolean;
  /** Why a block did not match (the first failing key), or undefined when it matched. */
  reason: string | undefined;
}

type Comparison = (requestValue: string, policyValue: string) => boolean;

interface BaseOperator {
  compare: Comparison;
  /** A negated operator (`StringNotEquals`) is true when no policy value matches. */
  negated: boolean;
}

const BASE_OPERATORS: Readonly<Record<string, BaseOperator>> = {
  StringEquals: { compare: (v, p) => v === p, negated: false },
  StringNotEquals: { compare: (v, p) => v === p, negated: true },
  StringEqualsIgnoreCase: { compare: (v, p) => v.toLowerCase() === p.toLowerCase(), negated: false },
  StringNotEqualsIgnoreCase: { compare: (v, p) => v.toLowerCase() === p.toLowerCase(), negated: true },
  StringLike: { compare: (v, p) => matchesWildcard(v, p), negated: false },
  StringNotLike: { compare: (v, p) => matchesWildcard(v, p), negated: true },
  ArnEquals: { compare: (v, p) => matchesWildcard(v, p), negated: false },
  ArnLike: { compare: (v, p) => matchesWildcard(v, p), negated: false },
  ArnNotEquals: { compare: (v, p) => matchesWildcard(v, p), negated: true },
  ArnNotLike: { compare: (v, p) => matchesWildcard(v, p), negated: true },
  Bool: { compare: (v, p) => v.toLowerCase() === p.toLowerCase(), negated: false },
};

interface ParsedOperator {
  set: 'ForAnyValue' | 'ForAllValues' | undefined;
  name: string;
  ifExists: boolean;
}

function parseOperator(written: string): ParsedOperator {
  const [prefix, rest] = written.includes(':') ? (written.split(':', 2) as [string, string]) : [undefined, written];
  const set = prefix === 'ForAnyValue' || prefix === 'ForAllValues' ? prefix : undefined;
  const body = set ? rest : written;
  const ifExists = body.endsWith('IfExists');
  return { set, name: ifExists ? body.slice(0, -'IfExists'.length) : body, ifExists };
}

/** The request's values for `key` (condition keys are case-insensitive), or undefined when absent. */
function lookup(context: RequestContext, key: string): string[] | undefined {
  const wanted = key.toLowerCase();
  for (const [name, value] of Object.entries(context)) {
    if (name.toLowerCase() !== wanted || value === undefined) continue;
    if (typeof value === 'boolean') return [String(value)];
    return typeof value === 'string' ? [value] : [...value];
  }
  return undefined;
}

/**
 * One operator block: every key in it must match (AND); for a key, any of the policy's values may
 * match (OR). Missing keys follow IAM: false, except for `...IfExists`, negated operators, `Null`
 * and `ForAllValues:` (vacuously true on an empty set).
 */
export function evaluateConditionBlock(block: ConditionBlock, context: RequestContext): ConditionOutcome {
  const operator = parseOperator(block.operator);
  for (const { key, values } of block.entries) {
    const failure = evaluateKey(operator, block.operator, key, values, lookup(context, key));
    if (failure) return { matched: false, reason: failure };
  }
  return { matched: true, reason: undefined };
}

/** Undefined when the key's test passes, else why it failed. */
function evaluateKey(
  operator: ParsedOperator,
  written: string,
  key: string,
  policyValues: readonly string[],
  requestValues: readonly string[] | undefined,
): string | undefined {
  const shown = JSON.stringify(policyValues.length === 1 ? policyValues[0] : policyValues);
  if (operator.name === 'Null') {
    const absent = requestValues === undefined || requestValues.length === 0;
    return policyValues.some((p) => (p.toLowerCase() === 'true') === absent)
      ? undefined
      : `${written} ${key}: the key is ${absent ? 'absent' : 'present'}, the policy wants ${shown}`;
  }
  const base = BASE_OPERATORS[operator.name];
  if (!base) return `${written} is an operator Liaison does not evaluate, so it cannot be shown to match`;
  const matchesOne = (value: string): boolean => {
    const any = policyValues.some((p) => base.compare(value, p));
    return base.negated ? !any : any;
  };
  if (requestValues === undefined || requestValues.length === 0) {
    if (operator.set === 'ForAllValues' || operator.ifExists || (base.negated && operator.set === undefined)) {
      return undefined;
    }
    return `${written} ${key}: the request has no ${key}`;
  }
  const ok = operator.set === 'ForAllValues' ? requestValues.every(matchesOne) : requestValues.some(matchesOne);
  if (ok) return undefined;
  const got = requestValues.length === 1 ? JSON.stringify(requestValues[0]) : JSON.stringify(requestValues);
  const relation = base.negated ? 'is excluded by' : 'does not match';
  return `${written} ${key}: the request's ${got} ${relation} ${shown}`;
}
