import CompareArrowsOutlined from '@mui/icons-material/CompareArrowsOutlined';
import { Chip, Tooltip } from '@mui/material';
import type { HealthRow } from '../../../../shared/contract/health';

const LABEL: Record<HealthRow['drift'], string> = {
  unknown: 'Not checked',
  'in-sync': 'In sync',
  drift: 'Drifted',
  error: 'Plan failed',
};

/** Whether the workspace's resources still match its state; a drifted one shows what differs on hover. */
export function DriftFlag({ row }: { row: HealthRow }) {
  if (row.drift === 'unknown' || row.drift === 'in-sync') return <span>{LABEL[row.drift]}</span>;
  return (
    <Tooltip title={row.driftDetail ?? ''}>
      <Chip
        size="small"
        variant="outlined"
        color={row.drift === 'drift' ? 'warning' : 'error'}
        icon={<CompareArrowsOutlined />}
        label={LABEL[row.drift]}
      />
    </Tooltip>
  );
}
