import { Stack } from '@mui/material';
import { thirdPartyRoleInputSchema, type ThirdPartyRole } from '../../../../../shared/contract/role-recipes';
import { GenerateExternalIdButton } from './GenerateExternalIdButton';
import { roleAccountTexts, rolePermissionLabels } from './role-permissions-form';
import type { RoleRecipeWizardKind } from './role-recipe-wizard-kind';
import {
  emptyThirdPartyForm,
  THIRD_PARTY_FIELDS,
  thirdPartyFormOf,
  thirdPartyInput,
  type ThirdPartyField,
  type ThirdPartyForm,
} from './third-party-role-form';

/**
 * The third-party role recipe (seed 002) in the role recipe wizard: the operator's own arrangement
 * with the vendor, with an External ID pasted or generated beside its field.
 */
export const THIRD_PARTY_ROLE_WIZARD: RoleRecipeWizardKind<ThirdPartyField, ThirdPartyForm, ThirdPartyRole> = {
  title: 'Third-party role',
  idPrefix: 'third-party',
  fields: THIRD_PARTY_FIELDS,
  texts: {
    ...roleAccountTexts('The account the role is created in.'),
    vendorAccountId: { label: "Vendor's AWS account id", help: 'The third party allowed to assume the role.' },
    vendorRoleArn: {
      label: "Vendor's role ARN (optional)",
      help: "Narrower than the vendor's whole account: only this role of theirs.",
    },
    externalId: {
      label: 'External ID',
      help: "The vendor's, pasted, or a new one (Generate). Without it the vendor is refused.",
    },
    ...rolePermissionLabels('SecurityAudit'),
    vendorProfile: {
      label: "Profile of the vendor's account (optional)",
      help: 'Lets the check assume the role live with the External ID; without it the check is static only.',
    },
  },
  empty: emptyThirdPartyForm,
  formOf: thirdPartyFormOf,
  input: thirdPartyInput,
  schema: thirdPartyRoleInputSchema,
  placeField: (field, input, { set }) =>
    field === 'externalId' ? (
      <Stack key={field} direction="row" sx={{ gap: 1, alignItems: 'flex-start' }}>
        {input}
        <GenerateExternalIdButton onGenerated={(externalId) => set('externalId', externalId)} />
      </Stack>
    ) : (
      input
    ),
};
