import type { AuthClient } from 'google-auth-library';
import { z } from 'zod';
import type { ExistingPool } from '../../../shared/contract/adoption';
import { CoreError } from '../core-error';
import type { GoogleEndpoints } from './google-endpoints';
import { googleErrorToCoreError, type GoogleCallContext } from './google-error';

/*
 * Google soft-deletes workload identity pools: for 30 days after a destroy the pool's id stays taken,
 * so the module's next apply fails with 409 "already exists" until the pool is undeleted (issue 19,
 * part 6). These two calls look at the module's pool before the plan, and undelete it on request.
 */

/** The pool the GCP module creates in every project. */
export const MODULE_POOL_ID = 'chainguard-pool';

const REQUEST_TIMEOUT_MS = 15_000;

const poolSchema = z.object({
  name: z.string(),
  state: z.string().optional(),
  disabled: z.boolean().optional(),
  expireTime: z.string().optional(),
});

export interface PoolSession {
  client: AuthClient;
  context: GoogleCallContext;
  endpoints: GoogleEndpoints;
}

export function modulePoolName(projectNumber: string): string {
  return `projects/${projectNumber}/locations/global/workloadIdentityPools/${MODULE_POOL_ID}`;
}

/** projects.locations.workloadIdentityPools.get on the module's pool: none, active, or deleted. */
export async function findModulePool(session: PoolSession, projectNumber: string): Promise<ExistingPool> {
  const name = modulePoolName(projectNumber);
  let data: unknown;
  try {
    const response = await session.client.request({
      url: `${session.endpoints.iam}/v1/${name}`,
      method: 'GET',
      timeout: REQUEST_TIMEOUT_MS,
    });
    data = response.data;
  } catch (error) {
    if (statusOf(error) === 404) return { status: 'none', name };
    const described = googleErrorToCoreError(error, { ...session.context, action: `read the pool ${name}` });
    return {
      status: 'unknown',
      message: `Could not look for the workload identity pool: ${described.message}`,
      ...(described.remediation ? { remediation: described.remediation } : {}),
    };
  }
  const pool = poolSchema.safeParse(data);
  if (!pool.success) {
    return { status: 'unknown', message: `The IAM API answered the pool ${name} in a shape Liaison does not know.` };
  }
  if (pool.data.state === 'DELETED') {
    return { status: 'deleted', name, ...(pool.data.expireTime ? { expireTime: pool.data.expireTime } : {}) };
  }
  return { status: 'active', name };
}

/**
 * projects.locations.workloadIdentityPools.undelete, then a read to see it back: the call answers a
 * long-running Operation, and the pool's own state is what the plan depends on.
 */
export async function undeleteModulePool(session: PoolSession, projectNumber: string): Promise<ExistingPool> {
  const name = modulePoolName(projectNumber);
  try {
    await session.client.request({
      url: `${session.endpoints.iam}/v1/${name}:undelete`,
      method: 'POST',
      data: {},
      timeout: REQUEST_TIMEOUT_MS,
    });
  } catch (error) {
    throw googleErrorToCoreError(error, {
      ...session.context,
      action: `undelete the pool ${name}`,
      resource: name,
    });
  }
  const after = await findModulePool(session, projectNumber);
  if (after.status !== 'active') {
    throw new CoreError({
      code: 'GCP_POOL_NOT_RESTORED',
      message: `Google accepted the undelete, but the pool ${name} is ${after.status === 'deleted' ? 'still deleted' : after.status}.`,
      remediation: 'Look again in a minute (the operation may still be running), then plan.',
    });
  }
  return after;
}

function statusOf(error: unknown): number | undefined {
  const shape = error as { status?: number; response?: { status?: number } } | undefined;
  return shape?.response?.status ?? shape?.status;
}
