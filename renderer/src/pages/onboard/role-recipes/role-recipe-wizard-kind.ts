import type { ReactElement, ReactNode } from 'react';
import type { z } from 'zod';
import type { AssociationValues } from '../../../../../shared/contract/associations';
import type { EksServiceAccountRoleInput, ThirdPartyRoleInput } from '../../../../../shared/contract/role-recipes';
import type { FieldText } from './role-permissions-form';

/** What a kind's own controls may do to the form. */
export interface RoleFormControls<Field extends string, Form> {
  form: Form;
  /** Sets one text field, as typing does (clearing its error). */
  set(field: Field, value: string): void;
  /** Changes the form (a checkbox, a pick from a list) and keeps the errors. */
  update(change: (current: Form) => Form): void;
  /** Changes the form from a pick that answers the errors (a cluster picked): clears them. */
  pick(change: (current: Form) => Form): void;
  /** A failure of a kind's own call (finding clusters), shown as the form's error. */
  fail(error: unknown): void;
}

/**
 * One role recipe as its wizard (RoleRecipeWizard.tsx) lays it out: its title, its fields and their
 * texts, the form as the contract's input, and what the kind adds to the common loop (Role → Review
 * and save → Apply → Check). To add a recipe: write its record beside these and open the wizard with it.
 */
export interface RoleRecipeWizardKind<Field extends string, Form extends Record<Field, string>, Role> {
  /** The heading, and the steps' accessible name (`<title> steps`). */
  title: string;
  /** The text fields' element ids are `<idPrefix>-<field>`. */
  idPrefix: string;
  fields: readonly Field[];
  texts: Record<Field, FieldText>;
  empty: Form;
  /** A saved recipe's values back in the form (Edit). */
  formOf(values: AssociationValues): Form;
  /** The form as the contract's input (`id`: the draft or saved recipe it updates). */
  input(form: Form, id?: string): ThirdPartyRoleInput | EksServiceAccountRoleInput;
  /** The contract's schema for the kind, to show field errors before asking the main process. */
  schema: z.ZodType<Role>;
  /** A field's place in the form: by default its text field alone; a kind may add its own controls beside it. */
  placeField?(field: Field, input: ReactElement, controls: RoleFormControls<Field, Form>): ReactNode;
  /** Controls after the text fields (a checkbox). */
  afterFields?(controls: RoleFormControls<Field, Form>): ReactNode;
  /** Shown from Review on, with the parsed role (the service account's annotation). */
  reviewed?(role: Role): ReactNode;
  /** Said above the check (a check that stays static). */
  checkNote?: ReactNode;
}
