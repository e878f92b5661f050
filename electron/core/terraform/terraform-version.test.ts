import { describe, expect, it } from 'vitest';
import { meetsMinimum, parseVersion } from './terraform-version';

describe('terraform versions', () => {
  it('parses release, v-prefixed and pre-release versions', () => {
    expect(parseVersion('1.11.4')).toEqual([1, 11, 4]);
    expect(parseVersion('v1.6.0-beta1')).toEqual([1, 6, 0]);
    expect(parseVersion('Terraform v1.0')).toBeUndefined();
  });

  it('compares numerically, not as text', () => {
    expect(meetsMinimum('1.11.4', '1.3.0')).toBe(true);
    expect(meetsMinimum('1.3.0', '1.3.0')).toBe(true);
    expect(meetsMinimum('1.2.9', '1.3.0')).toBe(false);
    expect(meetsMinimum('0.15.5', '1.3.0')).toBe(false);
    expect(meetsMinimum('2.0.0', '1.30.0')).toBe(true);
    expect(meetsMinimum('garbage', '1.3.0')).toBe(false);
  });
});
