import {
  GROUP_NAME_MAX,
  groupDescriptionSchema,
  groupNameSchema,
  parentUidp,
  uidpSchema,
} from '../../../../shared/validation';
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

/** A pasted child id must be a valid id one level below its parent (the parent's id, "/", 16 hex). */
export function childGroupIdError(parentId: string, id: string): string | undefined {
  const invalid = validateValue(uidpSchema, id);
  if (invalid) return invalid;
  if (parentUidp(id.trim().toLowerCase()) !== parentId) {
    return `A child of this group has an id that starts with ${parentId}/ and adds 16 hex characters`;
  }
  return undefined;
}
