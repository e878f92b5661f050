import { Box } from '@mui/material';
import type { CheckVerdict } from '../../../../shared/contract/checks';
import { describeTrend, VERDICT_LEVEL } from './verdict-trend';

const WIDTH = 120;
const HEIGHT = 28;
const SLOTS = 30;
const SLOT = WIDTH / SLOTS;
const MAX_LEVEL = Math.max(...Object.values(VERDICT_LEVEL));

/**
 * The last 30 verdicts as bars (higher is healthier), with the same trend in words for assistive tech.
 * Plain SVG on purpose: one chart component per visible row made every filter keystroke re-mount
 * a dozen chart containers; 30 rects cost nothing.
 */
export function VerdictSparkline({ verdicts }: { verdicts: readonly CheckVerdict[] }) {
  const label = describeTrend(verdicts);
  if (verdicts.length === 0) return <span>—</span>;
  const shown = verdicts.slice(-SLOTS);
  return (
    <Box
      component="svg"
      role="img"
      aria-label={label}
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      width={WIDTH}
      height={HEIGHT}
      sx={{ display: 'block', color: 'primary.main' }}
    >
      <title>{label}</title>
      {shown.map((verdict, index) => {
        const height = 3 + ((HEIGHT - 3) * VERDICT_LEVEL[verdict]) / MAX_LEVEL;
        return (
          <rect
            key={index}
            x={index * SLOT + 0.5}
            y={HEIGHT - height}
            width={SLOT - 1}
            height={height}
            fill={
              verdict === 'failing' || verdict === 'error' ? 'var(--mui-palette-error-main, #d32f2f)' : 'currentColor'
            }
          />
        );
      })}
    </Box>
  );
}
