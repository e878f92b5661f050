import ExpandMoreIcon from '@mui/icons-material/ExpandMore';
import { Accordion, AccordionDetails, AccordionSummary, Stack, Typography } from '@mui/material';
import type { CheckResult } from '../../../../shared/contract/checks';
import { RelativeTime } from '../../components/RelativeTime';
import { CheckResultView } from '../checks/AssociationCheckPanel';
import { VerdictChip } from '../dashboard/VerdictChip';

/** Past checks, newest first; each opens to its headline and steps. */
export function PastChecksList({ checks }: { checks: readonly CheckResult[] }) {
  return (
    <Stack component="ol" aria-label="Past checks" sx={{ p: 0, m: 0, listStyle: 'none' }}>
      {checks.map((check) => (
        <li key={check.id}>
          <Accordion disableGutters variant="outlined" slotProps={{ transition: { unmountOnExit: true } }}>
            <AccordionSummary expandIcon={<ExpandMoreIcon />}>
              <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
                <VerdictChip verdict={check.verdict} />
                <RelativeTime value={check.startedAt} />
                <Typography variant="body2">{check.durationMs} ms</Typography>
              </Stack>
            </AccordionSummary>
            <AccordionDetails>
              <CheckResultView result={check} />
            </AccordionDetails>
          </Accordion>
        </li>
      ))}
    </Stack>
  );
}
