/**
 * IAM's wildcard matching (`*` any run of characters, `?` exactly one), as StringLike and Action use
 * it. Written by hand: a regex built from the pattern would need escaping of every other character,
 * and this iterative matcher has no backtracking blow-up on patterns like `*a*a*a*b`.
 */
export function matchesWildcard(value: string, pattern: string, options: { ignoreCase?: boolean } = {}): boolean {
  const text = options.ignoreCase ? value.toLowerCase() : value;
  const glob = options.ignoreCase ? pattern.toLowerCase() : pattern;
  let t = 0;
  let p = 0;
  let starAt = -1;
  let resumeAt = 0;
  while (t < text.length) {
    const g = glob[p];
    if (g !== undefined && (g === '?' || (g !== '*' && g === text[t]))) {
      t += 1;
      p += 1;
    } else if (g === '*') {
      starAt = p;
      resumeAt = t;
      p += 1;
    } else if (starAt >= 0) {
      // Let the last star swallow one more character and try again from there.
      p = starAt + 1;
      resumeAt += 1;
      t = resumeAt;
    } else {
      return false;
    }
  }
  while (glob[p] === '*') p += 1;
  return p === glob.length;
}
