import { Alert, AlertTitle, Box, Button, CircularProgress, Stack, Typography } from '@mui/material';
import { CHECK_VERDICT_LABELS, type CheckResult } from '../../../../shared/contract/checks';
import { ErrorState } from '../../components/ErrorState';
import { formatExactTime } from '../../time/relative-time';
import { CheckStepList } from './CheckStepList';
import { verdictReason } from './verdict-reason';
import { useAssociationChecks, useRunCheck } from '../../queries/checks';

const SEVERITY: Record<CheckResult['verdict'], 'success' | 'info' | 'warning' | 'error'> = {
  success: 'success',
  configured: 'info',
  'needs-sign-in': 'warning',
  failing: 'error',
  error: 'error',
};

/**
 * The check of one association: run it, and show the latest verdict with the seed-style line for a
 * live success, every step and the duration. The wizard renders it as its last step.
 */
export function AssociationCheckPanel({ associationId }: { associationId: string }) {
  const checks = useAssociationChecks(associationId);
  const run = useRunCheck(associationId);
  const latest = checks.data?.[0];
  return (
    <Stack spacing={3}>
      <Stack spacing={2} component="section" aria-labelledby={`check-${associationId}`}>
        <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
          <Typography id={`check-${associationId}`} variant="h6" component="h2">
            Check
          </Typography>
          <Button variant="contained" onClick={() => run.mutate()} disabled={run.isPending}>
            {latest ? 'Check again' : 'Run check'}
          </Button>
          {run.isPending ? <CircularProgress size={20} aria-label="Checking" /> : null}
        </Stack>
        {run.error ? (
          <ErrorState title="The check could not run" error={run.error} onRetry={() => run.mutate()} />
        ) : null}
        {checks.error ? (
          <ErrorState
            title="Past checks could not be loaded"
            error={checks.error}
            onRetry={() => void checks.refetch()}
          />
        ) : null}
        {latest ? <CheckResultView result={latest} /> : null}
      </Stack>
    </Stack>
  );
}

export function CheckResultView({ result }: { result: CheckResult }) {
  return (
    <Box>
      <Alert severity={SEVERITY[result.verdict]} role="status">
        <AlertTitle>{CHECK_VERDICT_LABELS[result.verdict]}</AlertTitle>
        {verdictReason(result.verdict, result.headline)}
        {result.successLine ? (
          <Typography component="pre" variant="body2" sx={{ fontFamily: 'monospace', mt: 1, mb: 0 }}>
            {result.successLine}
          </Typography>
        ) : null}
      </Alert>
      <Typography variant="caption" sx={{ display: 'block', mt: 1 }}>
        Checked {formatExactTime(new Date(result.finishedAt))} in {result.durationMs} ms
      </Typography>
      <CheckStepList steps={result.steps} />
    </Box>
  );
}
