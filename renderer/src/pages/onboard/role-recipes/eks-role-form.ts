import type { AssociationValues } from '../../../../../shared/contract/associations';
import type { EksServiceAccountRoleInput } from '../../../../../shared/contract/role-recipes';
import { emptyRolePermissions, rolePermissionsFormOf, rolePermissionsInput } from './role-permissions-form';

/** The form's text fields, as text while the operator types (the provider's presence is a checkbox). */
export const EKS_ROLE_FIELDS = [
  'accountId',
  'profile',
  'region',
  'clusterName',
  'issuerUrl',
  'namespace',
  'serviceAccount',
  'roleName',
  'managedPolicyArns',
  'policyDocument',
  'maxSessionSeconds',
] as const;
export type EksRoleField = (typeof EKS_ROLE_FIELDS)[number];
export type EksRoleForm = Record<EksRoleField, string> & { oidcProviderExists: boolean };

export const emptyEksRoleForm: EksRoleForm = {
  accountId: '',
  profile: '',
  region: '',
  clusterName: '',
  issuerUrl: '',
  namespace: '',
  serviceAccount: '',
  ...emptyRolePermissions,
  oidcProviderExists: false,
};

/** The form as the contract's input. */
export function eksRoleInput(form: EksRoleForm, id?: string): EksServiceAccountRoleInput {
  return {
    kind: 'eks-service-account-role',
    ...(id === undefined ? {} : { id }),
    accountId: form.accountId,
    profile: form.profile,
    region: form.region,
    clusterName: form.clusterName,
    issuerUrl: form.issuerUrl,
    oidcProviderExists: form.oidcProviderExists,
    namespace: form.namespace,
    serviceAccount: form.serviceAccount,
    ...rolePermissionsInput(form),
  };
}

/** A saved recipe's values back in the form (Edit). */
export function eksRoleFormOf(values: AssociationValues): EksRoleForm {
  const role = values.role ?? {};
  return {
    accountId: values.accountId ?? '',
    profile: values.profile ?? '',
    region: role.region ?? '',
    clusterName: role.clusterName ?? '',
    issuerUrl: role.issuerUrl ?? '',
    namespace: role.namespace ?? '',
    serviceAccount: role.serviceAccount ?? '',
    ...rolePermissionsFormOf(values),
    oidcProviderExists: role.oidcProviderExists ?? false,
  };
}
