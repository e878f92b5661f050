/** What a key pressed on a focused row of a virtualized table does. */
export type RowKeyAction = { kind: 'move'; index: number } | { kind: 'toggle' } | { kind: 'open' };

/** Rows one Page Up/Down moves in a scroll container of this height: a page less one row, at least 1. */
export function rowsPerPage(scrollHeight: number | undefined, rowHeight: number): number {
  return Math.max(1, Math.floor((scrollHeight ?? rowHeight * 10) / rowHeight) - 1);
}

/**
 * The keyboard of the virtualized tables (Profiles, Dashboard), as in a data grid: arrows, Page Up/Down,
 * Home and End move the current row (the caller clamps and scrolls), Space toggles its selection and
 * Enter opens it. Any other key is left to the browser.
 */
export function rowKeyAction(key: string, current: number, count: number, pageRows: number): RowKeyAction | undefined {
  const moves: Record<string, number> = {
    ArrowDown: current + 1,
    ArrowUp: current - 1,
    PageDown: current + pageRows,
    PageUp: current - pageRows,
    Home: 0,
    End: count - 1,
  };
  const index = moves[key];
  if (index !== undefined) return { kind: 'move', index };
  if (key === ' ') return { kind: 'toggle' };
  if (key === 'Enter') return { kind: 'open' };
  return undefined;
}

/**
 * The row that takes Tab into a virtualized table: the current row while it is rendered, else the
 * first rendered one, so the table never drops out of the tab order when the current row is
 * scrolled (or filtered) out of the rendered window.
 */
export function tabbableRow(current: number, rendered: readonly { index: number }[]): number | undefined {
  return rendered.some((item) => item.index === current) ? current : rendered[0]?.index;
}
