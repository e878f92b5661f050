import { describe, expect, it } from 'vitest';
import { childGroupIdError } from './group-field-validators';

const PARENT = '0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c';

describe('childGroupIdError', () => {
  it('accepts an id one level below the parent, in any case', () => {
    expect(childGroupIdError(PARENT, `${PARENT}/00112233aabbccdd`)).toBeUndefined();
    expect(childGroupIdError(PARENT, `${PARENT}/00112233AABBCCDD`)).toBeUndefined();
  });

  it('refuses an id under another group, two levels down, or not an id at all', () => {
    expect(childGroupIdError(PARENT, `${'a'.repeat(40)}/00112233aabbccdd`)).toMatch(/starts with 0f1e/);
    expect(childGroupIdError(PARENT, `${PARENT}/00112233aabbccdd/0011223344556677`)).toMatch(/starts with/);
    expect(childGroupIdError(PARENT, PARENT)).toMatch(/starts with/);
    expect(childGroupIdError(PARENT, 'not-an-id')).toMatch(/Group id must be 40 hex characters/);
  });
});
