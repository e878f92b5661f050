import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import type { RefObject } from 'react';
import { copyAndSay } from './copy-text';
import { IconActionButton } from './IconActionButton';

interface CopyGroupIdButtonProps {
  id: string;
  /** What to select when the clipboard cannot be written. */
  textRef: RefObject<HTMLElement | null>;
  label?: string;
}

export function CopyGroupIdButton({ id, textRef, label = 'Copy id' }: CopyGroupIdButtonProps) {
  const copy = (): Promise<void> => copyAndSay(id, textRef.current, 'group id');
  return (
    <IconActionButton
      label={label}
      size="small"
      icon={<ContentCopyIcon fontSize="inherit" />}
      onClick={() => void copy()}
    />
  );
}
