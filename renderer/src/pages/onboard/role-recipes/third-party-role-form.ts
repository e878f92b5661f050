import type { AssociationValues } from '../../../../../shared/contract/associations';
import type { ThirdPartyRoleInput } from '../../../../../shared/contract/role-recipes';

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
  roleName: '',
  managedPolicyArns: '',
  policyDocument: '',
  maxSessionSeconds: '3600',
  vendorProfile: '',
};

/** The form as the contract's input: policy ARNs one per line, the duration as a number. */
export function thirdPartyInput(form: ThirdPartyForm, id?: string): ThirdPartyRoleInput {
  const seconds = Number(form.maxSessionSeconds.trim());
  return {
    kind: 'third-party-role',
    ...(id === undefined ? {} : { id }),
    accountId: form.accountId,
    profile: form.profile,
    vendorAccountId: form.vendorAccountId,
    vendorRoleArn: form.vendorRoleArn,
    externalId: form.externalId,
    roleName: form.roleName,
    managedPolicyArns: form.managedPolicyArns
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== ''),
    policyDocument: form.policyDocument,
    maxSessionSeconds: form.maxSessionSeconds.trim() === '' || Number.isNaN(seconds) ? Number.NaN : seconds,
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
    roleName: role.roleName ?? '',
    managedPolicyArns: (role.managedPolicyArns ?? []).join('\n'),
    policyDocument: role.policyDocument ?? '',
    maxSessionSeconds: String(role.maxSessionSeconds ?? 3600),
    vendorProfile: role.vendorProfile ?? '',
  };
}
