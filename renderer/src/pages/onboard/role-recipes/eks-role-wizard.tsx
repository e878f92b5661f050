import { Alert, Checkbox, FormControlLabel } from '@mui/material';
import {
  eksServiceAccountRoleInputSchema,
  type EksServiceAccountRole,
} from '../../../../../shared/contract/role-recipes';
import { EksClusterPicker } from './EksClusterPicker';
import {
  EKS_ROLE_FIELDS,
  eksRoleFormOf,
  eksRoleInput,
  emptyEksRoleForm,
  type EksRoleField,
  type EksRoleForm,
} from './eks-role-form';
import { roleAccountTexts, rolePermissionLabels } from './role-permissions-form';
import type { RoleRecipeWizardKind } from './role-recipe-wizard-kind';
import { ServiceAccountAnnotation } from './ServiceAccountAnnotation';

/**
 * The EKS service-account role recipe (seed 004) in the role recipe wizard: the cluster picker fills
 * the issuer, the service account's annotation follows the review, and the check is static.
 */
export const EKS_ROLE_WIZARD: RoleRecipeWizardKind<EksRoleField, EksRoleForm, EksServiceAccountRole> = {
  title: 'EKS service-account role',
  idPrefix: 'eks-role',
  fields: EKS_ROLE_FIELDS,
  texts: {
    ...roleAccountTexts('The account the role (and the cluster) is in.'),
    region: { label: 'Region', help: "The cluster's region, e.g. eu-west-1." },
    clusterName: { label: 'Cluster name (optional)', help: 'Names the cluster in the files and the role description.' },
    issuerUrl: {
      label: 'OIDC issuer URL',
      help: 'aws eks describe-cluster --query cluster.identity.oidc.issuer, e.g. https://oidc.eks.eu-west-1.amazonaws.com/id/EXAMPLE.',
    },
    namespace: { label: 'Namespace', help: 'The Kubernetes namespace of the service account.' },
    serviceAccount: { label: 'Service account', help: 'Only this service account may assume the role.' },
    ...rolePermissionLabels('AmazonS3ReadOnlyAccess'),
  },
  empty: emptyEksRoleForm,
  formOf: eksRoleFormOf,
  input: eksRoleInput,
  schema: eksServiceAccountRoleInputSchema,
  placeField: (field, input, { form, pick, fail }) =>
    field === 'clusterName'
      ? [
          <EksClusterPicker
            key="cluster-picker"
            accountId={form.accountId}
            profile={form.profile}
            region={form.region}
            onPick={(cluster) =>
              pick((current) => ({
                ...current,
                clusterName: cluster.name,
                issuerUrl: cluster.issuerUrl ?? current.issuerUrl,
                oidcProviderExists: cluster.oidcProviderExists,
              }))
            }
            onError={fail}
          />,
          input,
        ]
      : input,
  afterFields: ({ form, update }) => (
    <FormControlLabel
      control={
        <Checkbox
          checked={form.oidcProviderExists}
          onChange={(event) => update((current) => ({ ...current, oidcProviderExists: event.target.checked }))}
        />
      }
      label="The account already has the IAM OIDC provider for this issuer (else Liaison creates it)"
    />
  ),
  reviewed: (role) => <ServiceAccountAnnotation role={role} />,
  checkNote: (
    <Alert severity="info">
      This check is static: it reads the OIDC provider, evaluates the trust and shows the policies. Proving it live
      needs a pod&apos;s projected token: run aws sts get-caller-identity in a pod of the service account.
    </Alert>
  ),
};
