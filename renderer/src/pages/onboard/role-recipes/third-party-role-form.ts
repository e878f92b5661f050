import type { AssociationValues } from '../../../../../shared/contract/associations';
import type { ThirdPartyRoleInput } from '../../../../../shared/contract/role-recipes';
import { emptyRolePermissions, rolePermissionsFormOf, rolePermissionsInput } from './role-permissions-form';

/** The form's fields, as text while the operator types. */
export const THIRD_PARTY_FIELDS = [
  'accountId',
  'profile',
  'vendorAccountId',
  'vendorRoleArn',
  'externalId',
  'roleName',
  'managedPolicyArns',
  'policyDocument',
  'maxSessionSeconds',
  'vendorProfile',
] as const;
export type ThirdPartyField = (typeof THIRD_PARTY_FIELDS)[number];
export type ThirdPartyForm = Record<ThirdPartyField, string>;

export const emptyThirdPartyForm: ThirdPartyForm = {
  accountId: '',
  profile: '',
  vendorAccountId: '',
  vendorRoleArn: '',
  externalId: '',
  ...emptyRolePermissions,
  vendorProfile: '',
};

/** The form as the contract's input. */
export function thirdPartyInput(form: ThirdPartyForm, id?: string): ThirdPartyRoleInput {
  return {
    kind: 'third-party-role',
    ...(id === undefined ? {} : { id }),
    accountId: form.accountId,
    profile: form.profile,
    vendorAccountId: form.vendorAccountId,
    vendorRoleArn: form.vendorRoleArn,
    externalId: form.externalId,
    ...rolePermissionsInput(form),
    vendorProfile: form.vendorProfile,
  };
}

/** A saved recipe's values back in the form (Edit). */
export function thirdPartyFormOf(values: AssociationValues): ThirdPartyForm {
  const role = values.role ?? {};
  return {
    accountId: values.accountId ?? '',
    profile: values.profile ?? '',
    vendorAccountId: role.vendorAccountId ?? '',
    vendorRoleArn: role.vendorRoleArn ?? '',
    externalId: role.externalId ?? '',
    ...rolePermissionsFormOf(values),
    vendorProfile: role.vendorProfile ?? '',
  };
}
