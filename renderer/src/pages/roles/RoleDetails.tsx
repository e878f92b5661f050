import ExpandMoreIcon from '@mui/icons-material/ExpandMore';
import {
  Accordion,
  AccordionDetails,
  AccordionSummary,
  Alert,
  Card,
  CardContent,
  Divider,
  List,
  ListItem,
  ListItemText,
  Stack,
  Typography,
} from '@mui/material';
import { memo, useMemo } from 'react';
import type { RoleSummary } from '../../../../shared/contract/roles';
import { describeTrust, type TrustGrant } from '../../../../shared/trust-policy/describe-trust';
import { CodeBlock } from '../../components/CodeBlock';
import { ExplainAccessForm } from './ExplainAccessForm';
import { FindingList } from './FindingList';
import { RolePoliciesSection } from './RolePoliciesSection';

/** One role: who can assume it, its findings, its trust document, its policies, and "Explain access". */
export const RoleDetails = memo(function RoleDetails({ profile, role }: { profile: string; role: RoleSummary }) {
  const grants = useMemo(() => grantsOf(role.trustPolicy), [role.trustPolicy]);
  return (
    <Card component="section" variant="outlined" aria-labelledby="role-details-title">
      <CardContent>
        <Stack sx={{ gap: 2 }}>
          <Stack>
            <Typography id="role-details-title" variant="h6" component="h2">
              {role.name}
            </Typography>
            <Typography variant="body2" sx={{ color: 'text.secondary', wordBreak: 'break-all' }}>
              {role.arn}
            </Typography>
            {role.description ? <Typography variant="body2">{role.description}</Typography> : null}
          </Stack>

          <Typography variant="subtitle1" component="h3">
            Who can assume it
          </Typography>
          {role.trustError ? (
            <Alert severity="warning">The trust policy cannot be read: {role.trustError}</Alert>
          ) : null}
          {grants.length === 0 && !role.trustError ? (
            <Typography variant="body2">No one: the trust policy has no statements.</Typography>
          ) : null}
          {grants.length > 0 ? (
            <List dense aria-label="Who can assume it" disablePadding>
              {grants.map((grant, index) => (
                <ListItem key={`${grant.statement}-${index}`} disableGutters>
                  <ListItemText primary={grantLine(grant)} secondary={`${grant.statement} · ${grant.actions}`} />
                </ListItem>
              ))}
            </List>
          ) : null}

          <Typography variant="subtitle1" component="h3">
            Findings
          </Typography>
          <FindingList
            findings={role.findings}
            label={`Findings for ${role.name}`}
            empty="No findings in the trust policy."
          />

          <Accordion variant="outlined" disableGutters slotProps={{ transition: { unmountOnExit: true } }}>
            <AccordionSummary expandIcon={<ExpandMoreIcon />}>Trust policy document</AccordionSummary>
            <AccordionDetails>
              <CodeBlock label={`Trust policy of ${role.name}`} sx={{ p: 1.5, maxHeight: 360, fontSize: 13 }}>
                {role.trustPolicy ?? ''}
              </CodeBlock>
            </AccordionDetails>
          </Accordion>

          <Divider />
          <Typography variant="subtitle1" component="h3">
            Permissions
          </Typography>
          <RolePoliciesSection profile={profile} roleName={role.name} />

          <Divider />
          <Typography variant="subtitle1" component="h3">
            Explain access
          </Typography>
          {role.trustPolicy && !role.trustError ? (
            <ExplainAccessForm key={role.arn} roleName={role.name} trustPolicy={role.trustPolicy} />
          ) : (
            <Typography variant="body2">Without a readable trust policy there is nothing to evaluate.</Typography>
          )}
        </Stack>
      </CardContent>
    </Card>
  );
});

function grantsOf(trustPolicy: string | undefined): TrustGrant[] {
  if (!trustPolicy) return [];
  try {
    return describeTrust(trustPolicy);
  } catch {
    // The core already reported it as trustError.
    return [];
  }
}

function grantLine(grant: TrustGrant): string {
  const who = grant.effect === 'Deny' ? `Denied: ${grant.principal}` : grant.principal;
  return grant.conditions.length === 0
    ? `${who}, unconditionally`
    : `${who}, only with ${grant.conditions.join(' and ')}`;
}
