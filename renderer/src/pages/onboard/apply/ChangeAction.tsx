import AddCircleOutlineIcon from '@mui/icons-material/AddCircleOutlined';
import EditOutlinedIcon from '@mui/icons-material/EditOutlined';
import RemoveCircleOutlineIcon from '@mui/icons-material/RemoveCircleOutlined';
import SwapHorizIcon from '@mui/icons-material/SwapHoriz';
import VisibilityOutlinedIcon from '@mui/icons-material/VisibilityOutlined';
import RadioButtonUncheckedIcon from '@mui/icons-material/RadioButtonUnchecked';
import { Chip } from '@mui/material';
import type { ReactElement } from 'react';

type ChipColor = 'success' | 'warning' | 'error' | 'info' | 'default';

const ACTIONS: Record<string, { label: string; color: ChipColor; icon: ReactElement }> = {
  create: { label: 'Create', color: 'success', icon: <AddCircleOutlineIcon /> },
  update: { label: 'Update', color: 'info', icon: <EditOutlinedIcon /> },
  replace: { label: 'Replace', color: 'warning', icon: <SwapHorizIcon /> },
  delete: { label: 'Delete', color: 'error', icon: <RemoveCircleOutlineIcon /> },
  read: { label: 'Read', color: 'default', icon: <VisibilityOutlinedIcon /> },
  'no-op': { label: 'No change', color: 'default', icon: <RadioButtonUncheckedIcon /> },
  noop: { label: 'No change', color: 'default', icon: <RadioButtonUncheckedIcon /> },
  forget: { label: 'Forget', color: 'default', icon: <RemoveCircleOutlineIcon /> },
};

/** A change's action as colour, icon and word together: never colour alone. */
export function ChangeAction({ action }: { action: string }) {
  const shown = ACTIONS[action] ?? { label: action, color: 'default' as const, icon: <EditOutlinedIcon /> };
  return <Chip size="small" variant="outlined" color={shown.color} icon={shown.icon} label={shown.label} />;
}
