import {
  Alert,
  AlertTitle,
  Box,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  Stack,
  Typography,
} from '@mui/material';
import { useId, useState } from 'react';
import type { PlanReview } from '../../../../../shared/contract/terraform';
import { PlanTable } from './PlanTable';

interface PlanReviewPanelProps {
  review: PlanReview;
  applying: boolean;
  onApply: () => void;
  /** The action's words (the fleet board approves rather than applies); default "Apply N changes". */
  actionLabel?: (total: number) => string;
  /** A plan without changes can still be taken (the fleet approves it, so the account is checked). */
  allowNoChanges?: boolean;
}

const applyLabel = (total: number): string => `Apply ${total} ${total === 1 ? 'change' : 'changes'}`;

/** The number of resource changes an apply makes (reads and no-ops change nothing). */
export function changeTotal(review: PlanReview): number {
  const { create, update, replace, delete: remove } = review.counts;
  return create + update + replace + remove;
}

/** The saved plan for review: destroys called out first, every change listed, then Apply. */
export function PlanReviewPanel({
  review,
  applying,
  onApply,
  actionLabel = applyLabel,
  allowNoChanges = false,
}: PlanReviewPanelProps) {
  const [confirming, setConfirming] = useState(false);
  const headingId = useId();
  const dialogTitleId = useId();
  const total = changeTotal(review);
  const destructive = review.changes.filter((change) => change.action === 'delete' || change.action === 'replace');
  const { create, update, replace, delete: remove } = review.counts;
  const apply = (): void => (destructive.length > 0 ? setConfirming(true) : onApply());
  return (
    <Stack sx={{ gap: 2 }} component="section" aria-labelledby={headingId}>
      <Typography id={headingId} variant="subtitle1" component="h3">
        Plan: {create} to create, {update} to update, {replace} to replace, {remove} to delete
      </Typography>
      {review.driftCount > 0 ? (
        <Alert severity="info">
          {review.driftCount} {review.driftCount === 1 ? 'resource was' : 'resources were'} changed outside Terraform
          since the last apply.
        </Alert>
      ) : null}
      {destructive.length > 0 ? (
        <Alert severity="warning">
          <AlertTitle>
            This plan destroys or replaces {destructive.length} {destructive.length === 1 ? 'resource' : 'resources'}
          </AlertTitle>
          <Box component="ul" sx={{ m: 0, pl: 2 }}>
            {destructive.map((change) => (
              <li key={change.address}>
                {change.action === 'delete' ? 'Delete' : 'Replace'} <code>{change.address}</code>
              </li>
            ))}
          </Box>
        </Alert>
      ) : null}
      {total === 0 ? (
        <Alert severity="success">No changes: the infrastructure already matches the configuration.</Alert>
      ) : (
        <PlanTable changes={review.changes.filter((change) => change.action !== 'no-op')} />
      )}
      {review.errored ? (
        <Alert severity="error">Terraform marked this plan as errored; it cannot be applied.</Alert>
      ) : null}
      <div>
        <Button
          variant="contained"
          disabled={(total === 0 && !allowNoChanges) || review.errored}
          loading={applying}
          onClick={apply}
        >
          {actionLabel(total)}
        </Button>
      </div>
      <Dialog open={confirming} onClose={() => setConfirming(false)} aria-labelledby={dialogTitleId}>
        <DialogTitle id={dialogTitleId}>Destroy or replace resources?</DialogTitle>
        <DialogContent>
          <DialogContentText>
            Applying deletes {remove} and replaces {replace} {remove + replace === 1 ? 'resource' : 'resources'}. A
            replaced role or identity pool is briefly absent, and anything using it fails until it is back.
          </DialogContentText>
          <Box component="ul" aria-label="Resources destroyed or replaced" sx={{ mb: 0 }}>
            {destructive.map((change) => (
              <li key={change.address}>
                {change.action === 'delete' ? 'Delete' : 'Replace'} <code>{change.address}</code>
              </li>
            ))}
          </Box>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setConfirming(false)}>Go back</Button>
          <Button
            color="error"
            variant="contained"
            onClick={() => {
              setConfirming(false);
              onApply();
            }}
          >
            {actionLabel(total)}
          </Button>
        </DialogActions>
      </Dialog>
    </Stack>
  );
}
