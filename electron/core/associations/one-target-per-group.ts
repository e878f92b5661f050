import type { Association, ParsedAssociationInput } from '../../../shared/contract/associations';
import { errorCodes } from '../../../shared/errors';
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
  const target = input.cloud === 'aws' ? input.accountId : input.projectId;
  return generated.find(
    (other) =>
      other.id !== selfId &&
      other.status === 'generated' &&
      other.values.groupId === input.groupId &&
      other.values.cloud === input.cloud &&
      (input.cloud === 'aws' ? other.values.accountId : other.values.projectId) !== target,
  );
}

export function targetClashError(input: ParsedAssociationInput, clash: Association): CoreError {
  const what = input.cloud === 'aws' ? 'AWS account' : 'GCP project';
  const existing = input.cloud === 'aws' ? clash.values.accountId : clash.values.projectId;
  return new CoreError({
    code: errorCodes.conflict,
    field: input.cloud === 'aws' ? 'accountId' : 'projectId',
    message: `Group ${input.groupId} is already associated with ${what} ${existing ?? '?'} (association ${clash.id}); a group holds one ${what}.`,
    remediation: `Remove that association first (destroy it from its workspace), or choose another group for this ${input.cloud === 'aws' ? 'account' : 'project'}.`,
  });
}
