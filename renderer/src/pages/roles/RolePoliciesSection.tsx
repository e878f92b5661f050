import {
  Accordion,
  AccordionDetails,
  AccordionSummary,
  Alert,
  Chip,
  LinearProgress,
  Stack,
  Typography,
} from '@mui/material';
import ExpandMoreIcon from '@mui/icons-material/ExpandMore';
import type { RolePolicy } from '../../../../shared/contract/roles';
import { CodeBlock } from '../../components/CodeBlock';
import { ErrorState } from '../../components/ErrorState';
import { FindingList } from './FindingList';
import { useRolePoliciesQuery } from './role-queries';

/** The role's attached policies (their default versions) and inline policies, each document shown on demand. */
export function RolePoliciesSection({ profile, roleName }: { profile: string; roleName: string }) {
  const query = useRolePoliciesQuery(profile, roleName);
  if (query.isPending) return <LinearProgress aria-label={`Reading the policies of ${roleName}`} />;
  if (query.isError) {
    return (
      <ErrorState
        title="Could not read the role's policies"
        error={query.error}
        onRetry={() => void query.refetch()}
        retrying={query.isFetching}
      />
    );
  }
  const { attached, inline } = query.data;
  return (
    <Stack sx={{ gap: 2 }}>
      <PolicyGroup title="Attached policies" empty="No attached policies." policies={attached} />
      <PolicyGroup title="Inline policies" empty="No inline policies." policies={inline} />
    </Stack>
  );
}

function PolicyGroup({ title, empty, policies }: { title: string; empty: string; policies: readonly RolePolicy[] }) {
  return (
    <Stack component="section" aria-label={title} sx={{ gap: 1 }}>
      <Typography variant="subtitle1" component="h4">
        {title}
      </Typography>
      {policies.length === 0 ? <Typography variant="body2">{empty}</Typography> : null}
      {policies.map((policy) => (
        <Accordion
          key={policy.arn ?? policy.name}
          variant="outlined"
          disableGutters
          slotProps={{ transition: { unmountOnExit: true } }}
        >
          <AccordionSummary expandIcon={<ExpandMoreIcon />}>
            <Stack direction="row" sx={{ gap: 1, alignItems: 'center', flexWrap: 'wrap' }}>
              <span>{policy.name}</span>
              {policy.defaultVersionId ? <Chip size="small" label={`default ${policy.defaultVersionId}`} /> : null}
              {policy.findings.length > 0 ? (
                <Chip
                  size="small"
                  color="warning"
                  variant="outlined"
                  label={`${policy.findings.length} ${policy.findings.length === 1 ? 'finding' : 'findings'}`}
                  sx={{ color: 'text.primary' }}
                />
              ) : null}
            </Stack>
          </AccordionSummary>
          <AccordionDetails>
            <Stack sx={{ gap: 1 }}>
              {policy.arn ? <Typography variant="body2">{policy.arn}</Typography> : null}
              {policy.error ? <Alert severity="warning">{policy.error}</Alert> : null}
              <FindingList findings={policy.findings} label={`Findings in ${policy.name}`} empty="No findings." />
              {policy.document ? (
                <CodeBlock label={`${policy.name} document`} sx={{ p: 1.5, maxHeight: 360, fontSize: 13 }}>
                  {policy.document}
                </CodeBlock>
              ) : null}
            </Stack>
          </AccordionDetails>
        </Accordion>
      ))}
    </Stack>
  );
}
