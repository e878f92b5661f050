import { Box, Tab, Tabs } from '@mui/material';
import { useState, type ReactElement } from 'react';
import { AwsProfilesPanel } from './aws/AwsProfilesPanel';
import { GcpCredentialsPanel } from './gcp/GcpCredentialsPanel';

interface CredentialsTab {
  id: string;
  label: string;
  panel: ReactElement;
}

const tabs: CredentialsTab[] = [
  { id: 'aws', label: 'AWS profiles', panel: <AwsProfilesPanel /> },
  { id: 'gcp', label: 'GCP', panel: <GcpCredentialsPanel /> },
];

/** The operator's local cloud credentials, one tab per cloud. */
export function CredentialsPage() {
  const [current, setCurrent] = useState(tabs[0]?.id ?? 'aws');
  const active = tabs.find((tab) => tab.id === current) ?? tabs[0];
  return (
    <Box>
      <Tabs
        value={current}
        onChange={(_event, value: string) => setCurrent(value)}
        aria-label="Credentials"
        sx={{ borderBottom: 1, borderColor: 'divider', mb: 2 }}
      >
        {tabs.map((tab) => (
          <Tab
            key={tab.id}
            value={tab.id}
            label={tab.label}
            id={`credentials-tab-${tab.id}`}
            aria-controls={`credentials-panel-${tab.id}`}
          />
        ))}
      </Tabs>
      {active ? (
        <Box role="tabpanel" id={`credentials-panel-${active.id}`} aria-labelledby={`credentials-tab-${active.id}`}>
          {active.panel}
        </Box>
      ) : null}
    </Box>
  );
}
