import { Alert, AlertTitle, Box } from '@mui/material';
import { useMemo } from 'react';
import { Link } from 'react-router';
import { targetClashes } from '../../../../shared/platform/target-clashes';
import { allTargetKinds } from '../../../../shared/targets/target-kinds';
import { useAssociationsQuery } from '../../queries/associations';

/**
 * Associations saved before "one AWS account and one GCP project per group" that break it: the
 * platform can register only one of each, so the dashboard names them and the fix.
 */
export function TargetClashAlert() {
  const associations = useAssociationsQuery();
  const clashes = useMemo(() => [...targetClashes(associations.data ?? [])], [associations.data]);
  if (clashes.length === 0) return null;
  return (
    <Alert severity="warning">
      <AlertTitle>A group holds more than one account or project</AlertTitle>
      <Box component="ul" sx={{ m: 0, pl: 2 }}>
        {clashes.map(([key, targets]) => {
          const [group, cloud] = key.split(' ');
          return (
            <li key={key}>
              Group <code>{group}</code> is associated with{' '}
              {allTargetKinds().find((kind) => kind.cloud === cloud)?.plural} {targets.join(' and ')}.
            </li>
          );
        })}
      </Box>
      The platform registers one AWS account and one GCP project per group: keep one and remove the others on the{' '}
      <Link to="/onboard">Onboard</Link> page (or move them to another group).
    </Alert>
  );
}
