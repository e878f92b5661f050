import { IconButton, Tooltip, type IconButtonProps } from '@mui/material';
import type { ReactNode } from 'react';

interface IconActionButtonProps extends Omit<IconButtonProps, 'aria-label' | 'children'> {
  /** The accessible name, also shown as the tooltip. */
  label: string;
  icon: ReactNode;
}

/** An icon-only button is always named and always explains itself on hover and focus. */
export function IconActionButton({ label, icon, disabled, ...props }: IconActionButtonProps) {
  const button = (
    <IconButton aria-label={label} disabled={disabled} {...props}>
      {icon}
    </IconButton>
  );
  if (disabled) return button;
  return <Tooltip title={label}>{button}</Tooltip>;
}
