import { Alert, Breadcrumbs, Link as MuiLink, Paper, Skeleton, Stack, Typography } from '@mui/material';
import { Link, useParams } from 'react-router';
import { useClient } from '../../client/ClientProvider';
import { ErrorState } from '../../components/ErrorState';
import { AssociationCheckPanel } from '../checks/AssociationCheckPanel';
import { PlatformRegistrationPanel } from '../platform/PlatformRegistrationPanel';
import { DriftFlag } from '../dashboard/DriftFlag';
import { ExportButtons } from '../dashboard/ExportButtons';
import { useAssociationChecks } from '../../queries/checks';
import { useAssociationHistory, useHealthOverview } from '../../queries/health';
import { WorkspaceApply } from '../workspaces/WorkspaceApply';
import { HistoryChart } from './HistoryChart';
import { PastChecksList } from './PastChecksList';

const PAST_CHECKS = 50;

/** One association: check it now, its history chart, past checks with their steps, and the export. */
export function AssociationPage() {
  const { associationId = '' } = useParams();
  const client = useClient();
  const overview = useHealthOverview();
  const history = useAssociationHistory(associationId);
  const checks = useAssociationChecks(associationId, PAST_CHECKS);
  const row = overview.data?.rows.find((r) => r.associationId === associationId);
  if (overview.data && !row) {
    return (
      <Alert severity="warning">
        There is no generated association with this id.{' '}
        <MuiLink component={Link} to="/dashboard">
          Back to the dashboard
        </MuiLink>
      </Alert>
    );
  }
  return (
    // Long ARNs in a verdict wrap rather than make the alert a scroll region keyboard users cannot reach.
    <Stack spacing={3} sx={{ '& .MuiAlert-message': { overflow: 'visible', overflowWrap: 'anywhere', minWidth: 0 } }}>
      <Breadcrumbs aria-label="Breadcrumb">
        <MuiLink component={Link} to="/dashboard">
          Dashboard
        </MuiLink>
        <Typography>{row ? `${row.groupName || row.groupId} · ${row.target}` : 'Association'}</Typography>
      </Breadcrumbs>
      {row ? (
        <Stack direction="row" spacing={3} sx={{ flexWrap: 'wrap', alignItems: 'center' }}>
          <Typography variant="h5" component="h2">
            {row.groupName || 'Unregistered group'} on {row.cloud.toUpperCase()} {row.target}
          </Typography>
          <Typography variant="body2" sx={{ fontFamily: 'monospace' }}>
            {row.groupId}
          </Typography>
          <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
            <Typography variant="body2">Drift:</Typography>
            <DriftFlag row={row} />
          </Stack>
        </Stack>
      ) : (
        <Skeleton width={320} />
      )}
      <Paper variant="outlined" sx={{ p: 2 }}>
        <PlatformRegistrationPanel associationId={associationId} />
      </Paper>
      <Paper variant="outlined" sx={{ p: 2 }}>
        <AssociationCheckPanel associationId={associationId} />
      </Paper>
      {row ? (
        <Paper variant="outlined" sx={{ p: 2 }}>
          <WorkspaceApply workspaceKey={row.workspaceKey} />
        </Paper>
      ) : null}
      <Paper variant="outlined" sx={{ p: 2 }} component="section" aria-labelledby="history-heading">
        <Stack direction="row" sx={{ justifyContent: 'space-between', alignItems: 'center', mb: 1 }}>
          <Typography id="history-heading" variant="h6" component="h2">
            History
          </Typography>
          <ExportButtons
            what="this association's history"
            load={(format) => client.call('exportAssociationHistory', { associationId, format })}
          />
        </Stack>
        {history.isError ? (
          <ErrorState title="History could not load" error={history.error} onRetry={() => void history.refetch()} />
        ) : null}
        {history.data ? <HistoryChart history={history.data} /> : <Skeleton height={280} />}
      </Paper>
      <section aria-labelledby="past-checks-heading">
        <Typography id="past-checks-heading" variant="h6" component="h2" sx={{ mb: 1 }}>
          Past checks
        </Typography>
        {checks.data ? <PastChecksList checks={checks.data} /> : null}
      </section>
    </Stack>
  );
}
