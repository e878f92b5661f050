import { Alert, Box, Button, Checkbox, FormControlLabel, Stack, Tab, Tabs, Typography } from '@mui/material';
import { useRef, useState, type ReactNode } from 'react';
import { useNavigate } from 'react-router';
import type { AssociationInput, WorkspacePreview } from '../../../../shared/contract/associations';
import { errorCodes, LiaisonError } from '../../../../shared/errors';
import { workspaceKey } from '../../../../shared/terraform/workspace-spec';
import type { TargetCloud } from '../../../../shared/targets/target-kind';
import { copyText } from '../../components/copy-text';
import { notify } from '../../notifications/notification-store';
import {
  useAssociationsQuery,
  useExportZip,
  useSaveAssociation,
  useWorkspacePreview,
} from '../../queries/associations';
import { AdoptOidcProvider } from './AdoptOidcProvider';
import { downloadBase64 } from './download-file';
import { UndeletePool } from './UndeletePool';
import { FileDiff } from './FileDiff';
import { HclCode } from './HclCode';

interface ReviewStepProps {
  input: AssociationInput;
  onSaved: (saved: { associationId: string; workspaceKey: string }) => void;
  /** The account's existing OIDC provider adopted (its ARN) or not (undefined). */
  onAdoptOidcProvider: (arn: string | undefined) => void;
}

/** Step 4: the generated files, what saving changes in the workspace, and the ways to take them away. */
export function ReviewStep({ input, onSaved, onAdoptOidcProvider }: ReviewStepProps) {
  // While the files are being saved the preview stays as reviewed: saving refreshes the associations,
  // and a preview fetched again then would find this very association and say the group is taken.
  const [saving, setSaving] = useState(false);
  const preview = useWorkspacePreview(input, !saving);
  if (preview.isPending) return <Typography role="status">Generating the files…</Typography>;
  if (preview.isError) {
    const error = preview.error;
    if (error instanceof LiaisonError && error.code === errorCodes.conflict && error.field === 'groupId') {
      return <AlreadyAssociated input={input} message={error.message} />;
    }
    return (
      <Alert severity="error">
        {error.message}
        {error instanceof LiaisonError && error.remediation ? <Box sx={{ mt: 0.5 }}>{error.remediation}</Box> : null}
      </Alert>
    );
  }
  return (
    <ReviewFiles
      input={input}
      preview={preview.data}
      onSaved={onSaved}
      onSaving={setSaving}
      onAdoptOidcProvider={onAdoptOidcProvider}
    />
  );
}

/** The group already has this account or project: the way on is the association that exists. */
function AlreadyAssociated({ input, message }: { input: AssociationInput; message: string }) {
  const navigate = useNavigate();
  const associations = useAssociationsQuery();
  const target = workspaceKey(input);
  const existing = associations.data?.find(
    (each) => each.status === 'generated' && each.values.groupId === input.groupId && each.workspaceKey === target,
  );
  return (
    <Alert
      severity="info"
      action={
        existing ? (
          <Button color="inherit" onClick={() => void navigate(`/associations/${existing.id}`)}>
            Open this association
          </Button>
        ) : undefined
      }
    >
      {message} Open it to check it, or to plan and apply its workspace again.
    </Alert>
  );
}

function ReviewFiles({
  input,
  preview,
  onSaved,
  onSaving,
  onAdoptOidcProvider,
}: ReviewStepProps & { preview: WorkspacePreview; onSaving: (saving: boolean) => void }) {
  const [tab, setTab] = useState(0);
  const [replace, setReplace] = useState(false);
  const codeRef = useRef<HTMLElement>(null);
  const save = useSaveAssociation();
  const exportZip = useExportZip();
  const file = preview.files[tab] ?? preview.files[0];
  const current = preview.current.find((each) => each.path === file?.path);
  const changed = current !== undefined && current.content !== null && current.content !== file?.content;
  const foreign = preview.foreignFiles.length > 0;

  // The promise, not mutate's per-call callbacks: those are dropped if this view unmounts meanwhile,
  // and the wizard would then never move on to Register.
  const saveFiles = (): void => {
    onSaving(true);
    save.mutateAsync({ ...input, replaceForeignFiles: replace }).then(
      (result) => {
        notify(`Saved to ${result.preview.workspaceDir}`);
        onSaved({ associationId: result.association.id, workspaceKey: result.preview.workspaceKey });
      },
      // The error is on `save.error`, shown below the files.
      () => onSaving(false),
    );
  };

  const download = (): void =>
    exportZip.mutate(input, {
      onSuccess: (zip) => downloadBase64(zip.fileName, zip.base64, 'application/zip'),
    });

  const copyMain = async (): Promise<void> => {
    const main = preview.files.find((each) => each.path === 'main.tf');
    if (!main) return;
    const outcome = await copyText(main.content, codeRef.current);
    notify(
      outcome === 'copied' ? 'main.tf copied' : 'Press Ctrl+C to copy the selected main.tf',
      outcome === 'failed' ? 'error' : 'info',
    );
  };

  return (
    <Stack sx={{ gap: 2 }}>
      <Typography>
        Workspace <code>{preview.workspaceDir}</code> — one module for {preview.groups.length}{' '}
        {preview.groups.length === 1 ? 'group' : 'groups'}:{' '}
        {preview.groups.map((group) => group.name || group.id).join(', ')}
      </Typography>
      {(EXISTING_RESOURCES[input.cloud] as ExistingResources)({
        input,
        workspaceKey: preview.workspaceKey,
        onAdoptOidcProvider,
      })}
      <Tabs value={tab} onChange={(_event, next: number) => setTab(next)} aria-label="Generated files">
        {preview.files.map((each) => (
          <Tab key={each.path} label={each.path} id={`file-tab-${each.path}`} aria-controls="file-panel" />
        ))}
      </Tabs>
      {file ? (
        <Box role="tabpanel" id="file-panel" aria-labelledby={`file-tab-${file.path}`}>
          <HclCode
            content={file.content}
            highlight={file.path.endsWith('.tf')}
            label={`${file.path} as it will be written`}
            codeRef={codeRef}
          />
          {changed ? (
            <Stack sx={{ gap: 1, mt: 2 }}>
              <Typography variant="subtitle2" component="h3">
                Changes to the {file.path} in the workspace
              </Typography>
              <FileDiff before={current.content} after={file.content} label={`Changes to ${file.path}`} />
            </Stack>
          ) : null}
        </Box>
      ) : null}
      {foreign ? (
        <Alert severity="warning">
          {preview.foreignFiles.join(', ')} in the workspace {preview.foreignFiles.length === 1 ? 'was' : 'were'} not
          written by Liaison; the changes are shown above.
          <FormControlLabel
            sx={{ display: 'flex' }}
            control={<Checkbox checked={replace} onChange={(event) => setReplace(event.target.checked)} />}
            label="Replace them with Liaison's files"
          />
        </Alert>
      ) : null}
      {save.error ? <Alert severity="error">{save.error.message}</Alert> : null}
      {exportZip.error ? <Alert severity="error">{exportZip.error.message}</Alert> : null}
      <Typography id="save-explained">
        Saving writes these files into the workspace and puts the association on the dashboard, where it is checked.
        Nothing changes in the cloud yet: the next step plans, and applies only the plan you review.
      </Typography>
      <Stack direction="row" sx={{ gap: 1, flexWrap: 'wrap' }}>
        <Button
          variant="contained"
          aria-describedby="save-explained"
          onClick={saveFiles}
          loading={save.isPending}
          disabled={foreign && !replace}
        >
          Save to workspace
        </Button>
        <Button variant="outlined" onClick={download} loading={exportZip.isPending}>
          Export zip
        </Button>
        <Button variant="outlined" onClick={() => void copyMain()}>
          Copy main.tf
        </Button>
      </Stack>
    </Stack>
  );
}

/** What the cloud may already have that the module would create, shown before the plan. */
type ExistingResources<C extends TargetCloud = TargetCloud> = (props: {
  input: Extract<AssociationInput, { cloud: C }>;
  workspaceKey: string;
  onAdoptOidcProvider: (arn: string | undefined) => void;
}) => ReactNode;

/** One per target kind: an account's OIDC provider to adopt, a project's soft-deleted pool to undelete. */
const EXISTING_RESOURCES: { readonly [C in TargetCloud]: ExistingResources<C> } = {
  aws: ({ input, workspaceKey: key, onAdoptOidcProvider }) => (
    <AdoptOidcProvider input={input} workspaceKey={key} onChange={onAdoptOidcProvider} />
  ),
  gcp: ({ input }) => <UndeletePool input={input} />,
};
