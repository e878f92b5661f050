import { describe, expect, it } from 'vitest';
import { formatDuration } from './format-duration';

describe('formatDuration', () => {
  it('keeps axis labels short in the unit that fits', () => {
    expect(formatDuration(0)).toBe('0 ms');
    expect(formatDuration(850)).toBe('850 ms');
    expect(formatDuration(999.6)).toBe('1 s');
    expect(formatDuration(119_990)).toBe('2 min');
    expect(formatDuration(1000)).toBe('1 s');
    expect(formatDuration(62_345)).toBe('62.3 s');
    expect(formatDuration(60_000)).toBe('60 s');
    expect(formatDuration(125_000)).toBe('2.1 min');
  });

  it('never prints NaN', () => {
    expect(formatDuration(Number.NaN)).toBe('0 ms');
  });
});
