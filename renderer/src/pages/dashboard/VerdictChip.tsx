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
