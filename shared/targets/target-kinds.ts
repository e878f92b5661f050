import { AWS_ACCOUNT } from './aws-account';
import { GCP_PROJECT } from './gcp-project';
import type { TargetCloud, TargetKind, TargetValues } from './target-kind';

/** The kind a wizard starts from, and what data saved without a cloud meant. */
export const DEFAULT_TARGET_CLOUD: TargetCloud = 'aws';

/** One record per target kind; a cloud without one does not compile. */
export const TARGET_KINDS: { readonly [C in TargetCloud]: TargetKind<C> } = {
  aws: AWS_ACCOUNT,
  gcp: GCP_PROJECT,
};

/**
 * The record for a cloud. TypeScript cannot tie a record's cloud to the values later passed to it, so
 * this is the one widening cast: callers hand a record only values of the cloud they looked it up by.
 */
export function targetKind(cloud: TargetCloud): TargetKind {
  return TARGET_KINDS[cloud] as TargetKind;
}

/** Every target kind, in the registry's order. */
export function allTargetKinds(): TargetKind[] {
  return (Object.keys(TARGET_KINDS) as TargetCloud[]).map(targetKind);
}

/** Every other target kind: the halves of a group's platform record that setting this one keeps. */
export function otherTargetKinds(cloud: TargetCloud): TargetKind[] {
  return allTargetKinds().filter((kind) => kind.cloud !== cloud);
}

/** The target the values name in their cloud (account id or project id), or undefined. */
export function targetIdOf(values: TargetValues & { cloud?: TargetCloud }): string | undefined {
  return values.cloud === undefined ? undefined : values[targetKind(values.cloud).idField];
}

/** "AWS account 123…" / "GCP project demo", with `?` for a target not named yet. */
export function describeTarget(values: TargetValues & { cloud: TargetCloud }): string {
  return `${targetKind(values.cloud).label} ${targetIdOf(values) ?? '?'}`;
}
