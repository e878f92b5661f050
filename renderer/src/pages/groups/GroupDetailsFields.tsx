import { TextField } from '@mui/material';
import type { KeyboardEvent } from 'react';
import type { FieldErrors } from '../../forms/field-errors';
import { NAME_HINT } from './group-field-validators';

interface GroupDetailsFieldsProps {
  values: { name: string; description: string };
  errors: FieldErrors<'name' | 'description'>;
  onChange: (field: 'name' | 'description', value: string) => void;
  onBlur: (field: 'name' | 'description') => void;
  autoFocusName?: boolean;
}

/** Enter submits, as in every other field; Shift+Enter is how to get a line break in the description. */
function submitOnEnter(event: KeyboardEvent<HTMLDivElement>): void {
  if (event.key !== 'Enter' || event.shiftKey || event.nativeEvent.isComposing) return;
  event.preventDefault();
  (event.target as HTMLTextAreaElement).form?.requestSubmit();
}

/** Name and description: what every group has, whether it is being created or edited. */
export function GroupDetailsFields({
  values,
  errors,
  onChange,
  onBlur,
  autoFocusName = false,
}: GroupDetailsFieldsProps) {
  return (
    <>
      <TextField
        label="Name"
        name="name"
        required
        fullWidth
        margin="normal"
        autoComplete="off"
        autoFocus={autoFocusName}
        value={values.name}
        onChange={(event) => onChange('name', event.target.value)}
        onBlur={() => onBlur('name')}
        error={errors.name !== undefined}
        helperText={errors.name ?? NAME_HINT}
      />
      <TextField
        label="Description"
        name="description"
        fullWidth
        margin="normal"
        multiline
        minRows={2}
        maxRows={6}
        value={values.description}
        onChange={(event) => onChange('description', event.target.value)}
        onBlur={() => onBlur('description')}
        onKeyDown={submitOnEnter}
        error={errors.description !== undefined}
        helperText={errors.description ?? 'Optional. Shift+Enter starts a new line.'}
      />
    </>
  );
}
