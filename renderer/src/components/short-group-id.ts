/**
 * A group id short enough for a table cell that still shows what it is: the root's start, and for
 * a child the `/` and the start of its own segment (`3f2a1b…/9c1b2d3e…`), so a child never reads as
 * a root. The whole id goes in the title and the copy button.
 */
export function shortGroupId(id: string): string {
  const cut = id.lastIndexOf('/');
  if (cut === -1) return `${id.slice(0, 12)}…`;
  const depth = id.split('/').length - 1;
  return `${id.slice(0, 6)}…${'/…'.repeat(depth - 1)}/${id.slice(cut + 1, cut + 9)}…`;
}
