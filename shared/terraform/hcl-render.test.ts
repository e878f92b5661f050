import { describe, expect, it } from 'vitest';
import { renderHcl } from './hcl-render';
import { attr, blank, block, comment, list, object, ref, str } from './hcl-syntax';

describe('renderHcl', () => {
  it('aligns = across a run of single-line attributes, as terraform fmt does', () => {
    const text = renderHcl([block('module', ['m'], [attr('source', str('s')), attr('version', str('1'))])]);
    expect(text).toBe('module "m" {\n  source  = "s"\n  version = "1"\n}\n');
  });

  it('ends a run at a blank line, a comment, a block and a multi-line value', () => {
    const text = renderHcl([
      attr('a', str('1')),
      comment('c'),
      attr('bbb', str('2')),
      attr('cc', list([str('x'), str('y')])),
      attr('d', str('3')),
      attr('eeee', str('4')),
      block('inner', [], []),
      attr('f', str('5')),
      blank,
      attr('gg', str('6')),
    ]);
    expect(text).toBe(
      [
        'a = "1"',
        '# c',
        'bbb = "2"',
        'cc = [',
        '  "x",',
        '  "y",',
        ']',
        'd    = "3"',
        'eeee = "4"',
        'inner {}',
        'f = "5"',
        '',
        'gg = "6"',
        '',
      ].join('\n'),
    );
  });

  it('keeps a one-item list on one line and writes longer lists one item per line', () => {
    expect(renderHcl([attr('one', list([str('a')])), attr('none', list([]))])).toBe('one  = ["a"]\nnone = []\n');
  });

  it('writes objects with aligned keys and references unquoted', () => {
    const text = renderHcl([
      block('module', ['m'], [attr('providers', object([attr('aws', ref('aws', 'us_east_1')), attr('b', str('x'))]))]),
    ]);
    expect(text).toBe('module "m" {\n  providers = {\n    aws = aws.us_east_1\n    b   = "x"\n  }\n}\n');
  });

  it('escapes block labels like any string', () => {
    expect(renderHcl([block('provider', ['a"b'], [])])).toBe('provider "a\\"b" {}\n');
  });

  it('refuses a name that is not an identifier instead of writing broken HCL', () => {
    expect(() => renderHcl([attr('bad name', str('x'))])).toThrow(/identifier/);
    expect(() => renderHcl([attr('x', ref('aws', 'us-east-1.x'))])).toThrow(/identifier/);
  });
});
