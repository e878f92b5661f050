import { Box, Typography } from '@mui/material';
import { LineChart } from '@mui/x-charts/LineChart';
import { CHECK_VERDICT_LABELS, type CheckVerdict } from '../../../../shared/contract/checks';
import type { HistoryPoint } from '../../../../shared/contract/health';
import { formatAxisTime, formatExactTime } from '../../time/relative-time';
import { formatDuration } from '../../time/format-duration';
import { describeTrend, VERDICT_LEVEL } from '../dashboard/verdict-trend';

const LEVEL_LABEL = Object.fromEntries(
  Object.entries(VERDICT_LEVEL).map(([verdict, level]) => [level, CHECK_VERDICT_LABELS[verdict as CheckVerdict]]),
) as Record<number, string>;

/** Verdict (as a step line, healthier higher) and duration over time; the same facts in words below. */
export function HistoryChart({ history }: { history: readonly HistoryPoint[] }) {
  if (history.length === 0) return <Typography>No checks yet.</Typography>;
  const times = history.map((p) => new Date(p.startedAt));
  const first = times[0]?.getTime() ?? 0;
  const span = (times.at(-1)?.getTime() ?? 0) - first;
  // A line needs two points: one check is drawn as marks, on an axis a minute either side of it.
  const single = history.length === 1;
  const summary = `${describeTrend(history.map((p) => p.verdict))}. Latest: ${CHECK_VERDICT_LABELS[history.at(-1)?.verdict ?? 'error']}.`;
  return (
    <Box component="figure" sx={{ m: 0 }}>
      <Box role="img" aria-label={`Verdict and duration over time. ${summary}`}>
        <LineChart
          height={280}
          xAxis={[
            {
              data: times,
              scaleType: 'time',
              label: 'Checked at',
              // Checks seconds apart must not put a tick every few seconds: at most ~6, a minute apart.
              tickNumber: 6,
              tickMinStep: 60_000,
              ...(single ? { min: new Date(first - 60_000), max: new Date(first + 60_000) } : {}),
              valueFormatter: (value: Date, context) =>
                context.location === 'tick' ? formatAxisTime(value, span) : formatExactTime(value),
            },
          ]}
          yAxis={[
            {
              id: 'verdict',
              min: 0,
              max: 4,
              tickNumber: 5,
              valueFormatter: (value: number) => LEVEL_LABEL[value] ?? '',
              width: 110,
            },
            {
              id: 'duration',
              position: 'right',
              label: 'Duration',
              min: 0,
              // Whole values in a unit that fits ("62.3 s"), never a number the axis cuts to "62,…".
              valueFormatter: (value: number) => formatDuration(value),
              width: 76,
            },
          ]}
          series={[
            {
              data: history.map((p) => VERDICT_LEVEL[p.verdict]),
              yAxisId: 'verdict',
              label: 'Verdict',
              curve: 'stepAfter',
              showMark: single,
              valueFormatter: (value) => (value === null ? '' : (LEVEL_LABEL[value] ?? '')),
            },
            {
              data: history.map((p) => p.durationMs),
              yAxisId: 'duration',
              label: 'Duration',
              showMark: single,
              valueFormatter: (value) => (value === null ? '' : formatDuration(value)),
            },
          ]}
        />
      </Box>
      <Typography component="figcaption" variant="body2" data-testid="history-summary">
        {summary}
      </Typography>
    </Box>
  );
}
