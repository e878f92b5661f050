import { Chip } from '@mui/material';
import type { FindingSeverity } from '../../../../shared/trust-policy/trust-findings';

const COLORS = { high: 'error', medium: 'warning', low: 'info' } as const;
const LABELS: Readonly<Record<FindingSeverity, string>> = { high: 'High', medium: 'Medium', low: 'Low' };

/** A finding's severity, in words and colour (the words carry it; colour only repeats it). */
export function FindingSeverityChip({ severity }: { severity: FindingSeverity }) {
  // The border carries the colour; the label stays in the text colour, legible on any background.
  return (
    <Chip
      size="small"
      variant="outlined"
      color={COLORS[severity]}
      label={LABELS[severity]}
      sx={{ color: 'text.primary' }}
    />
  );
}
