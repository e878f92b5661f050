import { Button, Stack, Typography } from '@mui/material';
import { useId, useState } from 'react';
import type { Association } from '../../../../shared/contract/associations';
import { useWorkspaceDestroyed } from '../../queries/terraform';
import { UnsetAfterDestroy } from '../platform/UnsetAfterDestroy';
import { ApplyStep } from '../onboard/apply/ApplyStep';

/**
 * A destroy run for a workspace: "Plan destroy" → the reviewed `plan -destroy` → confirmation naming
 * what is destroyed → apply of that saved plan. The workspace files and its state are never removed.
 */
export function DestroyWorkspace({
  workspaceKey,
  offered,
  associations = [],
  groupName = (id) => id ?? '',
}: {
  workspaceKey: string;
  offered: boolean;
  /** The associations still in the workspace: once destroyed, each is offered an unset on the platform. */
  associations?: readonly Association[];
  groupName?: (id: string | undefined) => string;
}) {
  const [open, setOpen] = useState(offered);
  const headingId = useId();
  const destroyed = useWorkspaceDestroyed(workspaceKey);
  // Offered as long as the newest apply was this destroy, so a reload does not lose it.
  const unsetOffer =
    destroyed && associations.length > 0 ? (
      <UnsetAfterDestroy associations={associations} groupName={groupName} />
    ) : null;
  if (!open) {
    return (
      <Stack sx={{ gap: 1 }}>
        <div>
          <Button color="error" variant="outlined" onClick={() => setOpen(true)}>
            Destroy…
          </Button>
        </div>
        {unsetOffer}
      </Stack>
    );
  }
  return (
    <Stack component="section" aria-labelledby={headingId} sx={{ gap: 1 }}>
      <Typography id={headingId} variant="subtitle2" component="h3">
        Destroy resources in {workspaceKey}
      </Typography>
      <ApplyStep workspaceKey={workspaceKey} destroy />
      {unsetOffer}
    </Stack>
  );
}
