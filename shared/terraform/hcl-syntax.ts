/**
 * The small part of HCL's native syntax Liaison writes: attributes, blocks, `#` comments, and
 * expressions that are strings, lists, objects and references. Anything richer is deliberately absent.
 */
export type HclExpression =
  | { readonly kind: 'string'; readonly value: string }
  | { readonly kind: 'number'; readonly value: number }
  | { readonly kind: 'list'; readonly items: readonly HclExpression[] }
  | { readonly kind: 'object'; readonly entries: readonly HclAttribute[] }
  | { readonly kind: 'reference'; readonly traversal: readonly string[] };

export interface HclAttribute {
  readonly kind: 'attribute';
  readonly name: string;
  readonly value: HclExpression;
}

export interface HclBlock {
  readonly kind: 'block';
  readonly type: string;
  readonly labels: readonly string[];
  readonly body: readonly HclBodyItem[];
}

/** One `#` line; the text is free and gets sanitised to a single line when rendered. */
export interface HclComment {
  readonly kind: 'comment';
  readonly text: string;
}

export interface HclBlankLine {
  readonly kind: 'blank';
}

export type HclBodyItem = HclAttribute | HclBlock | HclComment | HclBlankLine;

export const str = (value: string): HclExpression => ({ kind: 'string', value });
/** A whole number literal (a role's `max_session_duration`). */
export const num = (value: number): HclExpression => {
  if (!Number.isSafeInteger(value)) throw new Error(`${value} is not a whole number`);
  return { kind: 'number', value };
};
export const list = (items: readonly HclExpression[]): HclExpression => ({ kind: 'list', items });
export const object = (entries: readonly HclAttribute[]): HclExpression => ({ kind: 'object', entries });
export const ref = (...traversal: string[]): HclExpression => ({ kind: 'reference', traversal });
export const attr = (name: string, value: HclExpression): HclAttribute => ({ kind: 'attribute', name, value });
export const block = (type: string, labels: readonly string[], body: readonly HclBodyItem[]): HclBlock => ({
  kind: 'block',
  type,
  labels,
  body,
});
export const comment = (text: string): HclComment => ({ kind: 'comment', text });
export const blank: HclBlankLine = { kind: 'blank' };

/** Comment lines for a paragraph of text, one `#` line each. */
export function comments(...lines: string[]): HclComment[] {
  return lines.map(comment);
}
