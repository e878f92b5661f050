import type { AssociationValues } from '../../../shared/contract/associations';
import { associationKindOf } from '../../../shared/contract/role-recipe-values';
import type { EksServiceAccountRole, RoleRecipeKind, ThirdPartyRole } from '../../../shared/contract/role-recipes';
import { awsCheckKind, type AwsCheckTarget } from './aws/check-aws';
import type { AssociationCheckKind, CheckCloud } from './check-kind';
import { gcpCheckKind, type GcpCheckTarget } from './gcp/check-gcp';
import { eksServiceAccountRoleCheckKind } from './role-recipes/check-eks-service-account-role';
import { thirdPartyRoleCheckKind } from './role-recipes/check-third-party-role';

/** What a record is keyed by: a role recipe's kind, or a platform association's target kind (its cloud). */
export type CheckKindKey = CheckCloud | RoleRecipeKind;

/** Each key's target, as its record reads it from stored values. */
interface CheckTargets {
  aws: AwsCheckTarget;
  gcp: GcpCheckTarget;
  'third-party-role': ThirdPartyRole;
  'eks-service-account-role': EksServiceAccountRole;
}

/** Every association kind of the contract and its check, in one registry; a kind missing here fails to compile. */
export const CHECK_KINDS: { readonly [Key in CheckKindKey]: AssociationCheckKind<CheckTargets[Key]> } = {
  aws: awsCheckKind,
  gcp: gcpCheckKind,
  'third-party-role': thirdPartyRoleCheckKind,
  'eks-service-account-role': eksServiceAccountRoleCheckKind,
};

/** The registry key of stored values: their recipe kind, or a platform association's cloud (undefined when unnamed). */
export function checkKindKeyOf(values: AssociationValues): CheckKindKey | undefined {
  const kind = associationKindOf(values);
  return kind === 'platform' ? values.cloud : kind;
}

/**
 * The record that checks an association, or undefined when its values name no kind. The one widening
 * cast: the record then reads its own target from the same values (`targetOf`), so each target meets
 * its own record.
 */
export function checkKindFor(values: AssociationValues): AssociationCheckKind<object> | undefined {
  const key = checkKindKeyOf(values);
  return key === undefined ? undefined : (CHECK_KINDS[key] as AssociationCheckKind<object>);
}
