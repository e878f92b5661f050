import type { Association } from '../contract/associations';
import { targetIdOf } from '../targets/target-kinds';

/**
 * Groups that break "one AWS account and one GCP project per group" in data saved before the rule:
 * `<group> <cloud>` → the accounts or projects it holds there, sorted.
 */
export function targetClashes(generated: readonly Association[]): Map<string, string[]> {
  const byGroupCloud = new Map<string, Set<string>>();
  for (const a of generated) {
    if (a.status !== 'generated' || !a.values.groupId || !a.values.cloud) continue;
    const target = targetIdOf(a.values);
    if (!target) continue;
    const key = `${a.values.groupId} ${a.values.cloud}`;
    byGroupCloud.set(key, (byGroupCloud.get(key) ?? new Set()).add(target));
  }
  const clashes = new Map<string, string[]>();
  for (const [key, targets] of byGroupCloud) if (targets.size > 1) clashes.set(key, [...targets].sort());
  return clashes;
}
