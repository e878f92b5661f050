import type { CheckVerdict } from '../../../../shared/contract/checks';
import { describeTrend, VERDICT_LEVEL } from './verdict-trend';

const WIDTH = 90;
const HEIGHT = 28;
const SLOTS = 30;
const SLOT = WIDTH / SLOTS;
const MAX_LEVEL = Math.max(...Object.values(VERDICT_LEVEL));

/** The bars of one colour as a single path: "move, then a closed box" per verdict. */
export function barsPath(verdicts: readonly CheckVerdict[], broken: boolean): string {
  let path = '';
  verdicts.forEach((verdict, index) => {
    if ((verdict === 'failing' || verdict === 'error') !== broken) return;
    const height = 3 + ((HEIGHT - 3) * VERDICT_LEVEL[verdict]) / MAX_LEVEL;
    path += `M${index * SLOT + 0.5} ${HEIGHT - height}h${SLOT - 1}v${height}h${1 - SLOT}z`;
  });
  return path;
}

/**
 * The last 30 verdicts as bars (higher is healthier, broken ones red), with the same trend in words
 * for assistive tech. Plain SVG with two paths on purpose: a table shows a dozen of these and
 * mounts new ones on every filter keystroke; two elements cost less than thirty.
 */
export function VerdictSparkline({ verdicts }: { verdicts: readonly CheckVerdict[] }) {
  const label = describeTrend(verdicts);
  if (verdicts.length === 0) return <span>—</span>;
  const shown = verdicts.slice(-SLOTS);
  return (
    <svg
      role="img"
      aria-label={label}
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      width={WIDTH}
      height={HEIGHT}
      style={{ display: 'block', color: 'var(--mui-palette-primary-main, #1976d2)' }}
    >
      <title>{label}</title>
      <path d={barsPath(shown, false)} fill="currentColor" />
      <path d={barsPath(shown, true)} fill="var(--mui-palette-error-main, #d32f2f)" />
    </svg>
  );
}
