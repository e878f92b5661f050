import { Alert, Skeleton, Stack, Typography } from '@mui/material';
import { useCallback, useMemo, useState } from 'react';
import { LiaisonError } from '../../../../../shared/errors';
import { useClient } from '../../../client/ClientProvider';
import { ErrorState } from '../../../components/ErrorState';
import { notify } from '../../../notifications/notification-store';
import { AwsCredentialPrompts } from './AwsCredentialPrompts';
import { AwsFileWarnings } from './AwsFileWarnings';
import { AwsProfileDetails } from './AwsProfileDetails';
import { AwsProfilesTable } from './AwsProfilesTable';
import { AwsProfilesToolbar } from './AwsProfilesToolbar';
import { filterProfiles, toSearchable } from './aws-profile-filter';
import type { TypeFilterId } from './aws-profile-labels';
import { useAwsProfilesQuery, useAwsVerificationEvents, useVerifyMany, useVerifyProfile } from './aws-profile-queries';
import { useAwsPromptStore } from './aws-prompt-store';
import { useAwsVerificationStore } from './aws-verification-store';

/** The operator's AWS profiles: classified, filterable, verifiable one by one or in bulk. */
export function AwsProfilesPanel() {
  const query = useAwsProfilesQuery();
  useAwsVerificationEvents();
  return (
    <Stack sx={{ gap: 2 }}>
      <AwsCredentialPrompts />
      {query.isPending ? (
        <Stack sx={{ gap: 1 }} aria-busy="true" aria-label="Loading AWS profiles">
          <Skeleton variant="rounded" height={40} />
          <Skeleton variant="rounded" height={320} />
        </Stack>
      ) : null}
      {query.isError ? (
        <ErrorState
          title="Could not read your AWS profiles"
          error={query.error}
          onRetry={() => void query.refetch()}
          retrying={query.isFetching}
        />
      ) : null}
      {query.data ? <ProfilesContent list={query.data} /> : null}
    </Stack>
  );
}

function ProfilesContent({ list }: { list: NonNullable<ReturnType<typeof useAwsProfilesQuery>['data']> }) {
  const client = useClient();
  const [filter, setFilter] = useState('');
  const [types, setTypes] = useState<ReadonlySet<TypeFilterId>>(new Set());
  const [detailsOf, setDetailsOf] = useState<string | undefined>();
  const searchable = useMemo(() => toSearchable(list.profiles), [list.profiles]);
  const shown = useMemo(() => filterProfiles(searchable, filter, types), [searchable, filter, types]);
  const selected = useAwsVerificationStore((state) => state.selected);
  const batch = useAwsVerificationStore((state) => state.batch);
  const verifyOne = useVerifyProfile();
  const { verify: verifyMany, cancel } = useVerifyMany();

  const onVerify = useCallback((profile: string) => void verifyOne(profile, true), [verifyOne]);
  const onSignIn = useCallback(
    (profile: string) => {
      client
        .call('startAwsSsoSignIn', { profile })
        .then((signIn) => useAwsPromptStore.getState().showSignIn(signIn))
        .catch((error: unknown) =>
          notify(error instanceof LiaisonError ? error.message : 'Sign-in could not start', 'error'),
        );
    },
    [client],
  );
  const selectedNames = useMemo(
    () => list.profiles.filter((p) => selected.has(p.name)).map((p) => p.name),
    [list.profiles, selected],
  );
  const detailsProfile = useMemo(
    () => (detailsOf === undefined ? undefined : list.profiles.find((p) => p.name === detailsOf)),
    [list.profiles, detailsOf],
  );
  const onToggleType = useCallback(
    (type: TypeFilterId) =>
      setTypes((current) => {
        const next = new Set(current);
        if (next.has(type)) next.delete(type);
        else next.add(type);
        return next;
      }),
    [],
  );
  const onCloseDetails = useCallback(() => setDetailsOf(undefined), []);

  return (
    <>
      <Typography variant="body2" sx={{ color: 'text.secondary' }}>
        From {list.configFile.path}
        {list.configFile.exists ? '' : ' (not found)'} and {list.credentialsFile.path}
        {list.credentialsFile.exists ? '' : ' (not found)'}. Liaison reads these files; it never writes them.
      </Typography>
      <AwsFileWarnings list={list} />
      {list.profiles.length === 0 ? (
        <Alert severity="info" variant="outlined">
          No AWS profiles yet. Run <code>aws configure</code> or <code>aws configure sso</code>, and they appear here.
        </Alert>
      ) : null}
      <AwsProfilesToolbar
        query={filter}
        onQueryChange={setFilter}
        types={types}
        onToggleType={onToggleType}
        shownCount={shown.length}
        totalCount={list.profiles.length}
        selectedCount={selectedNames.length}
        batch={batch}
        onVerifySelected={() => void verifyMany(selectedNames)}
        onCancelBatch={cancel}
      />
      <AwsProfilesTable
        profiles={shown}
        totalCount={list.profiles.length}
        onVerify={onVerify}
        onSignIn={onSignIn}
        onOpenDetails={setDetailsOf}
      />
      <AwsProfileDetails profile={detailsProfile} onClose={onCloseDetails} onVerify={onVerify} onSignIn={onSignIn} />
    </>
  );
}
