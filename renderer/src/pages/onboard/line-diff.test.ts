import { describe, expect, it } from 'vitest';
import { diffLines } from './line-diff';

describe('diffLines', () => {
  it('shows a group added to a list as one added line among unchanged ones', () => {
    const before = 'group_ids = [\n  "a",\n]\n';
    const after = 'group_ids = [\n  "a",\n  "b",\n]\n';
    expect(diffLines(before, after)).toEqual([
      { kind: 'same', text: 'group_ids = [' },
      { kind: 'same', text: '  "a",' },
      { kind: 'added', text: '  "b",' },
      { kind: 'same', text: ']' },
    ]);
  });

  it('shows a replaced line as removed then added', () => {
    expect(diffLines('x\ny\n', 'x\nz\n')).toEqual([
      { kind: 'same', text: 'x' },
      { kind: 'removed', text: 'y' },
      { kind: 'added', text: 'z' },
    ]);
  });

  it('treats a missing file as empty', () => {
    expect(diffLines(null, 'a\n')).toEqual([{ kind: 'added', text: 'a' }]);
  });

  it('keeps the old and new files recoverable from the diff', () => {
    const before = 'a\nb\nc\nd\n';
    const after = 'b\nx\nd\ne\n';
    const lines = diffLines(before, after);
    const side = (kind: 'removed' | 'added') =>
      lines
        .filter((line) => line.kind !== kind)
        .map((line) => `${line.text}\n`)
        .join('');
    expect(side('added')).toBe(before);
    expect(side('removed')).toBe(after);
  });
});
