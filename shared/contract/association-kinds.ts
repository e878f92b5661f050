import { associationKindOf, type AssociationKind } from './role-recipe-values';

/**
 * What sets one kind of association apart, wherever code outside the check registry needs to know:
 * the platform association (a group bound to an account or project) or a role recipe. Code asks the
 * record rather than comparing kinds.
 */
export interface AssociationKindRecord {
  readonly kind: AssociationKind;
  /** How the UI names the kind. */
  readonly label: string;
  /** Registered with a platform group; a role recipe has none. */
  readonly grouped: boolean;
  /**
   * Its workspace is shared with the other groups' associations to the same account or project (so
   * removing one rewrites the files for the rest); a role recipe's workspace is its own.
   */
  readonly sharesWorkspace: boolean;
  /** How a list names one association: its group, or (without one) its kind and role name. */
  title(names: { groupName: string; roleName: string | undefined }): string;
}

const PLATFORM: AssociationKindRecord = {
  kind: 'platform',
  label: 'Platform association',
  grouped: true,
  sharesWorkspace: true,
  title: ({ groupName }) => groupName,
};

/** A role recipe: no group, a workspace of its own, named by its kind and role. */
function roleRecipe(kind: AssociationKind, label: string): AssociationKindRecord {
  return {
    kind,
    label,
    grouped: false,
    sharesWorkspace: false,
    title: ({ roleName }) => `${label} ${roleName ?? ''}`,
  };
}

/** One record per association kind; a kind missing here does not compile. */
export const ASSOCIATION_KIND_RECORDS: { readonly [Kind in AssociationKind]: AssociationKindRecord } = {
  platform: PLATFORM,
  'third-party-role': roleRecipe('third-party-role', 'Third-party role'),
  'eks-service-account-role': roleRecipe('eks-service-account-role', 'EKS service-account role'),
};

/** The record of stored values (or a dashboard row): absent kind means the platform association. */
export function associationKindRecord(values: { kind?: AssociationKind | undefined }): AssociationKindRecord {
  return ASSOCIATION_KIND_RECORDS[associationKindOf(values)];
}
