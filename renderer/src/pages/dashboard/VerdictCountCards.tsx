import { Button, Stack, Tooltip } from '@mui/material';
import { memo } from 'react';
import { CHECK_VERDICT_EXPLANATIONS, CHECK_VERDICT_LABELS, checkVerdicts } from '../../../../shared/contract/checks';
import type { VerdictCounts } from '../../../../shared/contract/health';
import type { HealthFilter } from './health-filter';
import { VERDICT_STYLE } from './VerdictChip';

/** Counts per verdict; each one filters the table to that verdict (pressed again, shows all). */
export const VerdictCountCards = memo(function VerdictCountCards({
  counts,
  active,
  onSelect,
}: {
  counts: VerdictCounts;
  active: HealthFilter['verdict'];
  onSelect: (verdict: HealthFilter['verdict']) => void;
}) {
  const entries = [
    ...checkVerdicts.map((v) => ({
      key: v,
      label: CHECK_VERDICT_LABELS[v],
      icon: VERDICT_STYLE[v].icon,
      explanation: CHECK_VERDICT_EXPLANATIONS[v],
    })),
    { key: 'unchecked' as const, label: 'Not checked', icon: undefined, explanation: 'Never checked yet.' },
  ];
  return (
    <Stack
      direction="row"
      spacing={1}
      useFlexGap
      sx={{ flexWrap: 'wrap', p: 0, m: 0 }}
      component="ul"
      aria-label="Verdict counts"
    >
      {entries.map((entry) => (
        <li key={entry.key} style={{ listStyle: 'none' }}>
          {/* describeChild: the meaning is the button's description, its name stays "Configured: 3". */}
          <Tooltip title={entry.explanation} describeChild>
            <Button
              variant={active === entry.key ? 'contained' : 'outlined'}
              color="inherit"
              startIcon={entry.icon}
              aria-pressed={active === entry.key}
              onClick={() => onSelect(active === entry.key ? 'all' : entry.key)}
              data-testid={`count-${entry.key}`}
            >
              {entry.label}: {counts[entry.key]}
            </Button>
          </Tooltip>
        </li>
      ))}
    </Stack>
  );
});
