import { Alert, Button, DialogContentText, List, ListItem, ListItemText, Stack, Typography } from '@mui/material';
import { Fragment, useState } from 'react';
import { FormDialog } from '../../components/FormDialog';
import { RelativeTime } from '../../components/RelativeTime';
import type { Association, AssociationValues } from '../../../../shared/contract/associations';
import { associationKindRecord } from '../../../../shared/contract/association-kinds';
import {
  associationKindOf,
  type AssociationKind,
  type RoleRecipeKind,
} from '../../../../shared/contract/role-recipe-values';
import { describeTarget } from '../../../../shared/targets/target-kinds';
import { useGroupsQuery } from '../../queries/groups';
import { UnsetOnPlatformOption, useUnsetOnPlatform } from '../platform/UnsetOnPlatformOption';
import { useAssociationsQuery, useDeleteAssociation, useDiscardDrafts } from '../../queries/associations';
import { OnboardingWizard, type WizardStart } from './OnboardingWizard';
import { useCurrentPlatformEnvironment } from '../../queries/platform-settings';
import { ROLE_RECIPE_WIZARDS } from './role-recipes/role-recipe-wizards';
import { emptyValues, STEP_TITLES } from './wizard-values';

/** The wizard's start page: resume a draft, start afresh, or change an existing association. */
export function OnboardPage() {
  const [start, setStart] = useState<WizardStart>();
  const [role, setRole] = useState<RoleStart>();
  const [runs, setRuns] = useState(0);
  if (role) {
    const openWizard = ROLE_RECIPE_WIZARDS[role.kind];
    return <Fragment key={runs}>{openWizard({ ...role, onDone: () => setRole(undefined) })}</Fragment>;
  }
  if (start) {
    return (
      <OnboardingWizard
        key={runs}
        start={start}
        onDone={() => {
          setStart(undefined);
        }}
      />
    );
  }
  const open = (next: WizardStart): void => {
    setRuns((count) => count + 1);
    setStart(next);
  };
  const openRole = (next: RoleStart): void => {
    setRuns((count) => count + 1);
    setRole(next);
  };
  return <StartPage onOpen={open} onOpenRole={openRole} />;
}

/** A role recipe to set up (no id) or to change. */
interface RoleStart {
  kind: RoleRecipeKind;
  id: string | undefined;
  values: AssociationValues;
}

function StartPage({
  onOpen,
  onOpenRole,
}: {
  onOpen: (start: WizardStart) => void;
  onOpenRole: (start: RoleStart) => void;
}) {
  const query = useAssociationsQuery();
  const groups = useGroupsQuery();
  const remove = useDeleteAssociation();
  const [removing, setRemoving] = useState<Association>();
  const [unset, setUnset] = useState(false);
  const unsetOnPlatform = useUnsetOnPlatform();
  const [discarding, setDiscarding] = useState(false);
  const currentEnvironment = useCurrentPlatformEnvironment();
  const discardAll = useDiscardDrafts();
  const drafts = (query.data ?? []).filter((each) => each.status === 'draft');
  const generated = (query.data ?? []).filter((each) => each.status === 'generated');
  const groupName = (id: string | undefined) =>
    groups.data?.find((group) => group.id === id)?.name ?? id ?? 'no group yet';
  // Edit opens the wizard an association was made with: the platform's at its options, or the recipe's.
  const editors: { readonly [Kind in AssociationKind]: (association: Association) => void } = {
    platform: ({ id, values }) => onOpen({ id, step: 2, values, generated: true }),
    'third-party-role': ({ id, values }) => onOpenRole({ kind: 'third-party-role', id, values }),
    'eks-service-account-role': ({ id, values }) => onOpenRole({ kind: 'eks-service-account-role', id, values }),
  };
  const title = ({ values }: Association) =>
    associationKindRecord(values).title({ groupName: groupName(values.groupId), roleName: values.role?.roleName });
  const target = (association: Association) =>
    association.values.cloud === undefined
      ? 'no cloud yet'
      : describeTarget({ ...association.values, cloud: association.values.cloud });

  return (
    <Stack sx={{ gap: 3 }}>
      <Typography>
        Associate a group with an AWS account or a Google Cloud project: Liaison writes the Terraform (pinned to a
        module version) for you to review, save and apply.
      </Typography>
      <div>
        <Button
          variant="contained"
          onClick={() =>
            // The environment saved in Settings → Platform is the one proposed (enforce.dev until set).
            onOpen({
              id: undefined,
              step: 0,
              values: { ...emptyValues, ...(currentEnvironment ? { environment: currentEnvironment } : {}) },
              generated: false,
            })
          }
        >
          Start onboarding
        </Button>{' '}
        <Button variant="outlined" onClick={() => onOpenRole({ kind: 'third-party-role', id: undefined, values: {} })}>
          Set up a third-party role
        </Button>{' '}
        <Button
          variant="outlined"
          onClick={() =>
            onOpenRole({
              kind: 'eks-service-account-role',
              id: undefined,
              values: { kind: 'eks-service-account-role' },
            })
          }
        >
          Set up an EKS service-account role
        </Button>
      </div>
      {query.isError ? <Alert severity="error">Could not load associations: {query.error.message}</Alert> : null}
      {remove.error ? <Alert severity="error">{remove.error.message}</Alert> : null}
      {discardAll.error ? <Alert severity="error">{discardAll.error.message}</Alert> : null}
      {drafts.length > 0 ? (
        <section aria-labelledby="drafts-heading">
          <Stack direction="row" sx={{ gap: 2, alignItems: 'center' }}>
            <Typography id="drafts-heading" variant="h6" component="h2">
              Unfinished
            </Typography>
            {drafts.length > 1 ? (
              <Button color="error" onClick={() => setDiscarding(true)}>
                Discard all {drafts.length}
              </Button>
            ) : null}
          </Stack>
          <List>
            {drafts.map((draft) => (
              <ListItem
                key={draft.id}
                secondaryAction={
                  <Stack direction="row" sx={{ gap: 1 }}>
                    <Button
                      onClick={() => onOpen({ id: draft.id, step: draft.step, values: draft.values, generated: false })}
                    >
                      Resume
                    </Button>
                    <Button color="error" onClick={() => remove.mutate({ id: draft.id })}>
                      Discard
                    </Button>
                  </Stack>
                }
              >
                <ListItemText
                  primary={`${groupName(draft.values.groupId)} → ${target(draft)}`}
                  secondary={
                    <>
                      Stopped at: {STEP_TITLES[draft.step] ?? ''} · last touched{' '}
                      <RelativeTime value={draft.updatedAt} />
                    </>
                  }
                />
              </ListItem>
            ))}
          </List>
        </section>
      ) : null}
      {generated.length > 0 ? (
        <section aria-labelledby="associations-heading">
          <Typography id="associations-heading" variant="h6" component="h2">
            Associations
          </Typography>
          <List>
            {generated.map((association) => (
              <ListItem
                key={association.id}
                secondaryAction={
                  <Stack direction="row" sx={{ gap: 1 }}>
                    <Button onClick={() => editors[associationKindOf(association.values)](association)}>Edit</Button>
                    <Button color="error" onClick={() => setRemoving(association)}>
                      Remove
                    </Button>
                  </Stack>
                }
              >
                <ListItemText
                  primary={`${title(association)} → ${target(association)}`}
                  secondary={`Module ${association.values.moduleVersion ?? ''} · ${association.values.environment ?? ''}`}
                />
              </ListItem>
            ))}
          </List>
        </section>
      ) : null}
      {discarding ? (
        <FormDialog
          open
          title="Discard unfinished onboardings"
          submitLabel={`Discard ${drafts.length}`}
          submitColor="error"
          initialFocus="cancel"
          pending={discardAll.isPending}
          alert={undefined}
          onClose={() => setDiscarding(false)}
          onSubmit={() => discardAll.mutate(undefined, { onSettled: () => setDiscarding(false) })}
        >
          <DialogContentText>
            Discard all {drafts.length} unfinished onboardings? Saved associations and their workspaces are not touched.
          </DialogContentText>
        </FormDialog>
      ) : null}
      {removing ? (
        <FormDialog
          open
          title="Remove association"
          submitLabel="Remove"
          submitColor="error"
          initialFocus="cancel"
          pending={remove.isPending || unsetOnPlatform.isPending}
          alert={
            unsetOnPlatform.error
              ? { message: `Nothing was removed: ${unsetOnPlatform.error.message}`, remediation: undefined }
              : undefined
          }
          onClose={() => setRemoving(undefined)}
          onSubmit={() => {
            // The platform first: when it refuses, nothing is removed and the operator can retry.
            const removeLocally = () => remove.mutate({ id: removing.id }, { onSettled: () => setRemoving(undefined) });
            if (unset) unsetOnPlatform.mutate(removing.id, { onSuccess: removeLocally });
            else removeLocally();
          }}
        >
          <DialogContentText>
            Remove <strong>{groupName(removing.values.groupId)}</strong> from {target(removing)}? Liaison takes the
            group out of the workspace’s main.tf; the cloud keeps trusting it until the workspace is applied (or, for
            the last group, destroyed from the Workspaces page).
          </DialogContentText>
          <UnsetOnPlatformOption checked={unset} onChange={setUnset} cloud={removing.values.cloud} />
        </FormDialog>
      ) : null}
    </Stack>
  );
}
