export type HclTokenKind = 'comment' | 'string' | 'keyword' | 'attribute' | 'punctuation' | 'text';

export interface HclToken {
  kind: HclTokenKind;
  text: string;
}

/*
 * A small tokenizer for the HCL Liaison generates (comments, quoted strings, block keywords,
 * attribute names): enough to colour a preview. Hand-written because no highlighter is installed
 * and the subset is tiny; concatenating the tokens always gives back the exact input.
 */
const BLOCK_KEYWORDS = new Set(['terraform', 'provider', 'module', 'required_providers', 'resource', 'data']);

const PATTERNS: readonly [HclTokenKind | 'word', RegExp][] = [
  ['comment', /#[^\n]*/y],
  ['string', /"(?:[^"\\\n]|\\.)*"?/y],
  ['word', /[A-Za-z_][A-Za-z0-9_-]*/y],
  ['punctuation', /[{}[\]=,.]/y],
];

export function highlightHcl(source: string): HclToken[] {
  const tokens: HclToken[] = [];
  let index = 0;
  let lineStart = true;
  while (index < source.length) {
    const match = matchAt(source, index);
    if (!match) {
      push(tokens, 'text', source[index] ?? '');
      if (source[index] === '\n') lineStart = true;
      index += 1;
      continue;
    }
    const [kind, text] = match;
    if (kind === 'word') {
      const rest = source.slice(index + text.length);
      if (lineStart && BLOCK_KEYWORDS.has(text)) push(tokens, 'keyword', text);
      else if (lineStart && /^\s*=/.test(rest)) push(tokens, 'attribute', text);
      else push(tokens, 'text', text);
    } else {
      push(tokens, kind, text);
    }
    lineStart = false;
    index += text.length;
  }
  return tokens;
}

function matchAt(source: string, index: number): [HclTokenKind | 'word', string] | undefined {
  for (const [kind, pattern] of PATTERNS) {
    pattern.lastIndex = index;
    const found = pattern.exec(source);
    if (found) return [kind, found[0]];
  }
  return undefined;
}

/** Merges runs of the same kind so the preview renders few spans. */
function push(tokens: HclToken[], kind: HclTokenKind, text: string): void {
  const last = tokens.at(-1);
  if (last && last.kind === kind) last.text += text;
  else tokens.push({ kind, text });
}
