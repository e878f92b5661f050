import { Box } from '@mui/material';
import { useMemo } from 'react';
import { MONOSPACE_FONTS } from '../../theme';
import { diffLines } from './line-diff';

const PREFIX = { same: '  ', added: '+ ', removed: '- ' } as const;
const BACKGROUND = { same: 'transparent', added: '#e6ffec', removed: '#ffebe9' } as const;

/** What saving changes in one workspace file: removed lines red with "-", added green with "+". */
export function FileDiff({ before, after, label }: { before: string | null; after: string; label: string }) {
  const lines = useMemo(() => diffLines(before, after), [before, after]);
  return (
    <Box
      component="pre"
      tabIndex={0}
      aria-label={label}
      sx={{
        m: 0,
        p: 1,
        maxHeight: '20rem',
        overflow: 'auto',
        border: 1,
        borderColor: 'divider',
        borderRadius: 1,
        fontFamily: MONOSPACE_FONTS,
        fontSize: '0.8rem',
        color: '#1f1f1f',
      }}
    >
      {lines.map((line, index) => (
        <Box component="span" key={index} sx={{ display: 'block', bgcolor: BACKGROUND[line.kind] }}>
          {PREFIX[line.kind]}
          {line.text}
        </Box>
      ))}
    </Box>
  );
}
