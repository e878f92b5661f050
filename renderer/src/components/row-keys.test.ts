import { describe, expect, it } from 'vitest';
import { rowKeyAction, rowsPerPage, tabbableRow } from './row-keys';

describe('rowKeyAction', () => {
  it('moves by one, by a page and to either end', () => {
    expect(rowKeyAction('ArrowDown', 4, 100, 9)).toEqual({ kind: 'move', index: 5 });
    expect(rowKeyAction('ArrowUp', 4, 100, 9)).toEqual({ kind: 'move', index: 3 });
    expect(rowKeyAction('PageDown', 4, 100, 9)).toEqual({ kind: 'move', index: 13 });
    expect(rowKeyAction('PageUp', 4, 100, 9)).toEqual({ kind: 'move', index: -5 });
    expect(rowKeyAction('Home', 40, 100, 9)).toEqual({ kind: 'move', index: 0 });
    expect(rowKeyAction('End', 4, 100, 9)).toEqual({ kind: 'move', index: 99 });
  });

  it('toggles on Space, opens on Enter and leaves every other key alone', () => {
    expect(rowKeyAction(' ', 0, 3, 1)).toEqual({ kind: 'toggle' });
    expect(rowKeyAction('Enter', 0, 3, 1)).toEqual({ kind: 'open' });
    expect(rowKeyAction('Tab', 0, 3, 1)).toBeUndefined();
    expect(rowKeyAction('a', 0, 3, 1)).toBeUndefined();
  });
});

describe('rowsPerPage', () => {
  it('is a page of rows less one, never below one', () => {
    expect(rowsPerPage(480, 48)).toBe(9);
    expect(rowsPerPage(30, 48)).toBe(1);
    expect(rowsPerPage(undefined, 48)).toBe(9);
  });
});

describe('tabbableRow', () => {
  const rendered = [{ index: 40 }, { index: 41 }, { index: 42 }];
  it('is the current row while it is rendered, else the first rendered row', () => {
    expect(tabbableRow(41, rendered)).toBe(41);
    expect(tabbableRow(3, rendered)).toBe(40);
    expect(tabbableRow(0, [])).toBeUndefined();
  });
});
