import { Alert, AlertTitle, Button, Paper, Stack, Typography } from '@mui/material';
import { useCallback, useMemo, useState } from 'react';
import {
  accessPathSchema,
  ORGANIZATION_ACCESS_ROLE,
  type AccessPathDraft,
} from '../../../../../shared/aws-access-path';
import { FLEET_CONCURRENCY_DEFAULT, type FleetRun } from '../../../../../shared/contract/fleet';
import {
  DEFAULT_NAME_TEMPLATE,
  mapByTemplate,
  mappingProblems,
  nameTemplateProblem,
  type GroupTarget,
} from '../../../../../shared/fleet/fleet-mapping';
import {
  candidateKey,
  mergeSelection,
  type FleetCandidate,
  type SkippedAccount,
} from '../../../../../shared/fleet/fleet-selection';
import { DEFAULT_AWS_MODULE_VERSION } from '../../../../../shared/terraform/module-catalog';
import { DEFAULT_ENVIRONMENT } from '../../../../../shared/terraform/platform-environment';
import type { FieldErrors } from '../../../forms/field-errors';
import type { WizardField } from '../../onboard/wizard-values';
import { AwsProfilePicker } from '../../credentials/aws/AwsProfilePicker';
import { AccessPathFields } from '../../onboard/AccessPathFields';
import { usePlatformConnection, usePlatformGroups } from '../../platform/platform-queries';
import { useCreateFleetRun } from '../fleet-queries';
import { FleetImportDialog } from './FleetImportDialog';
import { FleetMappingFields } from './FleetMappingFields';
import { FleetMappingTable } from './FleetMappingTable';
import { FleetOptionsFields, type FleetOptionValues } from './FleetOptionsFields';
import { FleetOrganizationDialog } from './FleetOrganizationDialog';

/**
 * A new fleet run: the credentials, the accounts (an organization unit, single accounts, an
 * accounts.json; exclusions), each account's group (new folders from a template, or existing ones),
 * shared options. Nothing is created on the platform or in the cloud until the board plans it.
 */
export function FleetSetup({ onCreated }: { onCreated: (run: FleetRun) => void }) {
  const [profile, setProfile] = useState<string>();
  const [accessPath, setAccessPath] = useState<AccessPathDraft>({
    kind: 'assume-role',
    roleName: ORGANIZATION_ACCESS_ROLE,
  });
  const [selection, setSelection] = useState<FleetCandidate[]>([]);
  const [excluded, setExcluded] = useState<ReadonlySet<string>>(new Set());
  const [skipped, setSkipped] = useState<SkippedAccount[]>([]);
  const [dialog, setDialog] = useState<'organization' | 'import'>();
  const [parentId, setParentId] = useState('');
  const [template, setTemplate] = useState(DEFAULT_NAME_TEMPLATE);
  const [overrides, setOverrides] = useState<ReadonlyMap<string, GroupTarget>>(new Map());
  const [options, setOptions] = useState<FleetOptionValues>({
    name: `Fleet ${new Date().toISOString().slice(0, 10)}`,
    environment: DEFAULT_ENVIRONMENT,
    concurrency: FLEET_CONCURRENCY_DEFAULT,
    awsModuleVersion: DEFAULT_AWS_MODULE_VERSION,
  });
  const create = useCreateFleetRun();

  const connection = usePlatformConnection(options.environment.trim());
  const signedIn = connection.data?.state === 'signed-in';
  const platformGroups = usePlatformGroups(options.environment.trim(), signedIn);
  const groups = useMemo(
    () => [...(platformGroups.data ?? [])].sort((a, b) => a.name.localeCompare(b.name)),
    [platformGroups.data],
  );
  const chosenParent = parentId || groups[0]?.id || '';
  const templateProblem = nameTemplateProblem(template);

  const rows = useMemo(() => {
    const generated = mapByTemplate(selection, chosenParent, templateProblem ? '{accountName}' : template);
    return generated.map((row) => ({ ...row, target: overrides.get(candidateKey(row.candidate)) ?? row.target }));
  }, [selection, chosenParent, template, templateProblem, overrides]);
  const problems = useMemo(() => mappingProblems(rows, { groups }), [rows, groups]);

  const add = (candidates: FleetCandidate[], left: SkippedAccount[] = []): void => {
    setSelection((current) => mergeSelection(current, candidates, excluded));
    if (left.length > 0) setSkipped((current) => [...current, ...left]);
  };
  const onChangeTarget = useCallback(
    (key: string, target: GroupTarget) => setOverrides((current) => new Map(current).set(key, target)),
    [],
  );
  const onExclude = useCallback((key: string) => {
    setExcluded((current) => new Set(current).add(key));
    setSelection((current) => current.filter((candidate) => candidateKey(candidate) !== key));
  }, []);

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
  const blocked = !profile || selection.length === 0 || problems.size > 0 || templateProblem !== undefined || !signedIn;
  const submit = (): void => {
    if (!profile || !parsedPath.success || blocked) return;
    create.mutate(
      {
        name: options.name,
        environment: options.environment,
        concurrency: options.concurrency,
        options: { awsModuleVersion: options.awsModuleVersion },
        registerOnPlatform: true,
        items: rows.map((row, order) => ({
          order,
          target: {
            cloud: 'aws',
            accountId: row.candidate.id,
            accountName: row.candidate.name,
            profile,
            accessPath: parsedPath.data,
          },
          group: row.target.kind === 'existing' ? row.target : { ...row.target, description: '' },
        })),
      },
      { onSuccess: onCreated },
    );
  };

  return (
    <Stack sx={{ gap: 3 }}>
      <Section title="1. Credentials">
        <AwsProfilePicker
          label="Management or security profile"
          value={profile ?? null}
          onChange={(value) => setProfile(value ?? undefined)}
        />
        <AccessPathFields path={accessPath} profile={profile} errors={pathErrors} onChange={setAccessPath} />
      </Section>

      <Section title="2. Accounts">
        <Stack direction="row" sx={{ gap: 1, flexWrap: 'wrap' }}>
          <Button variant="outlined" disabled={!profile} onClick={() => setDialog('organization')}>
            Add from the organization…
          </Button>
          <Button variant="outlined" onClick={() => setDialog('import')}>
            Add from accounts.json…
          </Button>
          {excluded.size > 0 ? (
            <Button onClick={() => setExcluded(new Set())}>Forget {excluded.size} exclusions</Button>
          ) : null}
          {selection.length > 0 ? (
            <Button color="error" onClick={() => setSelection([])}>
              Remove all
            </Button>
          ) : null}
        </Stack>
        <Typography role="status">
          {selection.length === 0
            ? 'No account selected yet.'
            : `${selection.length} ${selection.length === 1 ? 'account' : 'accounts'} selected${excluded.size > 0 ? `, ${excluded.size} excluded` : ''}.`}
        </Typography>
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
          groupsError={platformGroups.error}
          onRetryGroups={() => void platformGroups.refetch()}
          parentId={chosenParent}
          onParentChange={(id) => {
            setParentId(id);
            setOverrides(new Map());
          }}
          template={template}
          templateProblem={templateProblem}
          onTemplateChange={setTemplate}
        />
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
              onChange={onChangeTarget}
              onExclude={onExclude}
            />
          </>
        ) : null}
      </Section>

      <Section title="4. Options">
        <FleetOptionsFields
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
          Create the fleet run ({selection.length} {selection.length === 1 ? 'account' : 'accounts'})
        </Button>
      </div>
      {profile ? (
        <FleetOrganizationDialog
          open={dialog === 'organization'}
          profile={profile}
          roleName={roleName}
          onAdd={add}
          onClose={() => setDialog(undefined)}
        />
      ) : null}
      <FleetImportDialog
        open={dialog === 'import'}
        onAdd={(candidates) => add(candidates)}
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
