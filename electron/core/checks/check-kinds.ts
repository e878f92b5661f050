import type { ParsedAssociationInput } from '../../../shared/contract/associations';
import { awsCheckKind } from './aws/check-aws';
import type { CheckCloud, CheckKind, CheckTargetOf } from './check-kind';
import { gcpCheckKind } from './gcp/check-gcp';

/** Every association kind of the contract and its check; a kind missing here fails to compile. */
export const CHECK_KINDS: { readonly [Cloud in CheckCloud]: CheckKind<CheckTargetOf<Cloud>> } = {
  aws: awsCheckKind,
  gcp: gcpCheckKind,
};

/** The kind that checks `target`: looked up by the target's own discriminant, so each target meets its own record. */
export function checkKindOf(target: ParsedAssociationInput): CheckKind<ParsedAssociationInput> {
  return CHECK_KINDS[target.cloud];
}
