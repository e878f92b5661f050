import { Alert, AlertTitle, Button, Paper, Stack, Typography } from '@mui/material';
import { useCallback, useMemo, useState } from 'react';
import { accessPathSchema, ORGANIZATION_ACCESS_ROLE } from '../../../../../shared/aws-access-path';
import { FLEET_CONCURRENCY_DEFAULT, type FleetItemInput, type FleetRun } from '../../../../../shared/contract/fleet';
import {
  DEFAULT_NAME_TEMPLATE,
  mapByTemplate,
  mapToExisting,
  mappingProblems,
  nameTemplateProblem,
  type GroupTarget,
} from '../../../../../shared/fleet/fleet-mapping';
import {
  candidateKey,
  candidatesFromImport,
  mergeSelection,
  type FleetCandidate,
  type SkippedAccount,
} from '../../../../../shared/fleet/fleet-selection';
import { heldByGroup } from '../../../../../shared/fleet/fleet-held';
import { targetKind } from '../../../../../shared/targets/target-kinds';
import { DEFAULT_AWS_MODULE_VERSION, DEFAULT_GCP_MODULE_VERSION } from '../../../../../shared/terraform/module-catalog';
import { DEFAULT_ENVIRONMENT } from '../../../../../shared/terraform/platform-environment';
import type { FieldErrors } from '../../../forms/field-errors';
import type { WizardField } from '../../onboard/wizard-values';
import { useGroupsQuery } from '../../../queries/groups';
import { AccountListImportDialog } from '../../onboard/organization/AccountListImportDialog';
import { useAssociationsQuery } from '../../../queries/associations';
import { usePlatformAssociations, usePlatformConnection, usePlatformGroups } from '../../platform/platform-queries';
import { useCreateFleetRun } from '../fleet-queries';
import { FleetCredentialsFields, type FleetCredentials } from './FleetCredentialsFields';
import { FleetGcpFolderDialog } from './FleetGcpFolderDialog';
import { FleetMappingFields } from './FleetMappingFields';
import { FleetMappingTable } from './FleetMappingTable';
import { FleetOptionsFields, type FleetOptionValues } from './FleetOptionsFields';
import { FleetOrganizationDialog } from './FleetOrganizationDialog';
import { FLEET_CLOUD_SETUP, type FleetSourceDialog } from './fleet-cloud-setup';

/**
 * A new fleet run: the credentials, the accounts or projects (an organization unit or GCP folder,
 * single ones, an accounts.json; exclusions), each one's group (new folders from a template, or
 * existing ones; offline, local groups only), shared options. Nothing is created on the platform or
 * in the cloud until the board plans it.
 */
export function FleetSetup({ onCreated }: { onCreated: (run: FleetRun) => void }) {
  const [credentials, setCredentials] = useState<FleetCredentials>({
    cloud: 'aws',
    profile: undefined,
    accessPath: { kind: 'assume-role', roleName: ORGANIZATION_ACCESS_ROLE },
    gcpCredential: undefined,
  });
  const { cloud, profile, accessPath, gcpCredential } = credentials;
  const [selection, setSelection] = useState<FleetCandidate[]>([]);
  const [excluded, setExcluded] = useState<ReadonlySet<string>>(new Set());
  const [skipped, setSkipped] = useState<SkippedAccount[]>([]);
  const [dialog, setDialog] = useState<FleetSourceDialog>();
  const [parentId, setParentId] = useState('');
  const [template, setTemplate] = useState(DEFAULT_NAME_TEMPLATE);
  const [overrides, setOverrides] = useState<ReadonlyMap<string, GroupTarget>>(new Map());
  const [options, setOptions] = useState<FleetOptionValues>({
    name: `Fleet ${new Date().toISOString().slice(0, 10)}`,
    environment: DEFAULT_ENVIRONMENT,
    concurrency: FLEET_CONCURRENCY_DEFAULT,
    awsModuleVersion: DEFAULT_AWS_MODULE_VERSION,
    gcpModuleVersion: DEFAULT_GCP_MODULE_VERSION,
  });
  const create = useCreateFleetRun();

  const connection = usePlatformConnection(options.environment.trim());
  const signedIn = connection.data?.state === 'signed-in';
  // Offline, the groups registered locally (the Groups page) stand in, as in the wizard's Group step.
  const offline = connection.data !== undefined && !signedIn;
  const platformGroups = usePlatformGroups(options.environment.trim(), signedIn);
  const localGroups = useGroupsQuery();
  const groupSource = offline ? localGroups : platformGroups;
  const groups = useMemo(
    () => [...(groupSource.data ?? [])].sort((a, b) => a.name.localeCompare(b.name)),
    [groupSource.data],
  );
  const chosenParent = parentId || groups[0]?.id || '';
  const templateProblem = nameTemplateProblem(template);

  const rows = useMemo(() => {
    const generated = offline
      ? mapToExisting(selection)
      : mapByTemplate(selection, chosenParent, templateProblem ? '{accountName}' : template);
    return generated.map((row) => ({ ...row, target: overrides.get(candidateKey(row.candidate)) ?? row.target }));
  }, [selection, offline, chosenParent, template, templateProblem, overrides]);
  // The one-account-per-group rule: what the platform's records and the local associations hold already.
  const platformHeld = usePlatformAssociations(options.environment.trim(), signedIn);
  const localAssociations = useAssociationsQuery();
  const held = useMemo(
    () => heldByGroup(signedIn ? (platformHeld.data ?? []) : [], localAssociations.data ?? []),
    [signedIn, platformHeld.data, localAssociations.data],
  );
  const problems = useMemo(
    () => mappingProblems(rows, { groups, held, canCreateFolders: !offline }),
    [rows, groups, held, offline],
  );

  // Stable while the exclusions stay, so the pickers' memoized trees keep their rows.
  const add = useCallback(
    (candidates: FleetCandidate[], left: SkippedAccount[] = []): void => {
      setSelection((current) => mergeSelection(current, candidates, excluded));
      if (left.length > 0) setSkipped((current) => [...current, ...left]);
    },
    [excluded],
  );
  const onChangeTarget = useCallback(
    (key: string, target: GroupTarget) => setOverrides((current) => new Map(current).set(key, target)),
    [],
  );
  const onExclude = useCallback((key: string) => {
    setExcluded((current) => new Set(current).add(key));
    setSelection((current) => current.filter((candidate) => candidateKey(candidate) !== key));
  }, []);
  const onCredentialsChange = (patch: Partial<FleetCredentials>): void => {
    // One cloud per run: switching it starts the selection over.
    if (patch.cloud !== undefined && patch.cloud !== cloud) {
      setSelection([]);
      setExcluded(new Set());
      setSkipped([]);
      setOverrides(new Map());
    }
    setCredentials((current) => ({ ...current, ...patch }));
  };

  const parsedPath = useMemo(() => accessPathSchema.safeParse(accessPath), [accessPath]);
  const pathErrors = useMemo(() => {
    const errors: FieldErrors<WizardField> = {};
    for (const issue of parsedPath.error?.issues ?? []) {
      const field = `accessPath.${String(issue.path[0])}` as WizardField;
      errors[field] ??= issue.message;
    }
    return errors;
  }, [parsedPath]);
  const roleName = accessPath.kind === 'assume-role' ? (accessPath.roleName ?? ORGANIZATION_ACCESS_ROLE) : '';
  const setup = FLEET_CLOUD_SETUP[cloud];
  const parsedAccessPath = parsedPath.success ? parsedPath.data : undefined;
  const hasCredentials = setup.ready(credentials, parsedAccessPath);
  const { noun: one } = targetKind(cloud);
  const noun = [one, `${one}s`] as const;
  const selectedText =
    selection.length === 0
      ? `No ${noun[0]} selected yet.`
      : `${selection.length} ${selection.length === 1 ? noun[0] : noun[1]} selected${excluded.size > 0 ? `, ${excluded.size} excluded` : ''}.`;
  // The pickers say it too (worded apart from the page's line), so adding a unit or one account there shows its effect.
  const pickerStatus = `Selected: ${selection.length} ${selection.length === 1 ? noun[0] : noun[1]}`;
  const blocked =
    !hasCredentials ||
    selection.length === 0 ||
    problems.size > 0 ||
    (!offline && templateProblem !== undefined) ||
    connection.data === undefined;
  const targetOf = (candidate: FleetCandidate): FleetItemInput['target'] | undefined =>
    FLEET_CLOUD_SETUP[candidate.cloud].target(candidate, credentials, parsedAccessPath);
  const submit = (): void => {
    if (blocked) return;
    const items = rows.flatMap((row, order) => {
      const target = targetOf(row.candidate);
      if (!target) return [];
      const group = row.target.kind === 'existing' ? row.target : { ...row.target, description: '' };
      return [{ order, target, group }];
    });
    create.mutate(
      {
        name: options.name,
        environment: options.environment,
        concurrency: options.concurrency,
        options: { [targetKind(cloud).fleetModuleVersionOption]: options[targetKind(cloud).fleetModuleVersionOption] },
        registerOnPlatform: !offline,
        items,
      },
      { onSuccess: onCreated },
    );
  };

  return (
    <Stack sx={{ gap: 3 }}>
      <Section title="1. Credentials">
        <FleetCredentialsFields value={credentials} pathErrors={pathErrors} onChange={onCredentialsChange} />
      </Section>

      <Section title={`2. ${one.charAt(0).toUpperCase()}${one.slice(1)}s`}>
        <Stack direction="row" sx={{ gap: 1, flexWrap: 'wrap' }}>
          {setup.sources.map((source) => (
            <Button
              key={source.dialog}
              variant="outlined"
              disabled={source.needsCredential && !setup.hasCredential(credentials)}
              onClick={() => setDialog(source.dialog)}
            >
              {source.label}
            </Button>
          ))}
          {excluded.size > 0 ? (
            <Button onClick={() => setExcluded(new Set())}>Forget {excluded.size} exclusions</Button>
          ) : null}
          {selection.length > 0 ? (
            <Button color="error" onClick={() => setSelection([])}>
              Remove all
            </Button>
          ) : null}
        </Stack>
        <Typography role="status">{selectedText}</Typography>
        {skipped.length > 0 ? (
          <Alert severity="info" onClose={() => setSkipped([])}>
            <AlertTitle>Left out (not active)</AlertTitle>
            {skipped.map((account) => `${account.name} (${account.id}): ${account.reason}`).join('; ')}
          </Alert>
        ) : null}
      </Section>

      <Section title="3. Groups">
        <FleetMappingFields
          connection={connection.data}
          groups={groups}
          groupsError={groupSource.error}
          onRetryGroups={() => void groupSource.refetch()}
          parentId={chosenParent}
          onParentChange={(id) => {
            setParentId(id);
            setOverrides(new Map());
          }}
          template={template}
          templateProblem={templateProblem}
          onTemplateChange={setTemplate}
        />
        {platformHeld.isError ? (
          <Alert severity="warning">
            The platform’s association records could not be read ({platformHeld.error.message}): only Liaison’s own
            associations are checked for groups that already hold an account or project.
          </Alert>
        ) : null}
        {rows.length > 0 ? (
          <>
            {problems.size > 0 ? (
              <Alert severity="error" role="status">
                {problems.size} {problems.size === 1 ? 'row needs' : 'rows need'} a change before the fleet can be
                created.
              </Alert>
            ) : null}
            <FleetMappingTable
              rows={rows}
              problems={problems}
              groups={groups}
              parentId={chosenParent}
              canCreateFolders={!offline}
              onChange={onChangeTarget}
              onExclude={onExclude}
            />
          </>
        ) : null}
      </Section>

      <Section title="4. Options">
        <FleetOptionsFields
          cloud={cloud}
          values={options}
          onChange={(patch) => setOptions((current) => ({ ...current, ...patch }))}
        />
      </Section>

      {create.error ? (
        <Alert severity="error">
          <AlertTitle>The fleet run could not be created</AlertTitle>
          {create.error.message}
        </Alert>
      ) : null}
      <div>
        <Button variant="contained" size="large" disabled={blocked} loading={create.isPending} onClick={submit}>
          Create the fleet run ({selection.length} {selection.length === 1 ? noun[0] : noun[1]})
        </Button>
      </div>
      {profile ? (
        <FleetOrganizationDialog
          open={dialog === 'organization'}
          profile={profile}
          roleName={roleName}
          selectedText={pickerStatus}
          onAdd={add}
          onClose={() => setDialog(undefined)}
        />
      ) : null}
      {gcpCredential ? (
        <FleetGcpFolderDialog
          open={dialog === 'gcp-folder'}
          credential={gcpCredential}
          selectedText={pickerStatus}
          onAdd={add}
          onClose={() => setDialog(undefined)}
        />
      ) : null}
      <AccountListImportDialog
        open={dialog === 'import'}
        title="Add accounts from accounts.json"
        onAddAll={(accounts) => add(candidatesFromImport(accounts))}
        onClose={() => setDialog(undefined)}
      />
    </Stack>
  );
}

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <Paper variant="outlined" component="section" aria-label={title} sx={{ p: 2 }}>
      <Stack sx={{ gap: 2 }}>
        <Typography variant="h6" component="h2">
          {title}
        </Typography>
        {children}
      </Stack>
    </Paper>
  );
}
