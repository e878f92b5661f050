import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COMMENT_TEXT_MAX, hclCommentText, hclString } from './hcl-escape';
import { parseHcl } from '../../test-support/terraform-files/parse-hcl';

/** Strings rich in what HCL treats specially, mixed with anything at all. */
const hostileString = fc.oneof(
  fc.string({ unit: fc.constantFrom('$', '%', '{', '}', '"', '\\', '\n', '\r', '\t', '\u0000', 'a', 'é', '😀') }),
  fc.string({ unit: 'binary' }),
);

const isNfc = (value: string) => value.normalize('NFC') === value;

describe('hclString', () => {
  it.each([
    ['plain', '"plain"'],
    ['say "hi"', '"say \\"hi\\""'],
    ['C:\\path', '"C:\\\\path"'],
    ['two\nlines\r\n', '"two\\nlines\\r\\n"'],
    ['tab\there', '"tab\\there"'],
    ['bell\u0007 del\u007f', '"bell\\u0007 del\\u007f"'],
    ['${var.secret}', '"$${var.secret}"'],
    ['%{ if true }x%{ endif }', '"%%{ if true }x%%{ endif }"'],
    ['$${already}', '"$$${already}"'],
    ['$ and % alone', '"$ and % alone"'],
    ['é 😀', '"é 😀"'],
  ])('writes %j as %s', (value, literal) => {
    expect(hclString(value)).toBe(literal);
  });

  it('refuses a lone surrogate, which no UTF-8 file can hold', () => {
    expect(() => hclString('a\uD800b')).toThrow(/surrogate/);
  });

  it('refuses text HCL would normalise to NFC on reading', () => {
    expect(() => hclString('\uF900')).toThrow(/NFC/);
    expect(() => hclString('e\u0301')).toThrow(/NFC/);
  });

  it('round-trips any NFC string through the HCL parser exactly', async () => {
    await fc.assert(
      fc.asyncProperty(hostileString.filter(isNfc), async (value) => {
        const parsed = await parseHcl(`value = ${hclString(value)}\n`);
        expect(parsed).toEqual({ value });
      }),
      { numRuns: 300 },
    );
  });
});

describe('hclCommentText', () => {
  it('flattens line breaks of every kind and bidi controls into single spaces', () => {
    expect(hclCommentText(' a\nb\r\nc\u2028d\u2029e\u0085f\u202eg\u0000h ')).toBe('a b c d e f g h');
  });

  it('cuts long text to the limit and marks the cut', () => {
    const text = hclCommentText('x'.repeat(COMMENT_TEXT_MAX * 2));
    expect(Array.from(text)).toHaveLength(COMMENT_TEXT_MAX);
    expect(text.endsWith('…')).toBe(true);
  });

  it('never lets free text out of its comment line', async () => {
    await fc.assert(
      fc.asyncProperty(hostileString, async (text) => {
        const line = `# ${hclCommentText(text)}`;
        expect(line).not.toMatch(/[\n\r\u2028\u2029\u0085]/);
        expect(await parseHcl(`${line}\nvalue = "kept"\n`)).toEqual({ value: 'kept' });
      }),
      { numRuns: 300 },
    );
  });
});
