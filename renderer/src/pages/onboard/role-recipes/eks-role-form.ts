import type { AssociationValues } from '../../../../../shared/contract/associations';
import type { EksServiceAccountRoleInput } from '../../../../../shared/contract/role-recipes';

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
  roleName: '',
  managedPolicyArns: '',
  policyDocument: '',
  maxSessionSeconds: '3600',
  oidcProviderExists: false,
};

/** The form as the contract's input: policy ARNs one per line, the duration as a number. */
export function eksRoleInput(form: EksRoleForm, id?: string): EksServiceAccountRoleInput {
  const seconds = Number(form.maxSessionSeconds.trim());
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
    roleName: form.roleName,
    managedPolicyArns: form.managedPolicyArns
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== ''),
    policyDocument: form.policyDocument,
    maxSessionSeconds: form.maxSessionSeconds.trim() === '' || Number.isNaN(seconds) ? Number.NaN : seconds,
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
    roleName: role.roleName ?? '',
    managedPolicyArns: (role.managedPolicyArns ?? []).join('\n'),
    policyDocument: role.policyDocument ?? '',
    maxSessionSeconds: String(role.maxSessionSeconds ?? 3600),
    oidcProviderExists: role.oidcProviderExists ?? false,
  };
}
