import { Autocomplete, Button, Stack, TextField, Typography } from '@mui/material';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { Group } from '../../../../shared/model';
import { MONOSPACE_FONTS } from '../../theme';
import { CreateGroupDialog } from '../groups/CreateGroupDialog';
import { useGroupsQuery } from '../../queries/groups';

interface GroupStepProps {
  groupId: string | undefined;
  error: string | undefined;
  onChange: (groupId: string | undefined) => void;
}

/** Step 1: an existing group, or one created here (which is then selected). */
export function GroupStep({ groupId, error, onChange }: GroupStepProps) {
  const query = useGroupsQuery();
  const groups = useMemo(() => query.data ?? [], [query.data]);
  const [creating, setCreating] = useState(false);
  const [dialogKey, setDialogKey] = useState(0);
  const knownIds = useRef<Set<string> | undefined>(undefined);
  const selected = groups.find((group) => group.id === groupId) ?? null;

  // The create dialog does not return the group; the one id that appears after it closes is the new one.
  useEffect(() => {
    if (creating || !knownIds.current) return;
    const added = groups.filter((group) => !knownIds.current?.has(group.id));
    if (added.length === 1 && added[0]) {
      knownIds.current = undefined;
      onChange(added[0].id);
    }
  }, [creating, groups, onChange]);

  return (
    <Stack sx={{ gap: 2 }}>
      <Typography>The group whose identities will be allowed to use roles in your cloud account.</Typography>
      <Autocomplete<Group>
        options={groups}
        value={selected}
        loading={query.isPending}
        getOptionLabel={(group) => `${group.name} (${group.id})`}
        isOptionEqualToValue={(option, chosen) => option.id === chosen.id}
        onChange={(_event, group) => onChange(group?.id)}
        renderOption={({ key, ...props }, group) => (
          <li key={key} {...props}>
            <Stack>
              <span>{group.name}</span>
              <Typography variant="caption" sx={{ fontFamily: MONOSPACE_FONTS, color: 'text.secondary' }}>
                {group.id}
              </Typography>
            </Stack>
          </li>
        )}
        renderInput={(params) => (
          <TextField
            {...params}
            label="Group"
            required
            error={error !== undefined}
            helperText={error ?? (groups.length === 0 ? 'No groups yet: create one' : 'Search by name or id')}
          />
        )}
      />
      <div>
        <Button
          variant="outlined"
          onClick={() => {
            knownIds.current = new Set(groups.map((group) => group.id));
            setDialogKey((key) => key + 1);
            setCreating(true);
          }}
        >
          New group
        </Button>
      </div>
      {creating ? (
        <CreateGroupDialog key={dialogKey} target={{ mode: 'root' }} open onClose={() => setCreating(false)} />
      ) : null}
    </Stack>
  );
}
