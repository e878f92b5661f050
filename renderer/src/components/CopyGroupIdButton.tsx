import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import type { RefObject } from 'react';
import { notify } from '../notifications/notification-store';
import { copyText } from './copy-text';
import { IconActionButton } from './IconActionButton';

interface CopyGroupIdButtonProps {
  id: string;
  /** What to select when the clipboard cannot be written. */
  textRef: RefObject<HTMLElement | null>;
  label?: string;
}

export function CopyGroupIdButton({ id, textRef, label = 'Copy id' }: CopyGroupIdButtonProps) {
  const copy = async (): Promise<void> => {
    const outcome = await copyText(id, textRef.current);
    if (outcome === 'copied') notify('Group id copied');
    else if (outcome === 'selected')
      notify('Could not copy automatically: the id is selected, press Ctrl+C (⌘C)', 'info');
    else notify('Could not copy the id', 'error');
  };
  return (
    <IconActionButton
      label={label}
      size="small"
      icon={<ContentCopyIcon fontSize="inherit" />}
      onClick={() => void copy()}
    />
  );
}
