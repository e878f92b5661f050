import { Box } from '@mui/material';
import { useMemo } from 'react';
import { CodeBlock } from '../../components/CodeBlock';
import { highlightHcl, type HclTokenKind } from './hcl-highlight';

// Colours chosen for at least 4.5:1 contrast on the light code background (axe checks it).
const COLOURS: Record<HclTokenKind, string> = {
  comment: '#4d6a3d',
  string: '#8a3b12',
  keyword: '#6f2da8',
  attribute: '#0b5394',
  punctuation: '#333333',
  text: '#1f1f1f',
};

interface HclCodeProps {
  content: string;
  /** Markdown and other files are shown as plain text. */
  highlight: boolean;
  label: string;
  codeRef?: React.Ref<HTMLElement>;
}

/** A generated file, syntax-highlighted; focusable and scrollable by keyboard. */
export function HclCode({ content, highlight, label, codeRef }: HclCodeProps) {
  const tokens = useMemo(
    () => (highlight ? highlightHcl(content) : [{ kind: 'text' as const, text: content }]),
    [content, highlight],
  );
  return (
    <CodeBlock label={label} sx={{ p: 2, maxHeight: '28rem', bgcolor: '#f6f8fa', fontSize: '0.85rem' }}>
      <Box component="code" ref={codeRef} data-testid="file-content">
        {tokens.map((token, index) => (
          <span key={index} style={{ color: COLOURS[token.kind] }}>
            {token.text}
          </span>
        ))}
      </Box>
    </CodeBlock>
  );
}
