import { Alert, Box, Button, LinearProgress, MenuItem, Stack, TextField, Typography } from '@mui/material';
import { memo, useMemo, useState } from 'react';
import type { AccountRoles } from '../../../../shared/contract/roles';
import { FINDING_TITLES } from '../../../../shared/trust-policy/trust-findings';
import { ErrorState } from '../../components/ErrorState';
import { AwsProfilePicker } from '../credentials/aws/AwsProfilePicker';
import { FINDING_FILTERS, filterRoles, indexRoles, type FindingFilter } from './role-filter';
import { RoleDetails } from './RoleDetails';
import { RoleList } from './RoleList';
import { useAccountRolesQuery } from './role-queries';

const FILTER_LABELS: Readonly<Record<FindingFilter, string>> = {
  all: 'All roles',
  any: 'Any finding',
  high: 'High severity',
  ...FINDING_TITLES,
};

/** Roles: an account's IAM roles read with a local profile, each trust explained and judged. */
export function RolesPage() {
  const [profile, setProfile] = useState<string | null>(null);
  const [requested, setRequested] = useState<string | null>(null);
  const roles = useAccountRolesQuery(requested);
  return (
    <Stack sx={{ gap: 2 }}>
      <Typography>
        Every IAM role of an account, read with one of your AWS profiles: who can assume each one, what looks risky in
        its trust, its policies, and whether a given principal would be let in. Nothing is changed.
      </Typography>
      <Stack
        component="form"
        direction={{ xs: 'column', md: 'row' }}
        sx={{ gap: 1, alignItems: { md: 'flex-start' } }}
        onSubmit={(event) => {
          event.preventDefault();
          if (profile) {
            if (profile === requested) void roles.refetch();
            setRequested(profile);
          }
        }}
      >
        <Box sx={{ flexGrow: 1 }}>
          <AwsProfilePicker value={profile} onChange={setProfile} label="AWS profile of the account" />
        </Box>
        <Button type="submit" variant="contained" disabled={!profile} sx={{ mt: { md: 1 } }}>
          Read roles
        </Button>
      </Stack>
      {roles.isFetching ? <LinearProgress aria-label="Reading the account's roles" /> : null}
      {roles.isError ? (
        <ErrorState
          title="Could not read the roles"
          error={roles.error}
          onRetry={() => void roles.refetch()}
          retrying={roles.isFetching}
        />
      ) : null}
      {roles.data && requested ? <RoleInspector key={requested} profile={requested} account={roles.data} /> : null}
    </Stack>
  );
}

function RoleInspector({ profile, account }: { profile: string; account: AccountRoles }) {
  const [text, setText] = useState('');
  const [finding, setFinding] = useState<FindingFilter>('all');
  const [selected, setSelected] = useState<string>();
  const indexed = useMemo(() => indexRoles(account.roles), [account.roles]);
  // Filtered in the keystroke's own render: the index makes it a string scan, and the list is virtualized.
  const visible = useMemo(() => filterRoles(indexed, text, finding), [indexed, text, finding]);
  const role = account.roles.find((each) => each.name === selected);
  const flagged = useMemo(() => indexed.filter((each) => each.codes.size > 0).length, [indexed]);
  return (
    <Stack sx={{ gap: 2 }}>
      {/* Plain text, not a live region: Chromium would re-announce it on every keystroke of the filter. */}
      <Typography>
        {visible.length} of {account.roles.length} roles in account {account.accountId}, {flagged} with findings (read
        as {account.readAs})
      </Typography>
      <Stack direction={{ xs: 'column', lg: 'row' }} sx={{ gap: 2, alignItems: { lg: 'flex-start' } }}>
        <Stack sx={{ gap: 1, width: { lg: 420 }, flexShrink: 0 }}>
          <Stack direction="row" sx={{ gap: 1 }}>
            <TextField
              label="Filter by name or path"
              size="small"
              value={text}
              onChange={(event) => setText(event.target.value)}
              sx={{ flexGrow: 1 }}
            />
            <FindingFilterSelect value={finding} onChange={setFinding} />
          </Stack>
          <RoleList roles={visible} selected={selected} onSelect={setSelected} />
        </Stack>
        <Box sx={{ flexGrow: 1, minWidth: 0 }}>
          {role ? (
            <RoleDetails profile={profile} role={role} />
          ) : (
            <Alert severity="info" variant="outlined">
              Choose a role to see who can assume it, its findings, its policies and to explain access.
            </Alert>
          )}
        </Box>
      </Stack>
    </Stack>
  );
}

/** Memoized: the filter field's keystrokes re-render the inspector, not this menu. */
const FindingFilterSelect = memo(function FindingFilterSelect({
  value,
  onChange,
}: {
  value: FindingFilter;
  onChange: (value: FindingFilter) => void;
}) {
  return (
    <TextField
      select
      label="Findings"
      size="small"
      value={value}
      onChange={(event) => onChange(event.target.value as FindingFilter)}
      sx={{ minWidth: 160 }}
    >
      {FINDING_FILTERS.map((each) => (
        <MenuItem key={each} value={each}>
          {FILTER_LABELS[each]}
        </MenuItem>
      ))}
    </TextField>
  );
});
