import { describe, expect, it } from 'vitest';
import { shortGroupId } from './short-group-id';

const root = 'ab12'.repeat(10);

describe('shortGroupId', () => {
  it('keeps a root id recognisable', () => {
    expect(shortGroupId(root)).toBe('ab12ab12ab12…');
  });

  it('keeps the slash of a child and of every level, and the child segment’s start', () => {
    expect(shortGroupId(`${root}/9c1b2d3e4f5a6b7c`)).toBe('ab12ab…/9c1b2d3e…');
    expect(shortGroupId(`${root}/1111111111111111/9c1b2d3e4f5a6b7c`)).toBe('ab12ab…/…/9c1b2d3e…');
  });
});
