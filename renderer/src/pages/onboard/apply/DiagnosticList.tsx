import { Alert, AlertTitle, Box, Stack } from '@mui/material';
import type { TerraformDiagnostic } from '../../../../../shared/contract/terraform';

/** Terraform's diagnostics as it gives them: summary, detail, and the file/line snippet. */
export function DiagnosticList({ diagnostics }: { diagnostics: readonly TerraformDiagnostic[] }) {
  if (diagnostics.length === 0) return null;
  return (
    <Stack sx={{ gap: 1 }} aria-label="Diagnostics" component="section">
      {diagnostics.map((diagnostic, index) => (
        <Alert key={index} severity={diagnostic.severity === 'error' ? 'error' : 'warning'}>
          <AlertTitle>
            {diagnostic.severity === 'error' ? 'Error' : 'Warning'}: {diagnostic.summary}
          </AlertTitle>
          {diagnostic.address ? (
            <Box>
              Resource <code>{diagnostic.address}</code>
            </Box>
          ) : null}
          {diagnostic.detail ? <Box sx={{ whiteSpace: 'pre-wrap' }}>{diagnostic.detail}</Box> : null}
          {diagnostic.range ? <Snippet diagnostic={diagnostic} /> : null}
        </Alert>
      ))}
    </Stack>
  );
}

function Snippet({ diagnostic }: { diagnostic: TerraformDiagnostic }) {
  const { range, snippet } = diagnostic;
  if (!range) return null;
  const where = `${range.filename} line ${range.start.line}`;
  if (!snippet) return <Box sx={{ mt: 1 }}>On {where}</Box>;
  const lines = snippet.code.split('\n');
  const start = snippet.highlight_start_offset;
  const end = Math.max(snippet.highlight_end_offset, start);
  return (
    <Box sx={{ mt: 1 }}>
      <Box>
        On {where}
        {snippet.context ? `, in ${snippet.context}` : ''}:
      </Box>
      <Box
        component="pre"
        tabIndex={0}
        aria-label={`Code at ${where}`}
        sx={{ m: 0, mt: 0.5, fontSize: 13, overflow: 'auto' }}
      >
        {lines.map((line, index) => (
          <Box component="span" key={index} sx={{ display: 'block' }}>
            <Box component="span" sx={{ color: 'text.secondary', userSelect: 'none' }}>
              {String(snippet.start_line + index).padStart(4)}:{' '}
            </Box>
            {index === 0 ? (
              <>
                {line.slice(0, start)}
                <Box
                  component="mark"
                  sx={{ bgcolor: 'transparent', color: 'inherit', textDecoration: 'underline wavy' }}
                >
                  {line.slice(start, end)}
                </Box>
                {line.slice(end)}
              </>
            ) : (
              line
            )}
          </Box>
        ))}
      </Box>
    </Box>
  );
}
