import type { Association, ParsedAssociationInput } from '../../../shared/contract/associations';
import { errorCodes } from '../../../shared/errors';
import { targetIdOf, targetKind } from '../../../shared/targets/target-kinds';
import { CoreError } from '../core-error';

/**
 * The platform stores one association record per group, holding at most one AWS account and one GCP
 * project; Liaison keeps the same rule so what it generates can always be registered.
 */
export function findTargetClash(
  generated: readonly Association[],
  input: ParsedAssociationInput,
  selfId: string | undefined,
): Association | undefined {
  const target = targetIdOf(input);
  return generated.find(
    (other) =>
      other.id !== selfId &&
      other.status === 'generated' &&
      other.values.groupId === input.groupId &&
      other.values.cloud === input.cloud &&
      targetIdOf(other.values) !== target,
  );
}

export function targetClashError(input: ParsedAssociationInput, clash: Association): CoreError {
  const kind = targetKind(input.cloud);
  const what = kind.label;
  const existing = targetIdOf(clash.values);
  return new CoreError({
    code: errorCodes.conflict,
    field: kind.idField,
    message: `Group ${input.groupId} is already associated with ${what} ${existing ?? '?'} (association ${clash.id}); a group holds one ${what}.`,
    remediation: `Remove that association first (destroy it from its workspace), or choose another group for this ${kind.noun}.`,
  });
}
