import CheckCircleOutlined from '@mui/icons-material/CheckCircleOutlined';
import ErrorOutlined from '@mui/icons-material/ErrorOutlined';
import HighlightOff from '@mui/icons-material/HighlightOff';
import Login from '@mui/icons-material/Login';
import BlockOutlined from '@mui/icons-material/BlockOutlined';
import WarningAmber from '@mui/icons-material/WarningAmber';
import { List, ListItem, ListItemIcon, ListItemText, Typography } from '@mui/material';
import type { ReactElement } from 'react';
import type { CheckStep } from '../../../../shared/contract/checks';

const STATUS: Record<CheckStep['status'], { label: string; icon: ReactElement }> = {
  passed: { label: 'Passed', icon: <CheckCircleOutlined color="success" /> },
  warning: { label: 'Warning', icon: <WarningAmber color="warning" /> },
  failed: { label: 'Failed', icon: <HighlightOff color="error" /> },
  'needs-sign-in': { label: 'Needs sign-in', icon: <Login color="warning" /> },
  error: { label: 'Error', icon: <ErrorOutlined color="error" /> },
  skipped: { label: 'Skipped', icon: <BlockOutlined color="disabled" /> },
};

/** Each step of a check: status, what was found, how to fix it, and how long it took. */
export function CheckStepList({ steps }: { steps: readonly CheckStep[] }) {
  return (
    <List dense aria-label="Check steps">
      {steps.map((step) => {
        const status = STATUS[step.status];
        return (
          <ListItem key={step.id} alignItems="flex-start" disableGutters>
            <ListItemIcon sx={{ minWidth: 36, mt: 0.5 }} aria-hidden>
              {status.icon}
            </ListItemIcon>
            <ListItemText
              primary={`${status.label}: ${step.title}`}
              secondary={
                <>
                  <Typography component="span" variant="body2" sx={{ display: 'block' }}>
                    {step.detail}
                  </Typography>
                  {step.remediation && step.status !== 'passed' && step.status !== 'skipped' ? (
                    <Typography component="span" variant="body2" sx={{ display: 'block', fontWeight: 600 }}>
                      Fix: {step.remediation}
                    </Typography>
                  ) : null}
                  <Typography component="span" variant="caption" sx={{ display: 'block' }}>
                    {step.live ? 'Verified live' : 'Static check'} · {step.durationMs} ms
                  </Typography>
                </>
              }
            />
          </ListItem>
        );
      })}
    </List>
  );
}
