export const REDACTED = '[redacted]';

/**
 * Keys whose values are secrets whatever they hold. Matched on the key with `_`/`-` removed and
 * lower-cased, anywhere in the key (`secretAccessKey`, `aws_session_token`, `idToken`, `x-api-key`…).
 */
const SECRET_KEY =
  /secret|token|password|passwd|passphrase|pwd|authorization|cookie|credential|privatekey|apikey|accesskey|clientsecret|signature|otp|mfacode|tokencode/;

/** Keys that look like a secret key but hold none: counts, flags and dates are worth keeping. */
const HARMLESS_KEY = /^(has|is)|count$|at$|expires|expiry|expiration|kind|type|source|configured|command$/;

// Value shapes, redacted wherever they appear inside any string. A library would be welcome here,
// but none of the maintained ones (e.g. pino's redact, fast-redact) looks at values, only at paths.
const AWS_ACCESS_KEY_ID = /\b(?:AKIA|ASIA|AROA|AIDA|ABIA|ACCA|AGPA|ANPA|ANVA|APKA|ASCA)[A-Z0-9]{12,}\b/g;
/** A 40-character AWS secret access key: base64 alphabet, mixed case. Lowercase hex (group ids, SHAs) stays. */
const AWS_SECRET =
  /(?<![A-Za-z0-9/+=])(?=[A-Za-z0-9/+]*[A-Z])(?=[A-Za-z0-9/+]*[a-z])[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=])/g;
/** STS and SSO session tokens, and any other long base64 blob: nothing in a log needs 100 of them. */
const LONG_BASE64 = /[A-Za-z0-9+/=_-]{100,}/g;
const JWT = /\beyJ[\w-]{4,}\.[\w-]{4,}\.[\w-]*/g;
const GOOGLE_ACCESS_TOKEN = /\bya29\.[\w.-]+/g;
const GOOGLE_REFRESH_TOKEN = /\b1\/\/[\w.-]{20,}/g;
const BEARER = /\b(Bearer|Basic)\s+[\w.~+/=-]+/gi;
const SECRET_NAME = String.raw`[\w.-]*(?:secret|token|password|passwd|pwd|credential|private[_-]?key|api[_-]?key|authorization)[\w.-]*`;
/** `name = value`, `"name": "value"` and `--name value` where the name says it holds a secret. */
const SECRET_ASSIGNMENT = new RegExp(String.raw`(["']?${SECRET_NAME}["']?\s*[:=]\s*["']?)([^\s"',;}]+)`, 'gi');
const SECRET_FLAG = new RegExp(String.raw`(--${SECRET_NAME}[\s=]+)([^\s"',;}]+)`, 'gi');

const MAX_DEPTH = 12;

/** Hides every secret-shaped part of a text: keys, session tokens, JWTs, Google tokens, bearer values. */
export function redactText(text: string): string {
  return text
    .replace(JWT, REDACTED)
    .replace(BEARER, (_match, scheme: string) => `${scheme} ${REDACTED}`)
    .replace(SECRET_ASSIGNMENT, (_match, name: string) => `${name}${REDACTED}`)
    .replace(SECRET_FLAG, (_match, name: string) => `${name}${REDACTED}`)
    .replace(GOOGLE_ACCESS_TOKEN, REDACTED)
    .replace(GOOGLE_REFRESH_TOKEN, REDACTED)
    .replace(LONG_BASE64, REDACTED)
    .replace(AWS_ACCESS_KEY_ID, (match) => `${match.slice(0, 4)}…${REDACTED}`)
    .replace(AWS_SECRET, REDACTED);
}

export function isSecretKey(key: string): boolean {
  const normalized = key.replace(/[_\-.\s]/g, '').toLowerCase();
  return SECRET_KEY.test(normalized) && !HARMLESS_KEY.test(normalized);
}

/**
 * A copy of `value` with every secret hidden, at any depth: values under secret-named keys are replaced
 * whole, every string is passed through `redactText`, errors keep their class name but get redacted
 * message, stack, cause and own properties. Cycles and very deep nesting are cut, never followed.
 */
export function redactValue(value: unknown): unknown {
  return redactAt(value, 0, new WeakSet());
}

function redactAt(value: unknown, depth: number, seen: WeakSet<object>): unknown {
  if (typeof value === 'string') return redactText(value);
  if (typeof value === 'bigint' || typeof value === 'symbol' || typeof value === 'function')
    return redactText(String(value));
  if (value === null || typeof value !== 'object') return value;
  if (seen.has(value)) return '[circular]';
  if (depth >= MAX_DEPTH) return '[too deep]';
  seen.add(value);
  try {
    if (value instanceof Error) return redactError(value, depth, seen);
    if (Array.isArray(value)) return value.map((item) => redactAt(item, depth + 1, seen));
    if (value instanceof Date) return value;
    if (value instanceof Map)
      return redactEntries(
        [...value.entries()].map(([k, v]) => [String(k), v]),
        depth,
        seen,
      );
    if (value instanceof Set) return [...value].map((item) => redactAt(item, depth + 1, seen));
    if (ArrayBuffer.isView(value)) return `[${value.constructor.name}]`;
    return redactEntries(Object.entries(value), depth, seen);
  } finally {
    seen.delete(value);
  }
}

function redactEntries(entries: [string, unknown][], depth: number, seen: WeakSet<object>): Record<string, unknown> {
  const copy: Record<string, unknown> = {};
  for (const [key, item] of entries) {
    copy[redactText(key)] = isSecretKey(key) && !isEmpty(item) ? REDACTED : redactAt(item, depth + 1, seen);
  }
  return copy;
}

function isEmpty(value: unknown): boolean {
  return value === undefined || value === null || value === '' || typeof value === 'boolean';
}

function redactError(error: Error, depth: number, seen: WeakSet<object>): Error {
  const copy = new Error(redactText(error.message));
  copy.name = redactText(error.name);
  copy.stack = error.stack === undefined ? undefined : redactText(error.stack);
  const props = redactEntries(
    Object.entries(error).filter(([key]) => key !== 'message' && key !== 'stack' && key !== 'name'),
    depth,
    seen,
  );
  Object.assign(copy, props);
  if (error.cause !== undefined) copy.cause = redactAt(error.cause, depth + 1, seen);
  return copy;
}
