import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ancestorUidps, parentUidp, uidpSchema, UIDP_PATTERN } from './validation';

const hex = (length: number) =>
  fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: length, maxLength: length });
const uidp = fc.tuple(hex(40), fc.array(hex(16), { maxLength: 4 })).map(([root, rest]) => [root, ...rest].join('/'));

describe('UIDP', () => {
  it('accepts every well-formed id and trims pasted whitespace', () => {
    fc.assert(fc.property(uidp, (id) => uidpSchema.parse(`  ${id}\n`) === id));
  });

  it('accepts upper-case hex and gives the id in lower case', () => {
    expect(uidpSchema.parse(` ${'AB12'.repeat(10)}/${'C0FFEE00'.repeat(2)} `)).toBe(
      `${'ab12'.repeat(10)}/${'c0ffee00'.repeat(2)}`,
    );
  });

  it('rejects anything the pattern does not match', () => {
    fc.assert(
      fc.property(fc.string(), (raw) => {
        const trimmed = raw.trim();
        expect(uidpSchema.safeParse(raw).success).toBe(UIDP_PATTERN.test(trimmed.toLowerCase()));
      }),
    );
    for (const bad of [
      'g'.repeat(40),
      'a'.repeat(39),
      `${'a'.repeat(40)}/`,
      `${'a'.repeat(40)}/${'b'.repeat(17)}`,
      `/${'a'.repeat(40)}`,
    ]) {
      expect(uidpSchema.safeParse(bad).success).toBe(false);
    }
  });

  it('walks ancestors nearest first', () => {
    fc.assert(
      fc.property(uidp, (id) => {
        const ancestors = ancestorUidps(id);
        expect(ancestors.length).toBe(id.split('/').length - 1);
        expect(ancestors[0]).toBe(parentUidp(id));
        for (const ancestor of ancestors) expect(id.startsWith(`${ancestor}/`)).toBe(true);
      }),
    );
  });
});
