import { Alert, AlertTitle, Box, Button, Typography } from '@mui/material';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AssociationInput } from '../../../../shared/contract/associations';
import { useClient } from '../../client/ClientProvider';
import { notify } from '../../notifications/notification-store';
import { formatExactTime } from '../../time/relative-time';
import { adoptionMethods } from '../../../../shared/contract/adoption';
import { registerContract } from '../../client/contract-registry';
import { answerWith } from '../../client/invalidate-queries';

// This domain is not on the start page: its schemas load with the code that calls it.
registerContract({ methods: adoptionMethods });

type GcpInput = Extract<AssociationInput, { cloud: 'gcp' }>;

/**
 * Google soft-deletes workload identity pools for 30 days: after a destroy, the module's next apply
 * fails with 409 "already exists" until the pool is undeleted. Looked for before the plan, with the
 * undelete one click away (it restores the pool as it was; the plan then shows what changes).
 */
export function UndeletePool({ input }: { input: GcpInput }) {
  const client = useClient();
  const queryClient = useQueryClient();
  const target = { credential: input.credential, projectNumber: input.projectNumber };
  const queryKey = ['adoption', 'pool', target];
  const pool = useQuery({
    queryKey,
    queryFn: () => client.call('findWorkloadIdentityPool', target),
    retry: false,
    staleTime: 30_000,
  });
  const undelete = useMutation({
    mutationFn: () => client.call('undeleteWorkloadIdentityPool', target),
    onSuccess: async (restored) => {
      await answerWith(queryClient, queryKey, restored);
      notify('The workload identity pool chainguard-pool is restored');
    },
  });

  if (pool.isPending) {
    return (
      <Typography role="status" color="text.secondary">
        Looking for the workload identity pool chainguard-pool in project {input.projectId}…
      </Typography>
    );
  }
  const found = pool.data;
  if (pool.isError || found?.status === 'unknown') {
    return (
      <Alert
        severity="info"
        action={
          <Button color="inherit" onClick={() => void pool.refetch()} loading={pool.isFetching}>
            Look again
          </Button>
        }
      >
        {found?.status === 'unknown' ? found.message : pool.error?.message}
        {found?.status === 'unknown' && found.remediation ? <Box sx={{ mt: 0.5 }}>{found.remediation}</Box> : null}
      </Alert>
    );
  }
  if (found?.status !== 'deleted') {
    return (
      <Typography color="text.secondary">
        {found?.status === 'active'
          ? `Project ${input.projectId} has the workload identity pool chainguard-pool.`
          : `Project ${input.projectId} has no workload identity pool chainguard-pool yet: the module creates it.`}
      </Typography>
    );
  }
  return (
    <Alert severity="warning" aria-labelledby="undelete-pool-title">
      <AlertTitle id="undelete-pool-title">The workload identity pool chainguard-pool was deleted</AlertTitle>
      <Typography variant="body2">
        Google keeps a deleted pool for 30 days
        {found.expireTime ? ` (this one until ${formatExactTime(new Date(found.expireTime))})` : ''}, and its id stays
        taken: the module cannot create it again, and its apply would fail with 409 &quot;already exists&quot;.
        Undeleting restores the pool and its provider as they were; the plan then shows what Terraform changes.
      </Typography>
      {undelete.error ? (
        <Alert severity="error" sx={{ mt: 1 }}>
          {undelete.error.message}
        </Alert>
      ) : null}
      <Button sx={{ mt: 1 }} variant="outlined" onClick={() => undelete.mutate()} loading={undelete.isPending}>
        Undelete the pool
      </Button>
    </Alert>
  );
}
