import { Box } from '@mui/material';
import { useMemo } from 'react';
import { CodeBlock } from '../../components/CodeBlock';
import { diffLines } from './line-diff';

const PREFIX = { same: '  ', added: '+ ', removed: '- ' } as const;
const BACKGROUND = { same: 'transparent', added: '#e6ffec', removed: '#ffebe9' } as const;

/** What saving changes in one workspace file: removed lines red with "-", added green with "+". */
export function FileDiff({ before, after, label }: { before: string | null; after: string; label: string }) {
  const lines = useMemo(() => diffLines(before, after), [before, after]);
  return (
    <CodeBlock label={label} sx={{ p: 1, maxHeight: '20rem', fontSize: '0.8rem', color: '#1f1f1f' }}>
      {lines.map((line, index) => (
        <Box component="span" key={index} sx={{ display: 'block', bgcolor: BACKGROUND[line.kind] }}>
          {PREFIX[line.kind]}
          {line.text}
        </Box>
      ))}
    </CodeBlock>
  );
}
