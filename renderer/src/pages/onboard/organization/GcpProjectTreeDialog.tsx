import {
  Autocomplete,
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
import { memo, useId, useMemo, useState, type ReactNode } from 'react';
import type { GcpCredentialRef } from '../../../../../shared/contract/gcp';
import {
  gcpFolderMethods,
  gcpFolderEvents,
  type GcpListedProject,
  type GcpProjectTree,
} from '../../../../../shared/contract/gcp-folders';
import { gcpResourceParentSchema } from '../../../../../shared/gcp-validation';
import { useClient } from '../../../client/ClientProvider';
import { ErrorState } from '../../../components/ErrorState';
import { validateValue } from '../../../forms/field-errors';
import { credentialKey, credentialLabel } from '../../credentials/gcp/gcp-credential-labels';
import { FilterableTreeList } from './FilterableTreeList';
import { indexTree, treeRows } from './organization-tree';
import { registerContract } from '../../../client/contract-registry';

// This domain is not on the start page: its schemas load with the code that calls it.
registerContract({ methods: gcpFolderMethods, events: gcpFolderEvents });

const NOUN = ['project', 'projects'] as const;
const FIVE_MINUTES = 5 * 60_000;

interface GcpProjectTreeDialogProps {
  open: boolean;
  credential: GcpCredentialRef;
  /** Absent: the projects are only shown (from the Credentials page). */
  onPick?: (project: GcpListedProject, tree: GcpProjectTree) => void;
  onClose: () => void;
  /** Replaces the default title (e.g. the fleet page adds many projects, not one). */
  title?: string;
  /** Replaces the default close button's label. */
  closeLabel?: string;
  /** Shown above the filter once listed: the fleet page's "every active project of a folder". */
  folderAction?: (tree: GcpProjectTree, rootName: string) => ReactNode;
}

/**
 * The projects under an organization or folder, as a filterable tree of folders; the organizations
 * the credentials can see are offered as a start. Picking a project fills its id and number.
 */
export function GcpProjectTreeDialog({
  open,
  credential,
  onPick,
  onClose,
  title,
  closeLabel,
  folderAction,
}: GcpProjectTreeDialogProps) {
  const client = useClient();
  const id = useId();
  const key = credentialKey(credential);
  const [parentText, setParentText] = useState('');
  const [parentError, setParentError] = useState<string>();
  const [parent, setParent] = useState<string>();
  const [filter, setFilter] = useState('');
  const organizations = useQuery({
    queryKey: ['gcp', 'organizations', key],
    queryFn: () => client.call('searchGcpOrganizations', { credential }),
    enabled: open,
    retry: false,
    staleTime: FIVE_MINUTES,
  });
  const listing = useQuery({
    queryKey: ['gcp', 'project-tree', key, parent],
    queryFn: () => client.call('listGcpProjectTree', { credential, parent: parent ?? '' }),
    enabled: open && parent !== undefined,
    retry: false,
    staleTime: FIVE_MINUTES,
  });
  const names = useMemo(
    () => new Map((organizations.data?.organizations ?? []).map((o) => [o.name, o.displayName])),
    [organizations.data],
  );
  const rootName = listing.data ? (names.get(listing.data.parent) ?? listing.data.parent) : '';
  const index = useMemo(
    () =>
      listing.data ? indexProjects(listing.data, names.get(listing.data.parent) ?? listing.data.parent) : undefined,
    [listing.data, names],
  );
  const rows = useMemo(() => (index ? treeRows(index, filter) : []), [index, filter]);
  const shown = rows.filter((row) => row.kind === 'leaf').length;

  const tree = listing.data;
  // Stable per listing, so the memoized project buttons do not re-render on each keystroke.
  const pick = useMemo(
    () => (onPick && tree ? (project: GcpListedProject) => onPick(project, tree) : undefined),
    [onPick, tree],
  );

  const list = (): void => {
    const problem = validateValue(gcpResourceParentSchema, parentText);
    setParentError(problem);
    if (problem) {
      document.getElementById(`${id}-parent`)?.focus();
      return;
    }
    setFilter('');
    setParent(gcpResourceParentSchema.parse(parentText));
  };

  return (
    <Dialog open={open} onClose={onClose} fullWidth maxWidth="md" aria-labelledby={`${id}-title`}>
      <DialogTitle id={`${id}-title`}>
        {title ??
          (onPick
            ? 'Pick a project from an organization or folder'
            : `Projects that ${credentialLabel(credential)} sees`)}
      </DialogTitle>
      <DialogContent>
        <Stack sx={{ gap: 2, pt: 1 }}>
          <Stack direction={{ xs: 'column', sm: 'row' }} sx={{ gap: 2, alignItems: { sm: 'flex-start' } }}>
            <Autocomplete
              freeSolo
              options={[...names.keys()]}
              getOptionLabel={(option) => option}
              renderOption={(props, option) => (
                <li {...props} key={option}>
                  {names.get(option)} ({option})
                </li>
              )}
              inputValue={parentText}
              onInputChange={(_event, text) => setParentText(text)}
              loading={organizations.isPending}
              sx={{ flex: 1 }}
              renderInput={(params) => (
                <TextField
                  {...params}
                  id={`${id}-parent`}
                  label="Organization or folder"
                  required
                  autoFocus
                  onKeyDown={(event) => {
                    if (event.key === 'Enter' && !event.defaultPrevented) {
                      event.preventDefault();
                      list();
                    }
                  }}
                  error={parentError !== undefined}
                  helperText={
                    parentError ??
                    (organizations.isError
                      ? `Could not find your organizations (${organizations.error.message}); type organizations/NUMBER or folders/NUMBER`
                      : 'organizations/NUMBER or folders/NUMBER; your organizations are offered')
                  }
                  slotProps={{ ...params.slotProps, htmlInput: { ...params.slotProps.htmlInput, spellCheck: false } }}
                />
              )}
            />
            <Button variant="outlined" onClick={list} loading={listing.isFetching} sx={{ mt: { sm: 1 } }}>
              List projects
            </Button>
          </Stack>
          {listing.isFetching && !listing.data ? (
            <Stack sx={{ gap: 1 }} role="status">
              Listing the folders and projects under {parent}…
              <LinearProgress aria-label="Listing the projects" />
            </Stack>
          ) : null}
          {listing.isError ? (
            <ErrorState
              title={`Could not list the projects under ${parent ?? ''}`}
              error={listing.error}
              onRetry={() => void listing.refetch()}
              retrying={listing.isFetching}
            />
          ) : null}
          {listing.data ? (
            <>
              {folderAction?.(listing.data, rootName)}
              <TextField
                label="Filter by name, id, number or folder"
                value={filter}
                onChange={(event) => setFilter(event.target.value)}
                helperText={`${shown} of ${listing.data.projects.length} projects in ${plural(listing.data.folders.length, 'folder')} under ${rootName}`}
              />
              <FilterableTreeList
                rows={rows}
                label="Projects"
                noun={NOUN}
                shownOnly={!onPick}
                testId="gcp-project-tree"
                renderLeaf={(project) => <ProjectButton project={project} onPick={pick} />}
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

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

function indexProjects(tree: GcpProjectTree, rootName: string) {
  return indexTree({
    roots: [{ id: tree.parent, name: rootName }],
    units: tree.folders.map((folder) => ({ id: folder.name, name: folder.displayName, parentId: folder.parent })),
    leaves: tree.projects,
    idOf: (project) => project.projectId,
    parentOf: (project) => project.parent,
    textOf: (project) => `${project.displayName}\n${project.projectId}\n${project.projectNumber}`,
  });
}

/** Memoized: a keystroke in the filter re-renders only the rows that changed place or appeared. */
const ProjectButton = memo(function ProjectButton({
  project,
  onPick,
}: {
  project: GcpListedProject;
  onPick: ((project: GcpListedProject) => void) | undefined;
}) {
  const content = (
    <>
      <span className="org-name">{project.displayName}</span>
      <span className="org-id">{project.projectId}</span>
      <span className="org-email">number {project.projectNumber}</span>
    </>
  );
  if (!onPick) return <div className="org-account org-account-shown">{content}</div>;
  return (
    <button
      type="button"
      className="org-account"
      aria-label={`${project.displayName}, project ${project.projectId}, number ${project.projectNumber}`}
      onClick={() => onPick(project)}
    >
      {content}
    </button>
  );
});
