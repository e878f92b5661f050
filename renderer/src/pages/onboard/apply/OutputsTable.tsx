import { Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import type { RunOutput } from './run-progress';

/** The workspace's outputs after apply; sensitive ones stay hidden, as Terraform hides them. */
export function OutputsTable({ outputs }: { outputs: readonly RunOutput[] }) {
  return (
    <section aria-labelledby="outputs-heading">
      <Typography id="outputs-heading" variant="subtitle1" component="h3">
        Outputs
      </Typography>
      {outputs.length === 0 ? (
        <Typography variant="body2">This workspace has no outputs.</Typography>
      ) : (
        <Table size="small" aria-labelledby="outputs-heading">
          <TableHead>
            <TableRow>
              <TableCell>Name</TableCell>
              <TableCell>Value</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {outputs.map((output) => (
              <TableRow key={output.name}>
                <TableCell>
                  <code>{output.name}</code>
                </TableCell>
                <TableCell>
                  <code>{output.sensitive ? '(sensitive)' : JSON.stringify(output.value)}</code>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </section>
  );
}
