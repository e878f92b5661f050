import type { PlatformHolding } from '../contract/platform';
import { targetIdOf } from '../targets/target-kinds';
import type { FleetCloud } from './fleet-selection';

/** A local association, as far as the one-per-group rule cares (the saved wizard values). */
export interface LocalHolding {
  status: 'draft' | 'generated';
  values: { groupId?: string | undefined; cloud?: FleetCloud | undefined; accountId?: string; projectId?: string };
}

/**
 * Which AWS account and GCP project each group holds already: the platform's records (the truth when
 * signed in) over Liaison's own generated associations (what is known offline). Drafts hold nothing.
 */
export function heldByGroup(
  platform: readonly PlatformHolding[],
  local: readonly LocalHolding[],
): Map<string, Partial<Record<FleetCloud, string>>> {
  const held = new Map<string, Partial<Record<FleetCloud, string>>>();
  for (const { status, values } of local) {
    if (status !== 'generated' || !values.groupId || !values.cloud) continue;
    const target = targetIdOf(values);
    if (target) held.set(values.groupId, { ...held.get(values.groupId), [values.cloud]: target });
  }
  for (const record of platform) {
    const halves: Partial<Record<FleetCloud, string>> = {};
    if (record.aws) halves.aws = record.aws;
    if (record.gcp) halves.gcp = record.gcp;
    held.set(record.group, { ...held.get(record.group), ...halves });
  }
  return held;
}
