/** The lines drawn left of one row's name, one column per level above it. */
export interface TreeGuide {
  /** For each column left of the row's own connector: does an ancestor's line pass through this row? */
  through: boolean[];
  /** Whether a later sibling follows (the connector continues down, ├) or not (it ends here, └). */
  hasNextSibling: boolean;
}

/** Tree-drawing guides for rows already in depth-first order (as `buildGroupRows` returns them). */
export function treeGuides(rows: readonly { depth: number }[]): TreeGuide[] {
  const guides: TreeGuide[] = new Array<TreeGuide>(rows.length);
  // laterAtDepth[d]: some row further down sits at depth d with nothing shallower in between.
  let laterAtDepth: boolean[] = [];
  for (let index = rows.length - 1; index >= 0; index--) {
    const depth = rows[index]?.depth ?? 0;
    const through = Array.from({ length: Math.max(depth - 1, 0) }, (_, column) => laterAtDepth[column + 1] === true);
    guides[index] = { through, hasNextSibling: laterAtDepth[depth] === true };
    laterAtDepth = laterAtDepth.slice(0, depth);
    laterAtDepth[depth] = true;
  }
  return guides;
}
