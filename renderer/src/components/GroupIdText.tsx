import { Box } from '@mui/material';
import type { Ref } from 'react';

/** Characters kept visible at the end, so ids that share a prefix still look different. */
const TAIL_LENGTH = 8;

interface GroupIdTextProps {
  id: string;
  ref?: Ref<HTMLElement>;
  /** Show at most this many characters, giving way in the middle; omit to show the whole id, wrapped. */
  maxChars?: number;
}

/**
 * A group id in monospace, truncated in the middle. The text content stays the whole id (head +
 * tail, both inline so nothing adds a line break), so selecting, copying and screen readers all get
 * the real value.
 */
export function GroupIdText({ id, ref, maxChars }: GroupIdTextProps) {
  if (maxChars === undefined || id.length <= maxChars) {
    return (
      <Box component="code" ref={ref} title={id} sx={{ fontSize: '0.8125rem', overflowWrap: 'anywhere' }}>
        {id}
      </Box>
    );
  }
  // A child keeps its own segment, slash included, in view: the slash is what makes it a child.
  const tailLength = id.includes('/') ? id.length - id.lastIndexOf('/') : TAIL_LENGTH;
  return (
    <Box component="code" ref={ref} title={id} sx={{ fontSize: '0.8125rem', whiteSpace: 'nowrap' }}>
      <Box
        component="span"
        sx={{
          display: 'inline-block',
          // A pixel of slack: without it rounding can cost one more character than the ellipsis needs.
          maxWidth: `calc(${Math.max(6, maxChars - tailLength)}ch + 1px)`,
          overflow: 'hidden',
          textOverflow: 'ellipsis',
          verticalAlign: 'bottom',
        }}
      >
        {id.slice(0, -tailLength)}
      </Box>
      {id.slice(-tailLength)}
    </Box>
  );
}
