import { describe, expect, it } from 'vitest';
import { highlightHcl } from './hcl-highlight';

describe('highlightHcl', () => {
  const source = '# head\nmodule "m" {\n  source  = "a\\"b # not a comment"\n  list = ["x"]\n}\n';

  it('gives back the exact source when its tokens are joined', () => {
    expect(
      highlightHcl(source)
        .map((token) => token.text)
        .join(''),
    ).toBe(source);
  });

  it('tells comments, keywords, attribute names and strings apart', () => {
    const tokens = highlightHcl(source);
    const of = (kind: string) => tokens.filter((token) => token.kind === kind).map((token) => token.text.trim());
    expect(of('comment')).toEqual(['# head']);
    expect(of('keyword')).toEqual(['module']);
    expect(of('attribute')).toEqual(['source', 'list']);
    expect(of('string')).toEqual(['"m"', '"a\\"b # not a comment"', '"x"']);
  });
});
