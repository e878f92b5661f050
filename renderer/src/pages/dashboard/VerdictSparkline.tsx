import { CHECK_VERDICT_LABELS, type CheckVerdict } from '../../../../shared/contract/checks';
import { VERDICT_STYLE } from './VerdictChip';
import { describeTrend, VERDICT_LEVEL } from './verdict-trend';

const WIDTH = 90;
const HEIGHT = 28;
const SLOTS = 30;
/** A lone check is a cell as wide as a few, not a speck. */
const MAX_CELL = 12;
const MIN_CELL_HEIGHT = 12;
const MAX_LEVEL = Math.max(...Object.values(VERDICT_LEVEL));

export interface TrendCell {
  x: number;
  y: number;
  width: number;
  height: number;
  verdict: CheckVerdict;
  /** The tooltip: which check, oldest first, and its verdict. */
  title: string;
}

/**
 * One cell per check, oldest on the left, filling the width as the count grows (12 px each for a few,
 * 2 px each for 30): readable with 1 check as with 30. Healthier verdicts stand taller too, so the
 * trend does not rest on colour alone.
 */
export function trendCells(verdicts: readonly CheckVerdict[]): TrendCell[] {
  const shown = verdicts.slice(-SLOTS);
  const count = shown.length;
  if (count === 0) return [];
  const gap = count > 15 ? 1 : 2;
  const width = Math.min(MAX_CELL, (WIDTH - gap * (count - 1)) / count);
  return shown.map((verdict, index) => {
    const height = MIN_CELL_HEIGHT + ((HEIGHT - MIN_CELL_HEIGHT) * VERDICT_LEVEL[verdict]) / MAX_LEVEL;
    const latest = index === count - 1 ? ' (latest)' : '';
    return {
      x: index * (width + gap),
      y: HEIGHT - height,
      width,
      height,
      verdict,
      title: `Check ${index + 1} of ${count}${latest}: ${CHECK_VERDICT_LABELS[verdict]}`,
    };
  });
}

/**
 * The last 30 verdicts, one coloured cell per check with its own tooltip, and the same trend in
 * words for assistive tech (the cells are decorative to it).
 */
export function VerdictSparkline({ verdicts }: { verdicts: readonly CheckVerdict[] }) {
  const label = describeTrend(verdicts);
  if (verdicts.length === 0) return <span>—</span>;
  return (
    <svg role="img" aria-label={label} viewBox={`0 0 ${WIDTH} ${HEIGHT}`} width={WIDTH} height={HEIGHT}>
      {trendCells(verdicts).map((cell, index) => (
        <rect
          key={index}
          x={cell.x}
          y={cell.y}
          width={cell.width}
          height={cell.height}
          rx={1}
          fill={`var(--mui-palette-${VERDICT_STYLE[cell.verdict].color}-main)`}
        >
          <title>{cell.title}</title>
        </rect>
      ))}
    </svg>
  );
}
