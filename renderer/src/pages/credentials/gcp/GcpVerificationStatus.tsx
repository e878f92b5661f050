import CheckCircleOutlineIcon from '@mui/icons-material/CheckCircleOutlineOutlined';
import ErrorOutlineIcon from '@mui/icons-material/ErrorOutlineOutlined';
import { Box, Typography } from '@mui/material';
import type { GcpIdentity } from '../../../../../shared/contract/gcp';
import { LiaisonError } from '../../../../../shared/errors';

export type GcpVerification =
  { status: 'pending' } | { status: 'verified'; identity: GcpIdentity } | { status: 'failed'; error: unknown };

/** The outcome of Verify for one credential, announced politely to screen readers as it changes. */
export function GcpVerificationStatus({ verification }: { verification: GcpVerification | undefined }) {
  return (
    <Box aria-live="polite" sx={{ minWidth: 180 }}>
      <StatusText verification={verification} />
    </Box>
  );
}

function StatusText({ verification }: { verification: GcpVerification | undefined }) {
  if (!verification) {
    return (
      <Typography variant="body2" sx={{ color: 'text.secondary' }}>
        Not verified
      </Typography>
    );
  }
  if (verification.status === 'pending') return <Typography variant="body2">Verifying…</Typography>;
  if (verification.status === 'verified') {
    const { identity } = verification;
    return (
      <Typography variant="body2" sx={{ display: 'flex', gap: 0.5, alignItems: 'flex-start' }}>
        <CheckCircleOutlineIcon fontSize="small" color="success" aria-hidden />
        <span>
          Verified as {identity.principal}
          {identity.impersonatedBy ? ` (impersonated by ${identity.impersonatedBy})` : ''}
        </span>
      </Typography>
    );
  }
  const { error } = verification;
  const message = error instanceof Error ? error.message : 'Verification failed';
  const remediation = error instanceof LiaisonError ? error.remediation : undefined;
  return (
    <Typography variant="body2" component="div" sx={{ display: 'flex', gap: 0.5, alignItems: 'flex-start' }}>
      <ErrorOutlineIcon fontSize="small" color="error" aria-hidden />
      <span>
        {message}
        {remediation ? (
          <Box component="span" sx={{ display: 'block', color: 'text.secondary' }}>
            {remediation}
          </Box>
        ) : null}
      </span>
    </Typography>
  );
}
