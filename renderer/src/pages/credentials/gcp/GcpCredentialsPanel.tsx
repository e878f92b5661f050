import RefreshIcon from '@mui/icons-material/Refresh';
import { Alert, Button, Paper, Skeleton, Stack, Typography } from '@mui/material';
import { useState } from 'react';
import type { GcpCredentialRef, GcpCredentialsListing } from '../../../../../shared/contract/gcp';
import { ErrorState } from '../../../components/ErrorState';
import { credentialKey } from './gcp-credential-labels';
import { useGcpCredentialsQuery, useVerifyGcpCredential } from '../../../queries/gcp';
import {
  GcpCredentialProjectPicker,
  initialGcpProjectChoice,
  type GcpProjectChoice,
} from './GcpCredentialProjectPicker';
import { GcpCredentialsTable } from './GcpCredentialsTable';
import { GcpImpersonationDialog } from './GcpImpersonationDialog';
import { GcpProjectTreeDialog } from '../../onboard/organization/GcpProjectTreeDialog';
import type { GcpVerification } from './GcpVerificationStatus';

/** What to do when there is nothing to choose: the same words on this page and in the wizard. */
export function NoGcpCredentials({ listing }: { listing: GcpCredentialsListing }) {
  if (listing.configurations.length > 0 || listing.adc.status !== 'missing') return null;
  return (
    <Alert severity="info" variant="outlined">
      No Google Cloud credentials yet. Run <code>gcloud auth login</code> or{' '}
      <code>gcloud auth application-default login</code>, then Refresh (on the Credentials page, or come back to this
      step).
    </Alert>
  );
}

/** The operator's Google credentials: gcloud configurations and ADC, verifiable, with project lookup. */
export function GcpCredentialsPanel() {
  const query = useGcpCredentialsQuery();
  return (
    <Stack sx={{ gap: 2 }}>
      {query.isPending ? (
        <Stack sx={{ gap: 1 }} aria-busy="true" aria-label="Loading Google Cloud credentials">
          <Skeleton variant="rounded" height={40} />
          <Skeleton variant="rounded" height={240} />
        </Stack>
      ) : null}
      {query.isError ? (
        <ErrorState
          title="Could not read your Google Cloud credentials"
          error={query.error}
          onRetry={() => void query.refetch()}
          retrying={query.isFetching}
        />
      ) : null}
      {query.data ? (
        <GcpCredentialsContent
          listing={query.data}
          refreshing={query.isFetching}
          onRefresh={() => void query.refetch()}
        />
      ) : null}
    </Stack>
  );
}

function GcpCredentialsContent({
  listing,
  refreshing,
  onRefresh,
}: {
  listing: GcpCredentialsListing;
  refreshing: boolean;
  onRefresh: () => void;
}) {
  const verify = useVerifyGcpCredential();
  const [verifications, setVerifications] = useState<ReadonlyMap<string, GcpVerification>>(new Map());
  const [impersonating, setImpersonating] = useState<GcpCredentialRef>();
  const [showingProjects, setShowingProjects] = useState<GcpCredentialRef>();
  const [choice, setChoice] = useState<GcpProjectChoice>(() => initialGcpProjectChoice(listing));

  const record = (ref: GcpCredentialRef, verification: GcpVerification): void =>
    setVerifications((current) => new Map(current).set(credentialKey(ref), verification));

  const onVerify = (ref: GcpCredentialRef): void => {
    record(ref, { status: 'pending' });
    verify.mutate(
      { credential: ref },
      {
        onSuccess: (identity) => record(ref, { status: 'verified', identity }),
        onError: (error) => record(ref, { status: 'failed', error }),
      },
    );
  };

  return (
    <>
      <Stack
        direction={{ xs: 'column', sm: 'row' }}
        sx={{ gap: 2, justifyContent: 'space-between', alignItems: { sm: 'center' } }}
      >
        <Typography variant="body2" sx={{ color: 'text.secondary' }}>
          gcloud configurations from {listing.configDir}
          {listing.configDirFound ? '' : ' (not found)'}; application default credentials from {listing.adc.path}.
          Liaison reads these files; it never writes them.
        </Typography>
        <Button startIcon={<RefreshIcon />} onClick={onRefresh} loading={refreshing} loadingPosition="start">
          Refresh
        </Button>
      </Stack>
      {listing.gcloud.installed ? null : (
        <Alert severity="warning" variant="outlined">
          gcloud is not installed (not on PATH): configurations are listed, but verifying or using one needs the Google
          Cloud CLI. Application default credentials work without it.
        </Alert>
      )}
      <NoGcpCredentials listing={listing} />
      <GcpCredentialsTable
        listing={listing}
        verifications={verifications}
        onVerify={onVerify}
        onImpersonate={(ref) => setImpersonating(ref)}
        onShowProjects={(ref) => setShowingProjects(ref)}
      />
      <Paper variant="outlined" component="section" aria-labelledby="gcp-project-lookup" sx={{ p: 2 }}>
        <Typography id="gcp-project-lookup" variant="h6" component="h2" sx={{ mb: 2 }}>
          Look up a project
        </Typography>
        <GcpCredentialProjectPicker listing={listing} value={choice} onChange={setChoice} />
      </Paper>
      {impersonating ? (
        <GcpImpersonationDialog
          key={credentialKey(impersonating)}
          credential={impersonating}
          open
          onClose={() => setImpersonating(undefined)}
        />
      ) : null}
      {showingProjects ? (
        <GcpProjectTreeDialog
          key={credentialKey(showingProjects)}
          credential={showingProjects}
          open
          onClose={() => setShowingProjects(undefined)}
        />
      ) : null}
    </>
  );
}
