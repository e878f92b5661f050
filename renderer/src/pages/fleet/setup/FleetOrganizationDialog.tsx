import { useCallback, useMemo } from 'react';
import type { AwsOrganization, OrganizationAccount } from '../../../../../shared/contract/organizations';
import {
  candidateFromAccount,
  selectOrganizationUnit,
  type FleetCandidate,
  type UnitSelection,
} from '../../../../../shared/fleet/fleet-selection';
import { OrganizationPickerDialog } from '../../onboard/organization/OrganizationPickerDialog';
import { FleetUnitAdd, indentedUnits } from './FleetUnitAdd';

interface FleetOrganizationDialogProps {
  open: boolean;
  profile: string;
  roleName: string;
  /** What is selected so far ("Selected: 4 accounts"), so adding here shows its effect. */
  selectedText: string;
  onAdd: (candidates: FleetCandidate[], skipped: UnitSelection['skipped']) => void;
  onClose: () => void;
}

/**
 * The organization picker, adding instead of picking: every active account of a unit (nested units
 * included) at once, or accounts one by one from the tree.
 */
export function FleetOrganizationDialog({
  open,
  profile,
  roleName,
  selectedText,
  onAdd,
  onClose,
}: FleetOrganizationDialogProps) {
  const unitAction = useCallback(
    (organization: AwsOrganization) => (
      <OrganizationUnitAdd organization={organization} selectedText={selectedText} onAdd={onAdd} />
    ),
    [onAdd, selectedText],
  );
  const pick = useCallback(
    (account: OrganizationAccount, organization: AwsOrganization) =>
      onAdd([candidateFromAccount(organization, account)], []),
    [onAdd],
  );
  return (
    <OrganizationPickerDialog
      open={open && profile !== ''}
      profile={profile}
      roleName={roleName}
      title="Add accounts from the organization"
      closeLabel="Done"
      unitAction={unitAction}
      onPick={pick}
      onClose={onClose}
    />
  );
}

/** The unit chooser; its options (with each unit's account count) are computed once per listing, not per keystroke. */
function OrganizationUnitAdd({
  organization,
  selectedText,
  onAdd,
}: {
  organization: AwsOrganization;
  selectedText: string;
  onAdd: FleetOrganizationDialogProps['onAdd'];
}) {
  const units = useMemo(
    () =>
      indentedUnits(
        organization.roots,
        organization.units,
        (id) => selectOrganizationUnit(organization, id).candidates.length,
      ),
    [organization],
  );
  return (
    <FleetUnitAdd
      label="Organizational unit"
      units={units}
      addLabel="Add all active accounts in this unit"
      hint="Nested units are included; suspended or closing accounts are left out. Or pick accounts one by one:"
      status={selectedText}
      onAdd={(unitId) => {
        const selection = selectOrganizationUnit(organization, unitId);
        onAdd(selection.candidates, selection.skipped);
      }}
    />
  );
}
