import {
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  FormControl,
  InputLabel,
  LinearProgress,
  NativeSelect,
  OutlinedInput,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useId, useMemo, useState } from 'react';
import type { AwsOrganization, OrganizationAccount } from '../../../../../shared/contract/organizations';
import {
  candidateFromAccount,
  selectOrganizationUnit,
  type FleetCandidate,
  type UnitSelection,
} from '../../../../../shared/fleet/fleet-selection';
import { useClient } from '../../../client/ClientProvider';
import { queryKeys } from '../../../client/query-keys';
import { ErrorState } from '../../../components/ErrorState';
import { OrganizationTreeList } from '../../onboard/organization/OrganizationTreeList';
import { indexOrganization, organizationRows } from '../../onboard/organization/organization-tree';

interface FleetOrganizationDialogProps {
  open: boolean;
  profile: string;
  roleName: string;
  onAdd: (candidates: FleetCandidate[], skipped: UnitSelection['skipped']) => void;
  onClose: () => void;
}

/** Every root and unit of the organization, indented by depth, for the unit select. */
function unitOptions(organization: AwsOrganization): { id: string; label: string }[] {
  const options: { id: string; label: string }[] = [];
  const visit = (id: string, name: string, depth: number): void => {
    const count = selectOrganizationUnit(organization, id).candidates.length;
    options.push({ id, label: `${'\u00a0\u00a0'.repeat(depth)}${name} (${count} active)` });
    for (const unit of organization.units.filter((each) => each.parentId === id)) visit(unit.id, unit.name, depth + 1);
  };
  for (const root of organization.roots) visit(root.id, root.name, 0);
  return options;
}

/**
 * Adds accounts from the organization the management profile sees: every active account of a unit
 * (nested units included) at once, or accounts one by one from the tree.
 */
export function FleetOrganizationDialog({ open, profile, roleName, onAdd, onClose }: FleetOrganizationDialogProps) {
  const client = useClient();
  const unitSelectId = useId();
  const [unitId, setUnitId] = useState('');
  const [filter, setFilter] = useState('');
  const listing = useQuery({
    queryKey: [...queryKeys.awsOrganization, profile],
    queryFn: () => client.call('listAwsOrganization', { profile }),
    enabled: open && profile !== '',
    retry: false,
    staleTime: 5 * 60_000,
  });
  const units = useMemo(() => (listing.data ? unitOptions(listing.data) : []), [listing.data]);
  const index = useMemo(() => (listing.data ? indexOrganization(listing.data) : undefined), [listing.data]);
  const rows = useMemo(() => (index ? organizationRows(index, filter) : []), [index, filter]);
  const chosenUnit = unitId || units[0]?.id || '';
  const addUnit = (): void => {
    if (!listing.data || chosenUnit === '') return;
    const selection = selectOrganizationUnit(listing.data, chosenUnit);
    onAdd(selection.candidates, selection.skipped);
  };
  const addAccount = (account: OrganizationAccount): void => {
    if (listing.data) onAdd([candidateFromAccount(listing.data, account)], []);
  };
  return (
    <Dialog open={open} onClose={onClose} fullWidth maxWidth="md" aria-labelledby="fleet-organization-title">
      <DialogTitle id="fleet-organization-title">Add accounts from the organization</DialogTitle>
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
          {listing.data ? (
            <>
              <Stack direction={{ xs: 'column', sm: 'row' }} sx={{ gap: 1, alignItems: { sm: 'center' } }}>
                <FormControl size="small" sx={{ minWidth: 320 }}>
                  <InputLabel htmlFor={unitSelectId} shrink>
                    Organizational unit
                  </InputLabel>
                  <NativeSelect
                    id={unitSelectId}
                    value={chosenUnit}
                    onChange={(event) => setUnitId(event.target.value)}
                    input={<OutlinedInput label="Organizational unit" notched />}
                  >
                    {units.map((unit) => (
                      <option key={unit.id} value={unit.id}>
                        {unit.label}
                      </option>
                    ))}
                  </NativeSelect>
                </FormControl>
                <Button variant="contained" onClick={addUnit}>
                  Add all active accounts in this unit
                </Button>
              </Stack>
              <Typography variant="body2" color="text.secondary">
                Nested units are included; suspended or closing accounts are left out. Or pick accounts one by one:
              </Typography>
              <TextField
                label="Filter by name, id, email or unit"
                size="small"
                value={filter}
                onChange={(event) => setFilter(event.target.value)}
              />
              <OrganizationTreeList rows={rows} roleName={roleName} onPick={addAccount} />
            </>
          ) : null}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Done</Button>
      </DialogActions>
    </Dialog>
  );
}
