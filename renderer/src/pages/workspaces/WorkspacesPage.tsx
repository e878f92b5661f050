import { Alert, Card, CardContent, List, ListItem, ListItemText, Stack, Typography } from '@mui/material';
import type { Association } from '../../../../shared/contract/associations';
import { useGroupsQuery } from '../../queries/groups';
import { useAssociationsQuery } from '../../queries/associations';
import { useTerraformRuns } from '../../queries/terraform';
import { DestroyWorkspace } from './DestroyWorkspace';
import { RunHistoryTable } from './RunHistoryTable';
import { WorkspaceApply } from './WorkspaceApply';
import { WorkspaceFiles } from './WorkspaceFiles';

/** The generated associations, by the account or project workspace they share. */
function byWorkspace(associations: readonly Association[]): [string, Association[]][] {
  const groups = new Map<string, Association[]>();
  for (const association of associations) {
    if (association.status !== 'generated' || !association.workspaceKey) continue;
    groups.set(association.workspaceKey, [...(groups.get(association.workspaceKey) ?? []), association]);
  }
  return [...groups.entries()].sort(([a], [b]) => a.localeCompare(b));
}

/** Workspaces Terraform ran in whose associations are all removed: their resources may still exist. */
function withoutAssociations(runWorkspaces: readonly string[], current: readonly [string, Association[]][]) {
  const known = new Set(current.map(([key]) => key));
  return [...new Set(runWorkspaces)].filter((key) => !known.has(key)).sort();
}

/** Workspaces: each account's or project's associations, files and Terraform run history. */
export function WorkspacesPage() {
  const associations = useAssociationsQuery();
  const groups = useGroupsQuery();
  const runs = useTerraformRuns(undefined, 500);
  if (associations.isError)
    return <Alert severity="error">Could not load associations: {associations.error.message}</Alert>;
  if (!associations.data) return <Typography role="status">Loading workspaces…</Typography>;
  const workspaces = byWorkspace(associations.data);
  const emptied = withoutAssociations(runs.data?.map((run) => run.workspaceKey) ?? [], workspaces);
  if (workspaces.length === 0 && emptied.length === 0) {
    return <Typography>No workspaces yet: save an association in Onboard to create one.</Typography>;
  }
  const groupName = (id: string | undefined) => groups.data?.find((group) => group.id === id)?.name ?? id ?? '';
  return (
    <Stack sx={{ gap: 3 }}>
      {workspaces.map(([key, members]) => (
        <Card key={key} component="section" aria-labelledby={`workspace-${key}`} variant="outlined">
          <CardContent>
            <Stack sx={{ gap: 2 }}>
              <Typography id={`workspace-${key}`} variant="h6" component="h2">
                {key}
              </Typography>
              <Typography variant="subtitle2" component="h3">
                Associations
              </Typography>
              <List dense aria-label={`Associations in ${key}`}>
                {members.map((member) => (
                  <ListItem key={member.id}>
                    <ListItemText
                      primary={groupName(member.values.groupId)}
                      secondary={`Module ${member.values.moduleVersion ?? ''} · ${member.values.environment ?? ''} · state ${member.values.backend?.type ?? 'local'}`}
                    />
                  </ListItem>
                ))}
              </List>
              <Typography variant="subtitle2" component="h3">
                Files
              </Typography>
              {members[0] ? <WorkspaceFiles association={members[0]} /> : null}
              <WorkspaceApply workspaceKey={key} />
              <Typography variant="subtitle2" component="h3">
                Run history
              </Typography>
              <RunHistoryTable workspaceKey={key} />
              <DestroyWorkspace workspaceKey={key} offered={false} associations={members} groupName={groupName} />
            </Stack>
          </CardContent>
        </Card>
      ))}
      {emptied.map((key) => (
        <Card key={key} component="section" aria-labelledby={`workspace-${key}`} variant="outlined">
          <CardContent>
            <Stack sx={{ gap: 2 }}>
              <Typography id={`workspace-${key}`} variant="h6" component="h2">
                {key}
              </Typography>
              <Alert severity="warning">
                No associations are left in this workspace, but what Terraform created here stays in its state until it
                is destroyed.
              </Alert>
              <DestroyWorkspace workspaceKey={key} offered />
              <Typography variant="subtitle2" component="h3">
                Run history
              </Typography>
              <RunHistoryTable workspaceKey={key} />
            </Stack>
          </CardContent>
        </Card>
      ))}
    </Stack>
  );
}
