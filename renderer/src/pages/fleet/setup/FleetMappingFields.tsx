import {
  Alert,
  AlertTitle,
  FormControl,
  InputLabel,
  NativeSelect,
  OutlinedInput,
  Stack,
  TextField,
} from '@mui/material';
import { useId } from 'react';
import type { PlatformConnection } from '../../../../../shared/contract/platform';
import { NAME_TEMPLATE_PLACEHOLDERS } from '../../../../../shared/fleet/fleet-mapping';
import { ErrorState } from '../../../components/ErrorState';

interface FleetMappingFieldsProps {
  connection: PlatformConnection | undefined;
  groups: readonly { id: string; name: string }[];
  groupsError: Error | null;
  onRetryGroups: () => void;
  parentId: string;
  onParentChange: (id: string) => void;
  template: string;
  templateProblem: string | undefined;
  onTemplateChange: (template: string) => void;
}

/** Where new folders go and how they are named; offline, that only local groups can be picked. */
export function FleetMappingFields({
  connection,
  groups,
  groupsError,
  onRetryGroups,
  parentId,
  onParentChange,
  template,
  templateProblem,
  onTemplateChange,
}: FleetMappingFieldsProps) {
  const parentSelectId = useId();
  if (connection && connection.state !== 'signed-in') {
    return (
      <Alert severity="info">
        <AlertTitle>Not signed in to the platform: pick a local group for each row</AlertTitle>
        The groups registered on the Groups page are offered. Creating folders and registering on the platform need a
        sign-in. {connection.message} {connection.remediation}
      </Alert>
    );
  }
  if (groupsError)
    return <ErrorState title="The platform's groups could not be read" error={groupsError} onRetry={onRetryGroups} />;
  return (
    <Stack direction={{ xs: 'column', md: 'row' }} sx={{ gap: 2, alignItems: { md: 'flex-start' } }}>
      <FormControl size="small" sx={{ minWidth: 280 }}>
        <InputLabel htmlFor={parentSelectId} shrink>
          Parent of the new folders
        </InputLabel>
        <NativeSelect
          id={parentSelectId}
          value={parentId}
          onChange={(event) => onParentChange(event.target.value)}
          input={<OutlinedInput label="Parent of the new folders" notched />}
        >
          {groups.map((group) => (
            <option key={group.id} value={group.id}>
              {group.name}
            </option>
          ))}
        </NativeSelect>
      </FormControl>
      <TextField
        size="small"
        label="Folder name template"
        value={template}
        onChange={(event) => onTemplateChange(event.target.value)}
        error={templateProblem !== undefined}
        helperText={
          templateProblem ??
          `One folder per account; ${NAME_TEMPLATE_PLACEHOLDERS.map((name) => `{${name}}`).join(', ')}`
        }
        slotProps={{ htmlInput: { spellCheck: false } }}
        sx={{ minWidth: 320 }}
      />
    </Stack>
  );
}
