import { hclCommentText, hclString } from './hcl-escape';
import type { HclAttribute, HclBlock, HclBodyItem, HclExpression } from './hcl-syntax';

const INDENT = '  ';

/** Terraform's identifier rule for block types, attribute names and reference steps. */
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_-]*$/;

/**
 * Renders a file body exactly as `terraform fmt` would lay it out: two-space indents, `=` aligned
 * across each run of consecutive single-line attributes, and one trailing newline. Layout facts were
 * checked against `terraform fmt` 1.11 and are pinned by the golden-file test that runs it.
 */
export function renderHcl(body: readonly HclBodyItem[]): string {
  return renderBody(body, 0).join('\n') + '\n';
}

function renderBody(items: readonly HclBodyItem[], depth: number): string[] {
  const lines: string[] = [];
  const widths = alignmentWidths(items);
  items.forEach((item, index) => {
    const pad = INDENT.repeat(depth);
    switch (item.kind) {
      case 'blank':
        lines.push('');
        return;
      case 'comment': {
        const text = hclCommentText(item.text);
        lines.push(text === '' ? `${pad}#` : `${pad}# ${text}`);
        return;
      }
      case 'block':
        lines.push(...renderBlock(item, depth));
        return;
      case 'attribute':
        lines.push(...renderAttribute(item, depth, widths[index] ?? item.name.length));
    }
  });
  return lines;
}

/**
 * fmt aligns `=` over a run of single-line attributes; a blank line, a comment, a nested block or an
 * attribute whose value spans lines ends the run (and the multi-line one is not padded).
 */
function alignmentWidths(items: readonly HclBodyItem[]): (number | undefined)[] {
  const widths: (number | undefined)[] = items.map(() => undefined);
  let run: number[] = [];
  const closeRun = () => {
    const width = Math.max(0, ...run.map((index) => (items[index] as HclAttribute).name.length));
    for (const index of run) widths[index] = width;
    run = [];
  };
  items.forEach((item, index) => {
    if (item.kind === 'attribute' && isSingleLine(item.value)) {
      run.push(index);
    } else {
      closeRun();
    }
  });
  closeRun();
  return widths;
}

function renderBlock(block: HclBlock, depth: number): string[] {
  const pad = INDENT.repeat(depth);
  const head = [identifier(block.type), ...block.labels.map(hclString)].join(' ');
  if (block.body.length === 0) return [`${pad}${head} {}`];
  return [`${pad}${head} {`, ...renderBody(block.body, depth + 1), `${pad}}`];
}

function renderAttribute(attribute: HclAttribute, depth: number, width: number): string[] {
  const pad = INDENT.repeat(depth);
  const [first = '', ...rest] = renderExpression(attribute.value, depth);
  return [`${pad}${identifier(attribute.name).padEnd(width)} = ${first}`, ...rest];
}

/** Lists of one plain item stay on one line (the seed's `["$GROUP"]`); longer lists get a line per item. */
function isSingleLine(expression: HclExpression): boolean {
  switch (expression.kind) {
    case 'string':
    case 'number':
    case 'reference':
      return true;
    case 'list':
      return expression.items.length <= 1 && expression.items.every(isSingleLine);
    case 'object':
      return expression.entries.length === 0;
  }
}

/** The expression's lines; the first continues the attribute's line, the rest are fully indented. */
function renderExpression(expression: HclExpression, depth: number): string[] {
  switch (expression.kind) {
    case 'string':
      return [hclString(expression.value)];
    case 'number':
      return [String(expression.value)];
    case 'reference':
      return [expression.traversal.map(identifier).join('.')];
    case 'list':
      return renderList(expression.items, depth);
    case 'object':
      if (expression.entries.length === 0) return ['{}'];
      return ['{', ...renderBody(expression.entries, depth + 1), `${INDENT.repeat(depth)}}`];
  }
}

function renderList(items: readonly HclExpression[], depth: number): string[] {
  if (isSingleLine({ kind: 'list', items })) {
    return [`[${items.map((item) => renderExpression(item, depth)[0] ?? '').join(', ')}]`];
  }
  const pad = INDENT.repeat(depth + 1);
  const lines = ['['];
  for (const item of items) {
    const [first = '', ...rest] = renderExpression(item, depth + 1);
    lines.push(`${pad}${first}`, ...rest);
    lines[lines.length - 1] += ',';
  }
  lines.push(`${INDENT.repeat(depth)}]`);
  return lines;
}

function identifier(name: string): string {
  if (!IDENTIFIER.test(name)) throw new Error(`"${name}" is not an HCL identifier`);
  return name;
}
