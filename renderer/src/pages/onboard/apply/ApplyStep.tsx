import { Alert, Button, Stack, Typography } from '@mui/material';
import { useState } from 'react';
import type { TerraformRun } from '../../../../../shared/contract/terraform';
import { ApplyProgress } from './ApplyProgress';
import { BinaryProblem } from './BinaryProblem';
import { DiagnosticList } from './DiagnosticList';
import { LockPanel } from './LockPanel';
import { OutputsTable } from './OutputsTable';
import { changeTotal, PlanReviewPanel } from './PlanReviewPanel';
import { RunProblem } from './RunProblem';
import {
  useApplyPlan,
  useCancelRun,
  useStartPlan,
  useTerraformBinary,
  useTerraformRun,
  useTerraformRuns,
} from '../../../queries/terraform';
import { useRunProgress } from './useRunProgress';

const PHASES: Record<TerraformRun['phase'], string> = {
  init: 'Initializing (terraform init)…',
  plan: 'Planning (terraform plan)…',
  show: 'Reading the saved plan…',
  apply: 'Applying…',
  'force-unlock': 'Unlocking…',
};

/**
 * Step 5: plan, review, apply exactly the reviewed plan, with live progress; cancel at any time. With
 * `destroy` (the Workspaces page), the same flow for a `plan -destroy`: reviewed, confirmed, applied.
 */
export function ApplyStep({ workspaceKey, destroy = false }: { workspaceKey: string; destroy?: boolean }) {
  const binary = useTerraformBinary();
  if (binary.isPending) return <Typography role="status">Looking for Terraform…</Typography>;
  if (binary.isError) return <Alert severity="error">Could not check for Terraform: {binary.error.message}</Alert>;
  if (binary.data.status !== 'found') return <BinaryProblem status={binary.data} />;
  return (
    <ApplyRuns
      workspaceKey={workspaceKey}
      destroy={destroy}
      binaryLabel={`${binary.data.flavor} ${binary.data.version} (${binary.data.path})`}
    />
  );
}

const DONE_HEADINGS = {
  apply: { running: 'Applying', succeeded: 'Applied', other: 'Apply did not finish' },
  destroy: { running: 'Destroying', succeeded: 'Destroyed', other: 'Destroy did not finish' },
};

function ApplyRuns(props: { workspaceKey: string; binaryLabel: string; destroy: boolean }) {
  const { workspaceKey, binaryLabel, destroy } = props;
  const headings = DONE_HEADINGS[destroy ? 'destroy' : 'apply'];
  const headingId = `${destroy ? 'destroy' : 'apply'}-heading-${workspaceKey}`;
  const [planRunId, setPlanRunId] = useState<string>();
  const [applyRunId, setApplyRunId] = useState<string>();
  const previous = useTerraformRuns(workspaceKey, 1).data?.[0];
  const planRun = useTerraformRun(planRunId).data;
  const applyRun = useTerraformRun(applyRunId).data;
  // A plan's lines matter only when it fails (its diagnostics): read from its stored log then, rather
  // than folding thousands of planned changes live that the review shows anyway.
  const planFailed = planRun !== undefined && planRun.run.status !== 'running' && planRun.run.status !== 'succeeded';
  const planProgress = useRunProgress(planFailed ? planRunId : undefined);
  const applyProgress = useRunProgress(applyRunId);
  const startPlan = useStartPlan();
  const apply = useApplyPlan();
  const cancel = useCancelRun();
  const running = [planRun?.run, applyRun?.run].find((run) => run?.status === 'running');
  const review = planRun?.run.status === 'succeeded' ? planRun.plan : undefined;
  const applyEnded = applyRun !== undefined && applyRun.run.status !== 'running';
  // After a failure, planning again (once the cause is fixed) is the way on: it is the primary action.
  const needsFix = planFailed || (applyEnded && applyRun.run.status !== 'succeeded');

  const plan = (): void => {
    setApplyRunId(undefined);
    apply.reset();
    startPlan.mutate({ workspaceKey, destroy }, { onSuccess: (run) => setPlanRunId(run.id) });
  };
  const applyReviewed = (): void => {
    if (!planRunId || !review) return;
    apply.mutate({ planRunId, reviewed: review.counts }, { onSuccess: (run) => setApplyRunId(run.id) });
  };

  return (
    <Stack sx={{ gap: 2 }}>
      <Typography>
        Workspace <code>{workspaceKey}</code>, with {binaryLabel}.{' '}
        {destroy
          ? 'Plan the destroy first: nothing is destroyed until you apply the plan you reviewed. The workspace files and its state stay where they are.'
          : 'Plan first: nothing changes until you apply the plan you reviewed.'}
      </Typography>
      {!planRunId && previous?.status === 'interrupted' ? <RunProblem run={previous} /> : null}
      <Stack direction="row" sx={{ gap: 1, alignItems: 'center' }}>
        <Button
          variant={review && !needsFix ? 'outlined' : 'contained'}
          onClick={plan}
          disabled={running !== undefined}
          loading={startPlan.isPending}
        >
          {destroy ? (planRunId ? 'Plan destroy again' : 'Plan destroy') : planRunId ? 'Plan again' : 'Plan'}
        </Button>
        {running ? (
          <>
            <Typography role="status">{PHASES[running.phase]}</Typography>
            <Button color="error" onClick={() => cancel.mutate(running.id)} loading={cancel.isPending}>
              Cancel
            </Button>
          </>
        ) : null}
      </Stack>
      {startPlan.error ? <Alert severity="error">{startPlan.error.message}</Alert> : null}
      {planRun && planFailed ? (
        <>
          <RunProblem run={planRun.run} diagnosticsShown={planProgress.diagnostics.length > 0} />
          {planRun.run.lock ? (
            <LockPanel workspaceKey={workspaceKey} lock={planRun.run.lock} onUnlocked={plan} />
          ) : null}
          <DiagnosticList diagnostics={planProgress.diagnostics} />
        </>
      ) : null}
      {review && !applyRunId ? (
        <PlanReviewPanel review={review} applying={apply.isPending} onApply={applyReviewed} />
      ) : null}
      {apply.error ? <Alert severity="error">{apply.error.message}</Alert> : null}
      {applyRun ? (
        <Stack sx={{ gap: 2 }} component="section" aria-labelledby={headingId}>
          <Typography id={headingId} variant="subtitle1" component="h3">
            {applyRun.run.status === 'running'
              ? headings.running
              : applyRun.run.status === 'succeeded'
                ? headings.succeeded
                : headings.other}
          </Typography>
          <ApplyProgress progress={applyProgress} planned={review ? changeTotal(review) : 0} />
          {applyRun.run.status !== 'running' ? (
            <RunProblem run={applyRun.run} diagnosticsShown={applyProgress.diagnostics.length > 0} />
          ) : null}
          {applyRun.run.lock ? (
            <LockPanel workspaceKey={workspaceKey} lock={applyRun.run.lock} onUnlocked={plan} />
          ) : null}
          <DiagnosticList diagnostics={applyProgress.diagnostics} />
          {applyRun.run.status === 'succeeded' && applyProgress.outputs ? (
            <OutputsTable outputs={applyProgress.outputs} />
          ) : null}
        </Stack>
      ) : null}
    </Stack>
  );
}
