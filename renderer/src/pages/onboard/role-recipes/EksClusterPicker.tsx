import { Button, MenuItem, Stack, TextField } from '@mui/material';
import { useState } from 'react';
import type { EksCluster } from '../../../../../shared/contract/role-recipes';
import { useListEksClusters } from '../../../queries/role-recipes';

/**
 * Finds the account's clusters in the region (ListClusters, DescribeCluster) and fills the issuer
 * and the provider's presence from the one picked; typing the issuer stays possible.
 */
export function EksClusterPicker({
  accountId,
  profile,
  region,
  onPick,
  onError,
}: {
  accountId: string;
  profile: string;
  region: string;
  onPick: (cluster: EksCluster) => void;
  onError: (error: unknown) => void;
}) {
  const list = useListEksClusters();
  const [clusters, setClusters] = useState<EksCluster[]>();
  const [picked, setPicked] = useState('');
  const find = async () => {
    try {
      const found = await list.mutateAsync({ accountId, profile, region });
      setClusters(found.clusters);
      setPicked('');
    } catch (error) {
      setClusters(undefined);
      onError(error);
    }
  };
  const ready = accountId.trim() !== '' && profile.trim() !== '' && region.trim() !== '';
  return (
    <Stack direction="row" sx={{ gap: 1, alignItems: 'flex-start' }}>
      <Button sx={{ mt: 1, flexShrink: 0 }} disabled={!ready || list.isPending} onClick={() => void find()}>
        {list.isPending ? 'Finding clusters…' : 'Find clusters'}
      </Button>
      {clusters ? (
        <TextField
          select
          fullWidth
          id="eks-role-cluster-pick"
          label="Cluster in the region"
          value={picked}
          helperText={
            clusters.length === 0
              ? `No EKS cluster in ${region}: type the issuer URL instead.`
              : 'Fills the issuer URL and whether the IAM OIDC provider exists.'
          }
          onChange={(event) => {
            const cluster = clusters.find((each) => each.name === event.target.value);
            setPicked(event.target.value);
            if (cluster) onPick(cluster);
          }}
        >
          {clusters.map((cluster) => (
            <MenuItem key={cluster.name} value={cluster.name} disabled={cluster.issuerUrl === undefined}>
              {cluster.name}
              {cluster.issuerUrl === undefined ? ' (no OIDC issuer)' : ''}
            </MenuItem>
          ))}
        </TextField>
      ) : null}
    </Stack>
  );
}
