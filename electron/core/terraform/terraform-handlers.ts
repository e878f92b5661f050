import { join } from 'node:path';
import type { terraformMethods } from '../../../shared/contract/terraform';
import { workspaceDir } from '../associations/workspace-files';
import type { EventBus } from '../event-bus';
import type { HandlersFor } from '../handler-types';
import type { Logger } from '../logger';
import type { HostPlatform } from '../platform';
import type { Store } from '../store/database';
import type { TerraformCredentialSource } from './terraform-child-env';
import { TerraformRunsService } from './terraform-runs-service';

export function terraformHandlers(runs: TerraformRunsService): HandlersFor<typeof terraformMethods> {
  return {
    getTerraformBinary: () => runs.binaryStatus(),
    setTerraformBinaryPath: (input) => runs.setBinaryPath(input.path, { launchToken: input.launchToken }),
    getTerraformNetwork: () => runs.network(),
    setTerraformProxy: (input) => runs.setProxy(input.httpsProxy),
    startTerraformPlan: (input) => runs.startPlan(input),
    applyTerraformPlan: (input) => runs.apply(input),
    cancelTerraformRun: (input) => runs.cancel(input.runId),
    listTerraformRuns: (input) => runs.list(input),
    getTerraformRun: (input) => runs.get(input.runId),
    getTerraformRunLog: (input) => runs.log(input),
    forceUnlockTerraform: (input) => runs.forceUnlock(input),
  };
}

/** The Terraform domain as the core composes it: handlers, and what to stop on close. */
export function createTerraformDomain(options: {
  store: Store;
  events: EventBus;
  logger: Logger;
  env: NodeJS.ProcessEnv;
  dataDir: string;
  /** Where each workspace's cloud credentials come from (its associations' profile or credential). */
  credentials: TerraformCredentialSource;
  platform?: HostPlatform;
  now?: () => Date;
}): { handlers: HandlersFor<typeof terraformMethods>; childAppEnv(): NodeJS.ProcessEnv; close(): void } {
  const runs = new TerraformRunsService({
    ...options,
    plansDir: join(options.dataDir, 'terraform-plans'),
    workspaceDirFor: (key) => workspaceDir(options.dataDir, key),
  });
  return {
    handlers: terraformHandlers(runs),
    childAppEnv: () => runs.childAppEnv(),
    close: () => runs.interruptAll(),
  };
}
