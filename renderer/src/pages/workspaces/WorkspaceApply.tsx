import { Button, Stack, Typography } from '@mui/material';
import { useId, useState } from 'react';
import type { TerraformRun } from '../../../../shared/contract/terraform';
import { RelativeTime } from '../../components/RelativeTime';
import { ApplyStep } from '../onboard/apply/ApplyStep';
import { useTerraformRuns } from '../../queries/terraform';

const KIND_WORDS: Record<TerraformRun['kind'], string> = {
  plan: 'Plan',
  'destroy-plan': 'Destroy plan',
  apply: 'Apply',
  'force-unlock': 'Force-unlock',
};

/** The workspace's newest run in one line: what it was, how it ended and when. */
export function LastRunLine({ workspaceKey }: { workspaceKey: string }) {
  const last = useTerraformRuns(workspaceKey, 1).data?.[0];
  if (!last) return <Typography variant="body2">Never planned or applied from Liaison.</Typography>;
  return (
    <Typography variant="body2">
      Last run: {KIND_WORDS[last.kind]} {last.status}, <RelativeTime value={last.endedAt ?? last.startedAt} />.
    </Typography>
  );
}

/**
 * Plan and apply a saved workspace again, away from the wizard: after a failed apply, a fix, or a
 * change made elsewhere. The same reviewed plan → apply flow as the wizard's Apply step.
 */
export function WorkspaceApply({ workspaceKey }: { workspaceKey: string }) {
  const [open, setOpen] = useState(false);
  const headingId = useId();
  return (
    <Stack component="section" aria-labelledby={headingId} sx={{ gap: 1 }}>
      <Typography id={headingId} variant="subtitle2" component="h3">
        Plan and apply
      </Typography>
      <LastRunLine workspaceKey={workspaceKey} />
      {open ? (
        <ApplyStep workspaceKey={workspaceKey} />
      ) : (
        <div>
          <Button variant="outlined" onClick={() => setOpen(true)}>
            Plan and apply…
          </Button>
        </div>
      )}
    </Stack>
  );
}
