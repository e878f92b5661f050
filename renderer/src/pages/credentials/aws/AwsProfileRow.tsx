import ErrorOutlineIcon from '@mui/icons-material/ErrorOutlineOutlined';
import VerifiedOutlinedIcon from '@mui/icons-material/VerifiedOutlined';
import WarningAmberOutlinedIcon from '@mui/icons-material/WarningAmberOutlined';
import { Box, CircularProgress, Stack, Typography } from '@mui/material';
import { memo } from 'react';
import { awsErrorCodes, type AwsProfile } from '../../../../../shared/contract/aws';
import { RelativeTime } from '../../../components/RelativeTime';
import { MONOSPACE_FONTS } from '../../../theme';
import { useNow } from '../../../time/useNow';
import { describeSource, kindLabels } from './aws-profile-labels';
import type { VerificationState } from './aws-verification-store';
import { ellipsis } from './ProfileGrid';

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
    <div
      role="row"
      className="profile-row"
      aria-rowindex={index + 2}
      aria-selected={selected}
      aria-label={profile.name}
      data-row-index={index}
      tabIndex={active ? 0 : -1}
      // Focus anywhere in the row makes it the grid's current row.
      onFocus={() => onFocusRow(index)}
      // A style, not a class: a class per position would be a new rule for every row scrolled to.
      style={{ transform: `translateY(${top}px)` }}
    >
      <div role="gridcell" className="profile-cell-select">
        <input
          type="checkbox"
          className="profile-checkbox"
          checked={selected}
          tabIndex={controlTabIndex}
          onChange={() => onToggleSelected(profile.name)}
          aria-label={`Select ${profile.name}`}
        />
      </div>
      <div role="gridcell" className="profile-cell">
        <button
          type="button"
          className="profile-name"
          tabIndex={controlTabIndex}
          onClick={() => onOpenDetails(profile.name)}
          aria-label={`Details of ${profile.name}`}
        >
          {profile.name}
        </button>
        <div>
          {profile.isActive ? <span className="profile-note">active</span> : null}
          {profile.warnings.length > 0 ? (
            <span className="profile-note profile-note-warning">
              <WarningAmberOutlinedIcon sx={{ fontSize: 14 }} aria-hidden />
              {profile.warnings.length === 1 ? '1 warning' : `${profile.warnings.length} warnings`}
            </span>
          ) : null}
        </div>
      </div>
      <div role="gridcell" className="profile-cell">
        <div className="profile-chips">
          <span className={profile.kind === 'none' ? 'profile-chip profile-chip-outlined' : 'profile-chip'}>
            {kindLabels[profile.kind]}
          </span>
          {profile.mfaSerial ? <span className="profile-chip profile-chip-mfa">MFA</span> : null}
        </div>
      </div>
      <div role="gridcell" className="profile-cell profile-account">
        {profile.accountId ?? (result?.ok ? result.identity.account : '')}
      </div>
      <div role="gridcell" className="profile-cell profile-region">
        {profile.region ?? ''}
      </div>
      <div role="gridcell" className="profile-cell">
        <div className="profile-secondary" title={source}>
          {source}
        </div>
      </div>
      <div role="gridcell" className="profile-cell" aria-live="polite">
        <IdentityCell
          verifying={verifying}
          result={result}
          restoredAt={verification?.status === 'done' ? verification.restoredAt : undefined}
        />
      </div>
      <div role="gridcell" className="profile-cell">
        {needsSignIn ? (
          <button
            type="button"
            className="profile-action profile-action-contained"
            tabIndex={controlTabIndex}
            onClick={() => onSignIn(profile.name)}
            aria-label={`Sign in for ${profile.name}`}
          >
            Sign in
          </button>
        ) : (
          <button
            type="button"
            className="profile-action"
            tabIndex={controlTabIndex}
            // The identity cell says "Verifying…" meanwhile.
            disabled={verifying}
            onClick={() => onVerify(profile.name)}
            aria-label={`Verify ${profile.name}`}
          >
            Verify
          </button>
        )}
      </div>
    </div>
  );
});

function IdentityCell({
  verifying,
  result,
  restoredAt,
}: {
  verifying: boolean;
  result: Extract<VerificationState, { status: 'done' }>['result'] | undefined;
  restoredAt: string | undefined;
}) {
  if (verifying) {
    return (
      <Stack direction="row" sx={{ gap: 1, alignItems: 'center' }}>
        <CircularProgress size={14} aria-hidden />
        <Typography variant="body2">Verifying…</Typography>
      </Stack>
    );
  }
  if (!result) return <div className="profile-secondary">Not verified</div>;
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
            <VerifiedWhen identity={result.identity} restoredAt={restoredAt} />
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
        {restoredAt ? (
          <Typography variant="caption" component="p" sx={{ color: 'text.secondary' }}>
            Last verify, <RelativeTime value={restoredAt} />
          </Typography>
        ) : null}
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

/**
 * When a result kept from an earlier session was verified, and whether it is stale: credentials that
 * have expired since say so, so an old "Verified" is not taken for a current one.
 */
function VerifiedWhen({
  identity,
  restoredAt,
}: {
  identity: { verifiedAt: string; expiresAt?: string | undefined };
  restoredAt: string | undefined;
}) {
  const now = useNow();
  if (!restoredAt) return null;
  const expired = identity.expiresAt !== undefined && new Date(identity.expiresAt).getTime() <= now.getTime();
  return (
    <>
      {' · verified '}
      <RelativeTime value={identity.verifiedAt} />
      {expired ? (
        <Box component="span" sx={{ color: 'warning.main' }}>
          {' · stale: the credentials expired '}
          <RelativeTime value={identity.expiresAt ?? ''} />; verify again
        </Box>
      ) : (
        ' · from an earlier session'
      )}
    </>
  );
}
