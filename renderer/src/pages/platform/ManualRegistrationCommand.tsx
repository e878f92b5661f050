import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import { Button, Stack, Typography } from '@mui/material';
import { useRef } from 'react';
import { CodeBlock } from '../../components/CodeBlock';
import { copyAndSay } from '../../components/copy-text';

/** Without a platform connection: the exact chainctl command that registers the association by hand. */
export function ManualRegistrationCommand({ command }: { command: string }) {
  const codeRef = useRef<HTMLSpanElement>(null);
  const copy = (): Promise<void> => copyAndSay(command, codeRef.current, 'command');
  return (
    <Stack spacing={1}>
      <Typography variant="body2">
        To register it yourself, run this where <code>chainctl</code> is signed in, then check the association:
      </Typography>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'flex-start' }}>
        <CodeBlock
          label="Command that registers the association"
          sx={{ p: 1, flexGrow: 1, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}
        >
          <span ref={codeRef}>{command}</span>
        </CodeBlock>
        <Button startIcon={<ContentCopyIcon />} onClick={() => void copy()}>
          Copy command
        </Button>
      </Stack>
    </Stack>
  );
}
