import { z } from 'zod';

/** A group id: 40 hex for a root group, then 16 hex per level of nesting, `/`-separated. */
export const UIDP_PATTERN = /^[0-9a-f]{40}(\/[0-9a-f]{16})*$/;

export const uidpSchema = z
  .string({ error: 'Group id is required' })
  .trim()
  .min(1, 'Group id is required')
  // Hex pasted in upper case is the same id: stored, compared and generated in lower case.
  .toLowerCase()
  .regex(
    UIDP_PATTERN,
    'Group id must be 40 hex characters, optionally followed by "/" and 16 hex characters per level (e.g. 3f2a…/9c1b…)',
  );

export const GROUP_NAME_MAX = 199;
export const GROUP_DESCRIPTION_MAX = 2000;

// Names appear in lists and, later, in generated files' comments: one line, no control characters.
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/;

export const groupNameSchema = z
  .string({ error: 'Name is required' })
  .trim()
  .min(1, 'Name is required')
  .max(GROUP_NAME_MAX, `Name must be shorter than ${GROUP_NAME_MAX + 1} characters`)
  .refine((name) => !CONTROL_CHARACTERS.test(name), 'Name cannot contain line breaks or control characters');

export const groupDescriptionSchema = z
  .string()
  .trim()
  .max(GROUP_DESCRIPTION_MAX, `Description must be at most ${GROUP_DESCRIPTION_MAX} characters`);

/** The parent of a child UIDP, or undefined for a root id. */
export function parentUidp(id: string): string | undefined {
  const cut = id.lastIndexOf('/');
  return cut === -1 ? undefined : id.slice(0, cut);
}

/** Every ancestor of a UIDP, nearest first. */
export function ancestorUidps(id: string): string[] {
  const ancestors: string[] = [];
  for (let parent = parentUidp(id); parent !== undefined; parent = parentUidp(parent)) ancestors.push(parent);
  return ancestors;
}
