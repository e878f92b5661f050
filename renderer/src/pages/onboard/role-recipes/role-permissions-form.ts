import type { AssociationValues } from '../../../../../shared/contract/associations';
import { MIN_ROLE_SESSION_SECONDS } from '../../../../../shared/contract/role-recipes';

/** The fields every role recipe has (the role's name, its permissions, its session), as text while the operator types. */
export const ROLE_PERMISSION_FIELDS = ['roleName', 'managedPolicyArns', 'policyDocument', 'maxSessionSeconds'] as const;
export type RolePermissionField = (typeof ROLE_PERMISSION_FIELDS)[number];
export type RolePermissionsForm = Record<RolePermissionField, string>;

export const emptyRolePermissions: RolePermissionsForm = {
  roleName: '',
  managedPolicyArns: '',
  policyDocument: '',
  maxSessionSeconds: String(MIN_ROLE_SESSION_SECONDS),
};

/** How a field reads in the form. */
export interface FieldText {
  label: string;
  help: string;
  multiline?: boolean;
}

/** The account's fields, as every recipe asks for them; `accountHelp` says what the account holds. */
export function roleAccountTexts(accountHelp: string): Record<'accountId' | 'profile', FieldText> {
  return {
    accountId: { label: 'Your AWS account id', help: accountHelp },
    profile: { label: 'AWS profile', help: 'A local profile of that account: it applies the Terraform.' },
  };
}

/** The common fields' labels; `policyExample` is the managed policy a recipe's help suggests. */
export function rolePermissionLabels(policyExample: string): Record<RolePermissionField, FieldText> {
  return {
    roleName: { label: 'Role name', help: 'Letters, digits and + = , . @ _ - (at most 64).' },
    managedPolicyArns: {
      label: 'Managed policy ARNs',
      help: `One per line, e.g. arn:aws:iam::aws:policy/${policyExample}.`,
      multiline: true,
    },
    policyDocument: {
      label: 'Policy document (optional, JSON)',
      help: "The role's own permissions, checked against IAM's policy grammar.",
      multiline: true,
    },
    maxSessionSeconds: { label: 'Maximum session duration (seconds)', help: '3600 to 43200.' },
  };
}

/** The common fields as the contract's input: policy ARNs one per line, the duration as a number. */
export function rolePermissionsInput(form: RolePermissionsForm) {
  const seconds = Number(form.maxSessionSeconds.trim());
  return {
    roleName: form.roleName,
    managedPolicyArns: form.managedPolicyArns
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== ''),
    policyDocument: form.policyDocument,
    maxSessionSeconds: form.maxSessionSeconds.trim() === '' || Number.isNaN(seconds) ? Number.NaN : seconds,
  };
}

/** A saved recipe's common values back in the form (Edit). */
export function rolePermissionsFormOf(values: AssociationValues): RolePermissionsForm {
  const role = values.role ?? {};
  return {
    roleName: role.roleName ?? '',
    managedPolicyArns: (role.managedPolicyArns ?? []).join('\n'),
    policyDocument: role.policyDocument ?? '',
    maxSessionSeconds: String(role.maxSessionSeconds ?? MIN_ROLE_SESSION_SECONDS),
  };
}
