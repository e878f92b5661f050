import type { ParsedAssociationInput } from '../../../shared/contract/associations';
import type { EksServiceAccountRole, RoleRecipeKind, ThirdPartyRole } from '../../../shared/contract/role-recipes';
import { awsCheckKind } from './aws/check-aws';
import type { CheckCloud, CheckKind, CheckTargetOf } from './check-kind';
import { gcpCheckKind } from './gcp/check-gcp';
import { eksServiceAccountRoleCheckKind } from './role-recipes/check-eks-service-account-role';
import { thirdPartyRoleCheckKind } from './role-recipes/check-third-party-role';

/** Every association kind of the contract and its check; a kind missing here fails to compile. */
export const CHECK_KINDS: { readonly [Cloud in CheckCloud]: CheckKind<CheckTargetOf<Cloud>> } = {
  aws: awsCheckKind,
  gcp: gcpCheckKind,
};

/** The kind that checks `target`: looked up by the target's own discriminant, so each target meets its own record. */
export function checkKindOf(target: ParsedAssociationInput): CheckKind<ParsedAssociationInput> {
  return CHECK_KINDS[target.cloud];
}

/** The role recipes' parsed inputs by kind (issue 18); a kind is not a cloud, so they have their own record. */
interface RoleRecipeTargets {
  'third-party-role': ThirdPartyRole;
  'eks-service-account-role': EksServiceAccountRole;
}

/** Every role recipe kind and its check; a kind missing here fails to compile. */
export const ROLE_CHECK_KINDS: { readonly [Kind in RoleRecipeKind]: CheckKind<RoleRecipeTargets[Kind]> } = {
  'third-party-role': thirdPartyRoleCheckKind,
  'eks-service-account-role': eksServiceAccountRoleCheckKind,
};
