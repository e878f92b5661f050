import ErrorOutlineIcon from '@mui/icons-material/ErrorOutlineOutlined';
import VerifiedOutlinedIcon from '@mui/icons-material/VerifiedOutlined';
import WarningAmberOutlinedIcon from '@mui/icons-material/WarningAmberOutlined';
import { Box, Button, Checkbox, Chip, CircularProgress, Link, Stack, Typography } from '@mui/material';
import { memo } from 'react';
import { awsErrorCodes, type AwsProfile } from '../../../../../shared/contract/aws';
import { MONOSPACE_FONTS } from '../../../theme';
import { describeSource, kindLabels } from './aws-profile-labels';
import type { VerificationState } from './aws-verification-store';

export const ROW_HEIGHT = 60;
/** Select, name, type, account, region, source, identity, actions. */
export const PROFILE_COLUMNS = '44px minmax(9rem, 1.4fr) 8rem 8.5rem 7rem minmax(6rem, 1fr) minmax(14rem, 3fr) 6.5rem';

interface AwsProfileRowProps {
  profile: AwsProfile;
  index: number;
  top: number;
  active: boolean;
  selected: boolean;
  verification: VerificationState | undefined;
  onFocusRow: (index: number) => void;
  onToggleSelected: (profile: string) => void;
  onVerify: (profile: string) => void;
  onSignIn: (profile: string) => void;
  onOpenDetails: (profile: string) => void;
}

const ellipsis = { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' } as const;

/** One profile: what it is, where its credentials come from, and who it turned out to be. */
export const AwsProfileRow = memo(function AwsProfileRow({
  profile,
  index,
  top,
  active,
  selected,
  verification,
  onFocusRow,
  onToggleSelected,
  onVerify,
  onSignIn,
  onOpenDetails,
}: AwsProfileRowProps) {
  const verifying = verification?.status === 'verifying';
  const result = verification?.status === 'done' ? verification.result : undefined;
  const needsSignIn = result?.ok === false && result.error.code === awsErrorCodes.ssoSignInRequired;
  const source = describeSource(profile);
  // Only the current row's controls are in the tab order: Tab reaches them, then leaves the grid.
  const controlTabIndex = active ? 0 : -1;
  return (
    <Box
      role="row"
      aria-rowindex={index + 2}
      aria-selected={selected}
      aria-label={profile.name}
      data-row-index={index}
      tabIndex={active ? 0 : -1}
      // Focus anywhere in the row makes it the grid's current row.
      onFocus={() => onFocusRow(index)}
      sx={{
        position: 'absolute',
        top: 0,
        left: 0,
        width: '100%',
        height: ROW_HEIGHT,
        transform: `translateY(${top}px)`,
        display: 'grid',
        gridTemplateColumns: PROFILE_COLUMNS,
        alignItems: 'center',
        borderBottom: 1,
        borderColor: 'divider',
        bgcolor: selected ? 'action.selected' : undefined,
        '&:focus-visible': { outline: '2px solid', outlineColor: 'primary.main', outlineOffset: -2 },
      }}
    >
      <Box role="gridcell" sx={{ px: 0.5 }}>
        <Checkbox
          size="small"
          checked={selected}
          tabIndex={controlTabIndex}
          onChange={() => onToggleSelected(profile.name)}
          slotProps={{ input: { 'aria-label': `Select ${profile.name}` } }}
        />
      </Box>
      <Box role="gridcell" sx={{ px: 1, minWidth: 0 }}>
        <Link
          component="button"
          type="button"
          tabIndex={controlTabIndex}
          onClick={() => onOpenDetails(profile.name)}
          sx={{ ...ellipsis, display: 'block', maxWidth: '100%', fontWeight: 600, textAlign: 'left' }}
          aria-label={`Details of ${profile.name}`}
        >
          {profile.name}
        </Link>
        <Stack direction="row" sx={{ gap: 1, alignItems: 'center' }}>
          {profile.isActive ? (
            <Typography variant="caption" sx={{ color: 'text.secondary' }}>
              active
            </Typography>
          ) : null}
          {profile.warnings.length > 0 ? (
            <Typography
              variant="caption"
              sx={{ color: 'warning.dark', display: 'inline-flex', alignItems: 'center', gap: 0.25 }}
            >
              <WarningAmberOutlinedIcon sx={{ fontSize: 14 }} aria-hidden />
              {profile.warnings.length === 1 ? '1 warning' : `${profile.warnings.length} warnings`}
            </Typography>
          ) : null}
        </Stack>
      </Box>
      <Box role="gridcell" sx={{ px: 1, minWidth: 0 }}>
        <Stack direction="row" sx={{ gap: 0.5, flexWrap: 'wrap' }}>
          <Chip
            size="small"
            label={kindLabels[profile.kind]}
            variant={profile.kind === 'none' ? 'outlined' : 'filled'}
          />
          {profile.mfaSerial ? <Chip size="small" label="MFA" color="secondary" variant="outlined" /> : null}
        </Stack>
      </Box>
      <Box role="gridcell" sx={{ px: 1, fontFamily: MONOSPACE_FONTS, fontSize: '0.85rem' }}>
        {profile.accountId ?? (result?.ok ? result.identity.account : '')}
      </Box>
      <Box role="gridcell" sx={{ px: 1, ...ellipsis }}>
        {profile.region ?? ''}
      </Box>
      <Box role="gridcell" sx={{ px: 1, minWidth: 0 }}>
        <Typography variant="body2" sx={{ ...ellipsis, color: 'text.secondary' }} title={source}>
          {source}
        </Typography>
      </Box>
      <Box role="gridcell" sx={{ px: 1, minWidth: 0 }} aria-live="polite">
        <IdentityCell verifying={verifying} result={result} />
      </Box>
      <Box role="gridcell" sx={{ px: 1 }}>
        {needsSignIn ? (
          <Button
            size="small"
            variant="contained"
            tabIndex={controlTabIndex}
            onClick={() => onSignIn(profile.name)}
            aria-label={`Sign in for ${profile.name}`}
          >
            Sign in
          </Button>
        ) : (
          <Button
            size="small"
            variant="outlined"
            tabIndex={controlTabIndex}
            loading={verifying}
            onClick={() => onVerify(profile.name)}
            aria-label={`Verify ${profile.name}`}
          >
            Verify
          </Button>
        )}
      </Box>
    </Box>
  );
});

function IdentityCell({
  verifying,
  result,
}: {
  verifying: boolean;
  result: Extract<VerificationState, { status: 'done' }>['result'] | undefined;
}) {
  if (verifying) {
    return (
      <Stack direction="row" sx={{ gap: 1, alignItems: 'center' }}>
        <CircularProgress size={14} aria-hidden />
        <Typography variant="body2">Verifying…</Typography>
      </Stack>
    );
  }
  if (!result) {
    return (
      <Typography variant="body2" sx={{ color: 'text.secondary' }}>
        Not verified
      </Typography>
    );
  }
  if (result.ok) {
    return (
      <Stack direction="row" sx={{ gap: 1, alignItems: 'center', minWidth: 0 }}>
        <VerifiedOutlinedIcon color="success" sx={{ fontSize: 18 }} aria-label="Verified" />
        <Box sx={{ minWidth: 0 }}>
          <Typography variant="body2" sx={{ ...ellipsis, fontFamily: MONOSPACE_FONTS }} title={result.identity.arn}>
            {result.identity.arn}
          </Typography>
          <Typography variant="caption" sx={{ color: 'text.secondary' }}>
            Account {result.identity.account}
            {result.cached ? ' · cached' : ''}
          </Typography>
        </Box>
      </Stack>
    );
  }
  return (
    <Stack direction="row" sx={{ gap: 1, alignItems: 'center', minWidth: 0 }}>
      <ErrorOutlineIcon color="error" sx={{ fontSize: 18 }} aria-label="Failed" />
      <Box sx={{ minWidth: 0 }}>
        <Typography variant="body2" sx={{ ...ellipsis, color: 'error.main' }} title={result.error.message}>
          {result.error.message}
        </Typography>
        {result.error.remediation ? (
          <Typography
            variant="caption"
            component="p"
            sx={{ ...ellipsis, color: 'text.secondary' }}
            title={result.error.remediation}
          >
            {result.error.remediation}
          </Typography>
        ) : null}
      </Box>
    </Stack>
  );
}
