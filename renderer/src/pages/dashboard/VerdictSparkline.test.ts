import { describe, expect, it } from 'vitest';
import type { CheckVerdict } from '../../../../shared/contract/checks';
import { trendCells } from './VerdictSparkline';

describe('trendCells', () => {
  it('draws a single check as one wide cell with its verdict and a tooltip', () => {
    const [cell, ...rest] = trendCells(['failing']);
    expect(rest).toEqual([]);
    expect(cell).toMatchObject({ x: 0, width: 12, verdict: 'failing', title: 'Check 1 of 1 (latest): Failing' });
    // Even the lowest verdict is a cell, not a speck: at least 12 of the 28 px.
    expect(cell?.height).toBeGreaterThanOrEqual(12);
  });

  it('fits 30 checks in the width, one cell each, oldest first, without overlap', () => {
    const verdicts: CheckVerdict[] = Array.from({ length: 40 }, (_, i) => (i % 5 === 0 ? 'failing' : 'configured'));
    const cells = trendCells(verdicts);
    expect(cells).toHaveLength(30);
    expect(cells.map((cell) => cell.verdict)).toEqual(verdicts.slice(-30));
    for (const [index, cell] of cells.entries()) {
      expect(cell.width).toBeGreaterThanOrEqual(2);
      if (index > 0) expect(cell.x).toBeGreaterThan(cells[index - 1]!.x + cells[index - 1]!.width);
    }
    const last = cells.at(-1)!;
    expect(last.x + last.width).toBeLessThanOrEqual(90 + 1e-9);
    expect(last.title).toBe('Check 30 of 30 (latest): Configured');
  });

  it('stands healthier verdicts taller, all on the baseline', () => {
    const cells = trendCells(['success', 'configured', 'needs-sign-in', 'error', 'failing']);
    const heights = cells.map((cell) => cell.height);
    expect([...heights].sort((a, b) => b - a)).toEqual(heights);
    for (const cell of cells) expect(cell.y + cell.height).toBe(28);
  });
});
