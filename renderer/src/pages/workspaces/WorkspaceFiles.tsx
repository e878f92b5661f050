import { Alert, Box, Typography } from '@mui/material';
import type { Association } from '../../../../shared/contract/associations';
import { useWorkspacePreview } from '../../queries/associations';
import { associationInput } from '../onboard/wizard-values';

/** The workspace's files as they are on disk, read through one of its associations' preview. */
export function WorkspaceFiles({ association }: { association: Association }) {
  const preview = useWorkspacePreview(associationInput(association.values, association.id), true);
  if (preview.isError) return <Alert severity="error">Could not read the files: {preview.error.message}</Alert>;
  if (!preview.data) return <Typography role="status">Reading the files…</Typography>;
  return (
    <Box>
      <Typography variant="body2">
        Directory <code>{preview.data.workspaceDir}</code>
      </Typography>
      {preview.data.current.map((file) => (
        <Box component="details" key={file.path} sx={{ mt: 1 }}>
          <Box component="summary" sx={{ cursor: 'pointer' }}>
            {file.path}
            {file.content === null ? ' (missing)' : file.liaison ? '' : ' (not written by Liaison)'}
          </Box>
          <Box
            component="pre"
            tabIndex={0}
            aria-label={file.path}
            sx={{ m: 0, p: 1, fontSize: 12, overflow: 'auto', bgcolor: 'action.hover' }}
          >
            {file.content ?? ''}
          </Box>
        </Box>
      ))}
    </Box>
  );
}
