import type { ReactElement } from 'react';
import type { AssociationValues } from '../../../../../shared/contract/associations';
import type { RoleRecipeKind } from '../../../../../shared/contract/role-recipe-values';
import { EKS_ROLE_WIZARD } from './eks-role-wizard';
import type { RoleRecipeWizardKind } from './role-recipe-wizard-kind';
import { RoleRecipeWizard } from './RoleRecipeWizard';
import { THIRD_PARTY_ROLE_WIZARD } from './third-party-role-wizard';

/** A role recipe to set up (no id) or to change (its saved values fill the form). */
export interface RoleRecipeStart {
  id: string | undefined;
  values: AssociationValues;
  onDone: () => void;
}

const opening =
  <Field extends string, Form extends Record<Field, string>, Role>(kind: RoleRecipeWizardKind<Field, Form, Role>) =>
  ({ id, values, onDone }: RoleRecipeStart): ReactElement => (
    <RoleRecipeWizard kind={kind} {...(id === undefined ? {} : { id, initial: kind.formOf(values) })} onDone={onDone} />
  );

/** Every role recipe's wizard, opened on a start; a recipe kind missing here fails to compile. */
export const ROLE_RECIPE_WIZARDS: { readonly [Kind in RoleRecipeKind]: (start: RoleRecipeStart) => ReactElement } = {
  'third-party-role': opening(THIRD_PARTY_ROLE_WIZARD),
  'eks-service-account-role': opening(EKS_ROLE_WIZARD),
};
