import { Box, type SxProps, type Theme } from '@mui/material';
import type { ReactNode } from 'react';
import { MONOSPACE_FONTS } from '../theme';

/** A block of file text: monospace, bordered, focusable and scrollable by keyboard. */
export function CodeBlock({ label, sx, children }: { label: string; sx?: SxProps<Theme>; children: ReactNode }) {
  return (
    <Box
      component="pre"
      tabIndex={0}
      aria-label={label}
      sx={[
        {
          m: 0,
          overflow: 'auto',
          border: 1,
          borderColor: 'divider',
          borderRadius: 1,
          fontFamily: MONOSPACE_FONTS,
        },
        ...(Array.isArray(sx) ? sx : [sx]),
      ]}
    >
      {children}
    </Box>
  );
}
