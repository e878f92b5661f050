import CheckCircleOutlined from '@mui/icons-material/CheckCircleOutlined';
import ErrorOutlined from '@mui/icons-material/ErrorOutlined';
import HelpOutlineOutlined from '@mui/icons-material/HelpOutlineOutlined';
import HighlightOff from '@mui/icons-material/HighlightOff';
import Login from '@mui/icons-material/Login';
import VerifiedOutlined from '@mui/icons-material/VerifiedOutlined';
import { Chip } from '@mui/material';
import type { ReactElement } from 'react';
import { CHECK_VERDICT_LABELS, type CheckVerdict } from '../../../../shared/contract/checks';

type ChipColor = 'success' | 'primary' | 'warning' | 'error';

export const VERDICT_STYLE: Record<CheckVerdict, { color: ChipColor; icon: ReactElement }> = {
  success: { color: 'success', icon: <VerifiedOutlined /> },
  configured: { color: 'primary', icon: <CheckCircleOutlined /> },
  'needs-sign-in': { color: 'warning', icon: <Login /> },
  failing: { color: 'error', icon: <HighlightOff /> },
  error: { color: 'error', icon: <ErrorOutlined /> },
};

/** A verdict as icon + text (never colour alone); "Not checked" before the first check. */
export function VerdictChip({ verdict }: { verdict: CheckVerdict | undefined }) {
  if (!verdict) return <Chip size="small" variant="outlined" icon={<HelpOutlineOutlined />} label="Not checked" />;
  const style = VERDICT_STYLE[verdict];
  return (
    <Chip size="small" variant="outlined" color={style.color} icon={style.icon} label={CHECK_VERDICT_LABELS[verdict]} />
  );
}

/**
 * `VerdictChip` for a table row, which mounts on every filter keystroke: the same icon and text as
 * plain elements styled by the table (`verdictBadgeSx`), instead of a Chip per row.
 */
export function VerdictBadge({ verdict }: { verdict: CheckVerdict | undefined }) {
  if (!verdict) {
    return (
      <span className="verdict-badge">
        <HelpOutlineOutlined />
        Not checked
      </span>
    );
  }
  const style = VERDICT_STYLE[verdict];
  return (
    <span className={`verdict-badge verdict-${style.color}`}>
      {style.icon}
      {CHECK_VERDICT_LABELS[verdict]}
    </span>
  );
}

/** The look of a small outlined Chip, for `VerdictBadge`; part of the table's style. */
export const verdictBadgeSx = {
  '& .verdict-badge': {
    display: 'inline-flex',
    alignItems: 'center',
    gap: '3px',
    height: 24,
    pl: '4px',
    pr: '7px',
    borderRadius: '12px',
    border: '1px solid var(--mui-palette-Chip-defaultBorder)',
    fontSize: '0.8125rem',
    whiteSpace: 'nowrap',
    '& svg': { fontSize: 18, color: 'var(--mui-palette-Chip-defaultIconColor)' },
  },
  ...Object.fromEntries(
    (['success', 'primary', 'warning', 'error'] as const).map((color) => [
      `& .verdict-${color}`,
      {
        color: `${color}.main`,
        borderColor: `rgba(var(--mui-palette-${color}-mainChannel) / 0.7)`,
        '& svg': { color: `${color}.main` },
      },
    ]),
  ),
} as const;
