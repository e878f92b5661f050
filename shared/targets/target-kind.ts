import type { AssociationValues } from '../contract/associations';
import type { AccountAssociationsRecord, CloudTarget } from '../platform/association-record';

/** The clouds an association's target lives in; the contract's `cloud` field. */
export type TargetCloud = 'aws' | 'gcp';

/** The values that name a target, as a draft, a stored association or a parsed input carries them. */
export type TargetValues = Pick<Partial<AssociationValues>, 'accountId' | 'projectId' | 'projectNumber'>;

/**
 * The pure facts about one kind of target an association federates: an AWS account or a GCP project.
 * Code that differs per target looks its record up (`targetKind(cloud)`) instead of branching on the
 * cloud, so a new kind is a new record and one line in `TARGET_KINDS`. Association kinds (a role
 * recipe on an AWS account) are a separate notion: several may share one target kind.
 */
export interface TargetKind<C extends TargetCloud = TargetCloud> {
  readonly cloud: C;
  /** "AWS account": the target in a sentence. */
  readonly label: string;
  /** "AWS accounts". */
  readonly plural: string;
  /** "account": the target when the cloud is already said. */
  readonly noun: string;
  /** "AWS": the cloud before "association". */
  readonly cloudName: string;
  /** The wizard's choice for this cloud. */
  readonly choice: string;
  /** The association value naming the target. */
  readonly idField: 'accountId' | 'projectId';
  /** The check CLI's option naming one target (`--account`, `--project`). */
  readonly cliOption: 'account' | 'project';
  /** The platform record's half holding this target. */
  readonly recordField: 'amazon' | 'google';
  /** The platform's name for the cloud in its checks. */
  readonly platformAccountType: 'AMAZON' | 'GOOGLE';
  /** A fleet run's option choosing the module version for targets of this kind. */
  readonly fleetModuleVersionOption: 'awsModuleVersion' | 'gcpModuleVersion';
  /** The workspace directory's name for a target id: one workspace per account or project. */
  workspaceKey(id: string): string;
  /** The target the values name for the platform, or undefined until they name a whole one. */
  platformTarget(values: TargetValues): Extract<CloudTarget, { cloud: C }> | undefined;
  /** The platform record's half for the target. */
  recordHalf(target: Extract<CloudTarget, { cloud: C }>): Partial<AccountAssociationsRecord>;
  /** The target the platform record holds for this cloud, as a display string, or undefined. */
  recordTarget(record: Pick<AccountAssociationsRecord, 'amazon' | 'google'>): string | undefined;
  /** The target's id in a platform target. */
  platformTargetId(target: Extract<CloudTarget, { cloud: C }>): string;
  /** `chainctl iam account-associations set <cloud> <group>`'s flags naming the target. */
  chainctlFlags(target: Extract<CloudTarget, { cloud: C }>): string[];
}
