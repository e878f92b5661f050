import {
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  LinearProgress,
  Stack,
  TextField,
} from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState, type ReactNode } from 'react';
import {
  organizationMethods,
  organizationEvents,
  type AwsOrganization,
  type OrganizationAccount,
} from '../../../../../shared/contract/organizations';
import { useClient } from '../../../client/ClientProvider';
import { queryKeys } from '../../../client/query-keys';
import { ErrorState } from '../../../components/ErrorState';
import { OrganizationTreeList } from './OrganizationTreeList';
import { indexOrganization, organizationRows } from './organization-tree';
import { registerContract } from '../../../client/contract-registry';

// This domain is not on the start page: its schemas load with the code that calls it.
registerContract({ methods: organizationMethods, events: organizationEvents });

interface OrganizationPickerDialogProps {
  open: boolean;
  profile: string;
  roleName: string;
  /** Absent: the organization is only shown (from the Credentials page). */
  onPick?: (account: OrganizationAccount, organization: AwsOrganization) => void;
  onClose: () => void;
  /** Replaces the default title (e.g. the fleet page adds many accounts, not one). */
  title?: string;
  /** Replaces the default close button's label. */
  closeLabel?: string;
  /** Shown above the filter once listed: the fleet page's "every active account of a unit". */
  unitAction?: (organization: AwsOrganization) => ReactNode;
}

/** The organization the management profile sees, as a filterable tree; picking an account fills its id. */
export function OrganizationPickerDialog({
  open,
  profile,
  roleName,
  onPick,
  onClose,
  title,
  closeLabel,
  unitAction,
}: OrganizationPickerDialogProps) {
  const client = useClient();
  const [filter, setFilter] = useState('');
  const listing = useQuery({
    queryKey: [...queryKeys.awsOrganization, profile],
    queryFn: () => client.call('listAwsOrganization', { profile }),
    enabled: open,
    retry: false,
    staleTime: 5 * 60_000,
  });
  const index = useMemo(() => (listing.data ? indexOrganization(listing.data) : undefined), [listing.data]);
  const rows = useMemo(() => (index ? organizationRows(index, filter) : []), [index, filter]);
  const organization = listing.data;
  const accounts = rows.filter((row) => row.kind === 'leaf').length;
  return (
    <Dialog open={open} onClose={onClose} fullWidth maxWidth="md" aria-labelledby="organization-picker-title">
      <DialogTitle id="organization-picker-title">
        {title ?? (onPick ? 'Pick an account from the organization' : `The organization “${profile}” sees`)}
      </DialogTitle>
      <DialogContent>
        <Stack sx={{ gap: 2, pt: 1 }}>
          {listing.isPending ? (
            <Stack sx={{ gap: 1 }} role="status">
              Listing the organization that “{profile}” sees…
              <LinearProgress aria-label="Listing the organization" />
            </Stack>
          ) : null}
          {listing.isError ? (
            <ErrorState
              title={`Could not list the organization with “${profile}”`}
              error={listing.error}
              onRetry={() => void listing.refetch()}
              retrying={listing.isFetching}
            />
          ) : null}
          {organization ? (
            <>
              {unitAction?.(organization)}
              <TextField
                autoFocus={!unitAction}
                label="Filter by name, id, email or unit"
                value={filter}
                onChange={(event) => setFilter(event.target.value)}
                helperText={`${accounts} of ${listing.data.accounts.length} accounts in organization ${listing.data.organizationId} (management account ${listing.data.managementAccountId})`}
              />
              <OrganizationTreeList
                rows={rows}
                roleName={roleName}
                {...(onPick ? { onPick: (account: OrganizationAccount) => onPick(account, organization) } : {})}
              />
            </>
          ) : null}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{closeLabel ?? (onPick ? 'Cancel' : 'Close')}</Button>
      </DialogActions>
    </Dialog>
  );
}
