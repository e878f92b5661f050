import {
  DescribeOrganizationCommand,
  type OrganizationsClient,
  paginateListAccountsForParent,
  paginateListOrganizationalUnitsForParent,
  paginateListRoots,
} from '@aws-sdk/client-organizations';
import {
  organizationErrorCodes,
  type AwsOrganization,
  type OrganizationAccount,
  type OrganizationUnit,
} from '../../../../shared/contract/organizations';
import { CoreError } from '../../core-error';
import { redactSecrets } from '../redact-secrets';

/** How many parents are listed at once: enough to hide latency, few enough to stay under Organizations' rate limit. */
const PARENTS_AT_ONCE = 4;

/**
 * The organization as `client`'s credentials see it: DescribeOrganization, ListRoots, then for
 * every parent ListOrganizationalUnitsForParent and ListAccountsForParent, each paginated to the
 * end. Throttling is the SDK's to retry (give the client `maxAttempts`); what is left becomes an
 * error that names the permission or the cause.
 */
export async function listAwsOrganization(
  client: OrganizationsClient,
  profile: string,
  /** Items per page; AWS's own default (20) when absent. */
  pageSize?: number,
): Promise<AwsOrganization> {
  const paging = { client, ...(pageSize === undefined ? {} : { pageSize }) };
  const organization = await call('organizations:DescribeOrganization', () =>
    client.send(new DescribeOrganizationCommand({})),
  );
  const roots: { id: string; name: string }[] = [];
  await call('organizations:ListRoots', async () => {
    for await (const page of paginateListRoots(paging, {})) {
      for (const root of page.Roots ?? []) roots.push({ id: root.Id ?? '', name: root.Name ?? 'Root' });
    }
  });
  const units: OrganizationUnit[] = [];
  const accounts: OrganizationAccount[] = [];
  // Breadth-first over parents, a few at a time; every parent's two listings run side by side.
  let level = roots.map((root) => root.id);
  while (level.length > 0) {
    const next: string[] = [];
    for (let start = 0; start < level.length; start += PARENTS_AT_ONCE) {
      await Promise.all(
        level.slice(start, start + PARENTS_AT_ONCE).map(async (parentId) => {
          const [children, members] = await Promise.all([unitsOf(paging, parentId), accountsOf(paging, parentId)]);
          units.push(...children);
          accounts.push(...members);
          next.push(...children.map((unit) => unit.id));
        }),
      );
    }
    level = next;
  }
  return {
    profile,
    organizationId: organization.Organization?.Id ?? '',
    managementAccountId: organization.Organization?.MasterAccountId ?? '',
    roots,
    units: units.sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id)),
    accounts: accounts.sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id)),
  };
}

type Paging = { client: OrganizationsClient; pageSize?: number };

async function unitsOf(paging: Paging, parentId: string): Promise<OrganizationUnit[]> {
  const units: OrganizationUnit[] = [];
  await call('organizations:ListOrganizationalUnitsForParent', async () => {
    for await (const page of paginateListOrganizationalUnitsForParent(paging, { ParentId: parentId })) {
      for (const unit of page.OrganizationalUnits ?? []) {
        units.push({ id: unit.Id ?? '', name: unit.Name ?? '', parentId });
      }
    }
  });
  return units;
}

async function accountsOf(paging: Paging, parentId: string): Promise<OrganizationAccount[]> {
  const accounts: OrganizationAccount[] = [];
  await call('organizations:ListAccountsForParent', async () => {
    for await (const page of paginateListAccountsForParent(paging, { ParentId: parentId })) {
      for (const account of page.Accounts ?? []) {
        accounts.push({
          id: account.Id ?? '',
          name: account.Name ?? '',
          email: account.Email ?? '',
          // `State` supersedes `Status` in newer APIs; moto and older endpoints send only `Status`.
          status: (account as { State?: string }).State ?? account.Status ?? 'UNKNOWN',
          joinedMethod: account.JoinedMethod ?? 'UNKNOWN',
          parentId,
        });
      }
    }
  });
  return accounts;
}

async function call<T>(permission: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw describeOrganizationsError(error, permission);
  }
}

export function describeOrganizationsError(error: unknown, permission: string): CoreError {
  if (error instanceof CoreError) return error;
  const shape = (typeof error === 'object' && error !== null ? error : {}) as { name?: string; message?: string };
  const name = shape.name ?? 'Error';
  const message = redactSecrets(shape.message ?? String(error));
  if (name === 'AWSOrganizationsNotInUseException') {
    return new CoreError({
      code: organizationErrorCodes.notInUse,
      message: 'This profile’s account is not in an AWS organization.',
      remediation:
        'Use a profile for the organization’s management account (or a delegated administrator), or type the member account ids.',
    });
  }
  if (name === 'AccessDeniedException' || name === 'AccessDenied') {
    return new CoreError({
      code: organizationErrorCodes.accessDenied,
      message: `AWS refused ${permission}: ${message}`,
      remediation: `Use a profile for the management account (or a delegated administrator) whose policy allows ${permission}; listing the organization needs organizations:DescribeOrganization, ListRoots, ListOrganizationalUnitsForParent and ListAccountsForParent.`,
    });
  }
  return new CoreError({
    code: organizationErrorCodes.failed,
    message: `${permission} failed: ${name}: ${message}`,
    remediation:
      name === 'TooManyRequestsException'
        ? 'AWS kept throttling after the SDK’s retries; wait a minute and list again.'
        : 'List again; if it keeps failing, try the same call with the AWS CLI.',
  });
}
