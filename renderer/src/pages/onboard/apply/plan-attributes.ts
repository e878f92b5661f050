/** Shown where Terraform will only know a value once it applies. */
export const KNOWN_AFTER_APPLY = '(known after apply)';

/** An IAM policy (AWS) or binding document inside a string attribute, worth showing as a document. */
function policyDocument(value: string): unknown {
  const trimmed = value.trim();
  if (!trimmed.startsWith('{')) return undefined;
  try {
    const parsed = JSON.parse(trimmed) as unknown;
    if (typeof parsed === 'object' && parsed !== null && ('Statement' in parsed || 'bindings' in parsed)) return parsed;
  } catch {
    // Not JSON after all: shown as the string it is.
  }
  return undefined;
}

/** The value with policy documents parsed and unknown values marked, ready to pretty-print. */
export function readableAttributes(value: unknown, unknown: unknown): unknown {
  if (unknown === true) return KNOWN_AFTER_APPLY;
  if (typeof value === 'string') return policyDocument(value) ?? value;
  if (Array.isArray(value)) {
    const unknowns = Array.isArray(unknown) ? unknown : [];
    return value.map((item, index) => readableAttributes(item, unknowns[index]));
  }
  if (typeof value === 'object' && value !== null) {
    const unknowns = typeof unknown === 'object' && unknown !== null ? (unknown as Record<string, unknown>) : {};
    const keys = new Set([...Object.keys(value), ...Object.keys(unknowns).filter((key) => unknowns[key] === true)]);
    return Object.fromEntries(
      [...keys].sort().map((key) => [key, readableAttributes((value as Record<string, unknown>)[key], unknowns[key])]),
    );
  }
  if ((value === null || value === undefined) && typeof unknown === 'object' && unknown !== null) {
    return readableAttributes({}, unknown);
  }
  return value;
}

/** Pretty-printed JSON of a change's attributes (two-space indent, keys sorted). */
export function formatAttributes(value: unknown, unknown: unknown): string {
  return JSON.stringify(readableAttributes(value, unknown), null, 2) ?? 'null';
}
