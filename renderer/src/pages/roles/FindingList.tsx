import { List, ListItem, ListItemText, Stack, Typography } from '@mui/material';
import type { Finding } from '../../../../shared/trust-policy/trust-findings';
import { FINDING_TITLES } from '../../../../shared/trust-policy/trust-findings';
import { FindingSeverityChip } from './FindingSeverityChip';

/** Findings with their severity, title, where they are and why they matter. */
export function FindingList({
  findings,
  label,
  empty,
}: {
  findings: readonly Finding[];
  label: string;
  empty: string;
}) {
  if (findings.length === 0) return <Typography variant="body2">{empty}</Typography>;
  return (
    <List dense aria-label={label} disablePadding>
      {findings.map((finding, index) => (
        <ListItem key={`${finding.code}-${finding.where}-${index}`} disableGutters alignItems="flex-start">
          <ListItemText
            primary={
              <Stack direction="row" sx={{ gap: 1, alignItems: 'center', flexWrap: 'wrap' }}>
                <FindingSeverityChip severity={finding.severity} />
                <span>{FINDING_TITLES[finding.code]}</span>
                <Typography component="span" variant="body2" sx={{ color: 'text.secondary' }}>
                  {finding.where}
                </Typography>
              </Stack>
            }
            secondary={finding.message}
          />
        </ListItem>
      ))}
    </List>
  );
}
