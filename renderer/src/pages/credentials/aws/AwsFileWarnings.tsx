import { Alert, AlertTitle, Box } from '@mui/material';
import type { AwsProfileList } from '../../../../../shared/contract/aws';

/** Problems with a whole file (sections the SDK drops or refuses), listed once above the table. */
export function AwsFileWarnings({ list }: { list: AwsProfileList }) {
  if (list.warnings.length === 0) return null;
  return (
    <Alert severity="warning" variant="outlined">
      <AlertTitle>
        {list.warnings.length === 1
          ? '1 problem in your AWS files'
          : `${list.warnings.length} problems in your AWS files`}
      </AlertTitle>
      <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
        {list.warnings.map((warning, index) => (
          <li key={`${warning.code}-${index}`}>
            {warning.message}
            {warning.remediation ? ` — ${warning.remediation}` : ''}
          </li>
        ))}
      </Box>
    </Alert>
  );
}
