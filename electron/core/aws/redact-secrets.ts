const REDACTED = '[redacted]';
const MAX_LENGTH = 2000;

const SECRET_NAME = String.raw`[\w.-]*(?:secret|token|password|passwd|pwd|credential|private[_-]?key|api[_-]?key|session)[\w.-]*`;
/** `name = value` and `"Name": "value"` where the name says it holds a secret. */
const SECRET_ASSIGNMENT = new RegExp(String.raw`(["']?${SECRET_NAME}["']?\s*[:=]\s*["']?)([^\s"',;}]+)`, 'gi');
/** `--name value` command-line flags with such a name. */
const SECRET_FLAG = new RegExp(String.raw`(--${SECRET_NAME}\s+)([^\s"',;}]+)`, 'gi');
const ACCESS_KEY_ID = /\b(?:AKIA|ASIA|AROA|AIDA|ABIA|ACCA|AGPA|ANPA|ANVA|APKA|ASCA)[A-Z0-9]{12,}\b/g;
const BEARER = /\b(Bearer|Basic)\s+[\w.~+/=-]+/gi;
const JWT = /\beyJ[\w-]{5,}\.[\w-]{5,}\.[\w-]*/g;
// 32+ characters of key material mixing letters and digits: secret keys, session tokens, client secrets.
const LONG_OPAQUE = /[A-Za-z0-9+/=_-]{32,}/g;

/**
 * `token: not logged in` is a sentence, not an assignment: an unquoted value after a colon, of
 * lower-case letters, followed by another word. Hiding it ("getting token: [redacted] logged in") hid
 * the one thing to act on. `name=value` is always an assignment.
 */
function isProse(name: string, value: string, rest: string): boolean {
  return /:\s*$/.test(name) && /^[a-z]+$/.test(value) && /^ +[a-z]/.test(rest);
}

/**
 * Removes anything that looks like a credential from text shown to the operator or logged (a
 * credential_process's stderr, say), and caps its length. Errs on the side of hiding too much.
 */
export function redactSecrets(text: string): string {
  const capped = text.length > MAX_LENGTH ? `${text.slice(0, MAX_LENGTH)}… (truncated)` : text;
  return capped
    .replace(JWT, REDACTED)
    .replace(BEARER, (_match, scheme: string) => `${scheme} ${REDACTED}`)
    .replace(SECRET_ASSIGNMENT, (match, name: string, value: string, offset: number, whole: string) =>
      isProse(name, value, whole.slice(offset + match.length)) ? match : `${name}${REDACTED}`,
    )
    .replace(SECRET_FLAG, (_match, name: string) => `${name}${REDACTED}`)
    .replace(ACCESS_KEY_ID, (match) => `${match.slice(0, 4)}…${REDACTED}`)
    .replace(LONG_OPAQUE, (match) => (/\d/.test(match) && /[A-Za-z]/.test(match) ? REDACTED : match));
}
