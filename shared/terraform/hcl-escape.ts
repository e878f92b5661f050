/**
 * Escaping for HCL quoted strings and `#` comments. Ids are validated before they get here; this is
 * the second line of defence, so it must be right for any string at all.
 */

// HCL's own escapes for the characters people meet; other control characters use \uNNNN.
const NAMED_ESCAPES: Readonly<Record<string, string>> = {
  '"': '\\"',
  '\\': '\\\\',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
};

// eslint-disable-next-line no-control-regex
const NEEDS_ESCAPE = /["\\\u0000-\u001f\u007f]/g;

/** A surrogate without its partner cannot be written as UTF-8, so a file could not hold it. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * The HCL quoted-string literal for `value`: quotes, backslashes and control characters escaped, and
 * template introducers doubled (`${` → `$${`, `%{` → `%%{`) so nothing in a value is ever evaluated.
 * Throws for strings HCL would not hand back unchanged: a lone surrogate (no UTF-8 file can hold
 * it) or text not in Unicode NFC (HCL normalises string literals to NFC when it reads them).
 */
export function hclString(value: string): string {
  if (LONE_SURROGATE.test(value)) throw new Error('A string with an unpaired UTF-16 surrogate cannot be written');
  if (value.normalize('NFC') !== value) throw new Error('A string not in Unicode NFC would be read back changed');
  const escaped = value
    .replace(NEEDS_ESCAPE, (character) => NAMED_ESCAPES[character] ?? unicodeEscape(character))
    // Function replacers: in a replacement string `$$` would itself mean one literal `$`.
    .replaceAll('${', () => '$${')
    .replaceAll('%{', () => '%%{');
  return `"${escaped}"`;
}

function unicodeEscape(character: string): string {
  return `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

/** Line breaks of every kind, other controls, invisible formatting (bidi overrides) and lone surrogates. */
const UNSAFE_IN_COMMENT = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}\p{Co}\p{Cn}]/gu;

export const COMMENT_TEXT_MAX = 160;

/**
 * Free text made safe for one `#` comment line: everything that could end the line, hide text
 * (bidi controls) or fail to encode becomes a space; runs of spaces collapse; long text is cut.
 */
export function hclCommentText(text: string): string {
  const oneLine = text.replace(UNSAFE_IN_COMMENT, ' ').normalize('NFC').replace(/\s+/gu, ' ').trim();
  const characters = Array.from(oneLine);
  if (characters.length <= COMMENT_TEXT_MAX) return oneLine;
  return `${characters
    .slice(0, COMMENT_TEXT_MAX - 1)
    .join('')
    .trimEnd()}…`;
}
