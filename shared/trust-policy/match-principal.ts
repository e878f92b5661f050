import type { PrincipalBlock, PrincipalType } from './policy-document';

/** Who is asking: `AWS` principals are ARNs (or a bare account id), `Federated` a provider ARN or name. */
export interface RequestPrincipal {
  type: PrincipalType;
  id: string;
}

const ACCOUNT_ID = /^\d{12}$/;
const ARN = /^arn:([\w-]+):(iam|sts)::(\d{12}):(.+)$/;

/** Whether `principal` is among the principals `block` names (the bare `*` and `{"AWS": "*"}` name everyone). */
export function principalMatches(block: PrincipalBlock, principal: RequestPrincipal): boolean {
  if (block === '*') return true;
  if (block.AWS?.includes('*')) return true;
  const listed = block[principal.type] ?? [];
  return listed.some((entry) => entryMatches(principal.type, entry, principal.id));
}

function entryMatches(type: PrincipalType, entry: string, id: string): boolean {
  if (type === 'Service') return entry.toLowerCase() === id.toLowerCase();
  if (type !== 'AWS') return entry === id;
  return awsEntryMatches(entry, id);
}

/**
 * `123456789012` and `arn:aws:iam::123456789012:root` name the whole account: any IAM user, role or
 * assumed-role session in it. A role ARN also admits that role's sessions (`sts::…:assumed-role/R/s`).
 */
function awsEntryMatches(entry: string, id: string): boolean {
  if (entry === id) return true;
  const request = ARN.exec(id);
  const requestAccount = request?.[3] ?? (ACCOUNT_ID.test(id) ? id : undefined);
  if (ACCOUNT_ID.test(entry)) return requestAccount === entry;
  const listed = ARN.exec(entry);
  if (!listed) return false;
  const [, partition, service, account, resource] = listed;
  if (service === 'iam' && resource === 'root') {
    return requestAccount === account && (request === null || request[1] === partition);
  }
  if (request && service === 'iam' && resource?.startsWith('role/')) {
    const [, requestPartition, requestService, requestAccountId, requestResource] = request;
    const roleName = resource.slice(resource.lastIndexOf('/') + 1);
    return (
      requestPartition === partition &&
      requestService === 'sts' &&
      requestAccountId === account &&
      requestResource?.startsWith(`assumed-role/${roleName}/`) === true
    );
  }
  return false;
}

/** For messages: the principals a block names. */
export function describePrincipalBlock(block: PrincipalBlock): string {
  if (block === '*') return '"*"';
  return Object.entries(block)
    .map(([type, ids]) => `${type} ${JSON.stringify(ids.length === 1 ? ids[0] : ids)}`)
    .join(', ');
}
