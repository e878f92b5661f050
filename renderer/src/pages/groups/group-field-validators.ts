import { GROUP_NAME_MAX, groupDescriptionSchema, groupNameSchema, uidpSchema } from '../../../../shared/validation';
import type { FieldValidators } from '../../forms/useFormFields';
import { validateValue } from '../../forms/field-errors';

/** The same schemas the main process validates with, one per field. */
export const groupFieldValidators = {
  id: (value) => validateValue(uidpSchema, value),
  name: (value) => validateValue(groupNameSchema, value),
  description: (value) => validateValue(groupDescriptionSchema, value),
  parentId: (value) => validateValue(uidpSchema, value),
} satisfies FieldValidators<'id' | 'name' | 'description' | 'parentId'>;

export const NAME_HINT = `One line, up to ${GROUP_NAME_MAX} characters.`;
export const GROUP_ID_HINT = '40 hex characters for a root group, then "/" and 16 hex characters per level of nesting.';
