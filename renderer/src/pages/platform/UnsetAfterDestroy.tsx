import { Alert, Box, Button, Stack, Typography } from '@mui/material';
import { useState } from 'react';
import type { Association } from '../../../../shared/contract/associations';
import { DEFAULT_TARGET_CLOUD, targetKind } from '../../../../shared/targets/target-kinds';
import { ErrorState } from '../../components/ErrorState';
import { useUnsetOnPlatform } from './UnsetOnPlatformOption';

/**
 * After a destroy: the cloud no longer has what the platform's records point at, so offer to unset
 * each association on the platform too (the other cloud's half of the group's record stays).
 */
export function UnsetAfterDestroy({
  associations,
  groupName,
}: {
  associations: readonly Association[];
  groupName: (id: string | undefined) => string;
}) {
  return (
    <Stack component="section" aria-label="Unset on the platform" sx={{ gap: 1 }}>
      <Typography variant="body2">
        The resources are destroyed, but the platform may still associate these groups with this{' '}
        {targetKind(associations[0]?.values.cloud ?? DEFAULT_TARGET_CLOUD).noun}. Unset them there too:
      </Typography>
      {associations.map((association) => (
        <UnsetRow key={association.id} association={association} name={groupName(association.values.groupId)} />
      ))}
    </Stack>
  );
}

function UnsetRow({ association, name }: { association: Association; name: string }) {
  const unset = useUnsetOnPlatform();
  const [asked, setAsked] = useState(false);
  const run = (): void => {
    setAsked(true);
    unset.mutate(association.id);
  };
  return (
    <Box>
      {unset.data ? (
        <Alert severity="success" role="status">
          {name}: {unset.data.detail}
        </Alert>
      ) : unset.error ? (
        <ErrorState
          title={`${name} is still set on the platform`}
          error={unset.error}
          onRetry={run}
          retrying={unset.isPending}
        />
      ) : (
        <Button variant="outlined" onClick={run} loading={asked && unset.isPending}>
          Unset {name} on the platform
        </Button>
      )}
    </Box>
  );
}
