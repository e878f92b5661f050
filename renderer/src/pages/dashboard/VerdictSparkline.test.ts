import { describe, expect, it } from 'vitest';
import { barsPath } from './VerdictSparkline';

interface Box {
  x: number;
  top: number;
  width: number;
  height: number;
}

/** The boxes a path draws: each a move, then right, down and back left, closed. */
const boxes = (path: string): Box[] =>
  [...path.matchAll(/M([\d.]+) ([\d.]+)h([\d.]+)v([\d.]+)h(-[\d.]+)z/g)].map((m) => {
    const [x, top, width, height, back] = m.slice(1).map(Number) as [number, number, number, number, number];
    expect(back).toBe(-width);
    return { x, top, width, height };
  });

describe('barsPath', () => {
  const verdicts = ['success', 'failing', 'configured', 'error'] as const;

  it('draws one box per verdict of its colour, in its slot, standing on the baseline', () => {
    const healthy = boxes(barsPath(verdicts, false));
    const broken = boxes(barsPath(verdicts, true));
    expect(healthy.map((box) => box.x)).toEqual([0.5, 6.5]);
    expect(broken.map((box) => box.x)).toEqual([3.5, 9.5]);
    for (const box of [...healthy, ...broken]) {
      expect(box.width).toBe(2);
      expect(box.top + box.height).toBe(28);
    }
  });

  it('makes healthier verdicts taller: success full height, failing the stub', () => {
    const [success, configured] = boxes(barsPath(verdicts, false)).map((box) => box.height);
    const [failing, error] = boxes(barsPath(verdicts, true)).map((box) => box.height);
    expect(success).toBe(28);
    expect(failing).toBe(3);
    expect(configured).toBeGreaterThan(error ?? Infinity);
    expect(error).toBeGreaterThan(failing ?? Infinity);
  });

  it('draws nothing for a colour with no verdicts', () => {
    expect(barsPath(['success', 'configured'], true)).toBe('');
  });
});
