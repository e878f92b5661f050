import DownloadOutlined from '@mui/icons-material/DownloadOutlined';
import { Alert, Button, Stack } from '@mui/material';
import { useMutation } from '@tanstack/react-query';
import type { ExportFile } from '../../../../shared/contract/health';
import { downloadExport } from '../../queries/health';

/** CSV and JSON download buttons for whatever `load` exports. */
export function ExportButtons({ what, load }: { what: string; load: (format: 'csv' | 'json') => Promise<ExportFile> }) {
  const exporting = useMutation({ mutationFn: load, onSuccess: downloadExport });
  return (
    <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
      {(['csv', 'json'] as const).map((format) => (
        <Button
          key={format}
          size="small"
          startIcon={<DownloadOutlined />}
          onClick={() => exporting.mutate(format)}
          disabled={exporting.isPending}
          aria-label={`Export ${what} as ${format.toUpperCase()}`}
        >
          {format.toUpperCase()}
        </Button>
      ))}
      {exporting.error ? <Alert severity="error">{exporting.error.message}</Alert> : null}
    </Stack>
  );
}
