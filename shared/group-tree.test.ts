import { describe, expect, it } from 'vitest';
import { buildGroupRows } from './group-tree';
import type { Group } from './model';

const at = '2026-11-21T10:00:00.000Z';
const group = (id: string, name: string): Group => ({ id, name, description: '', createdAt: at, updatedAt: at });
const A = 'a'.repeat(40);
const B = 'b'.repeat(40);
const S1 = '1'.repeat(16);
const S2 = '2'.repeat(16);

describe('buildGroupRows', () => {
  it('nests children under parents, siblings by name', () => {
    const rows = buildGroupRows([
      group(`${A}/${S2}`, 'zeta'),
      group(B, 'Beta'),
      group(A, 'Alpha'),
      group(`${A}/${S1}`, 'eta'),
    ]);
    expect(rows.map((r) => [r.group.name, r.depth, r.childCount])).toEqual([
      ['Alpha', 0, 2],
      ['eta', 1, 0],
      ['zeta', 1, 0],
      ['Beta', 0, 0],
    ]);
    expect(rows.every((r) => r.detachedFrom === undefined)).toBe(true);
  });

  it('hangs a group whose parent is unregistered under its nearest registered ancestor, marked detached', () => {
    const rows = buildGroupRows([
      group(A, 'Alpha'),
      group(`${A}/${S1}/${S2}`, 'grandchild'),
      group(`${B}/${S1}`, 'lone'),
    ]);
    expect(rows.map((r) => [r.group.name, r.depth, r.detachedFrom])).toEqual([
      ['Alpha', 0, undefined],
      ['grandchild', 1, `${A}/${S1}`],
      ['lone', 0, B],
    ]);
  });

  it('returns nothing for nothing', () => {
    expect(buildGroupRows([])).toEqual([]);
  });
});
