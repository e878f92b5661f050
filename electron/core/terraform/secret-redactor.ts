export const REDACTED = '[redacted]';

/**
 * Replaces every occurrence of the given secret values in a line, as written and as JSON would escape
 * them (Go escapes `<`, `>` and `&` as \u003c…, and `/` may appear as `\/`). Exact values rather than
 * patterns: Liaison knows each secret it hands Terraform, and patterns would also hide resource ids.
 */
export function createSecretRedactor(secrets: readonly string[]): (line: string) => string {
  const forms = new Set<string>();
  for (const secret of secrets) {
    if (secret.length < 4) continue;
    const json = JSON.stringify(secret).slice(1, -1);
    forms.add(secret);
    forms.add(json);
    forms.add(json.replaceAll('/', '\\/'));
    forms.add(json.replaceAll('<', '\\u003c').replaceAll('>', '\\u003e').replaceAll('&', '\\u0026'));
  }
  const ordered = [...forms].sort((a, b) => b.length - a.length);
  if (ordered.length === 0) return (line) => line;
  return (line) => {
    let result = line;
    for (const form of ordered) {
      if (result.includes(form)) result = result.replaceAll(form, REDACTED);
    }
    return result;
  };
}
