import { Alert, Button, Dialog, DialogActions, DialogContent, DialogTitle, LinearProgress } from '@mui/material';
import type { FleetItem } from '../../../../../shared/contract/fleet';
import { ErrorState } from '../../../components/ErrorState';
import { useTerraformRun } from '../../../queries/terraform';
import { PlanReviewPanel } from '../../onboard/apply/PlanReviewPanel';
import { itemTargetId, itemTargetName } from './fleet-board-filter';

interface FleetPlanReviewDialogProps {
  item: FleetItem;
  approving: boolean;
  error: Error | null;
  onApprove: () => void;
  onClose: () => void;
}

/** One account's saved plan in the wizard's own plan review; its action approves instead of applying. */
export function FleetPlanReviewDialog({ item, approving, error, onApprove, onClose }: FleetPlanReviewDialogProps) {
  const run = useTerraformRun(item.planRunId);
  const review = run.data?.plan;
  const name = itemTargetName(item) || itemTargetId(item);
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="lg" aria-labelledby="fleet-plan-review-title">
      <DialogTitle id="fleet-plan-review-title">
        Plan for {name} ({itemTargetId(item)})
      </DialogTitle>
      <DialogContent>
        {run.isPending ? <LinearProgress aria-label="Reading the plan" /> : null}
        {run.error ? (
          <ErrorState title="The plan could not be read" error={run.error} onRetry={() => void run.refetch()} />
        ) : null}
        {run.data && !review ? <Alert severity="warning">This run has no saved plan to review.</Alert> : null}
        {error ? <Alert severity="error">{error.message}</Alert> : null}
        {review && item.stage === 'approved' ? (
          <Alert severity="success">Approved: it is applied with the others, in order.</Alert>
        ) : null}
        {review && item.stage !== 'approved' ? (
          <PlanReviewPanel
            review={review}
            applying={approving}
            onApply={onApprove}
            allowNoChanges
            actionLabel={(total) => `Approve ${total} ${total === 1 ? 'change' : 'changes'}`}
          />
        ) : null}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Close</Button>
      </DialogActions>
    </Dialog>
  );
}
