import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { EventPayload, MethodName, MethodOutput, ParsedInput } from '../../shared/api';
import { resolveDataDir } from './data-dir';
import { EventBus } from './event-bus';
import { appHandlers } from './app-handlers';
import { associationHandlers } from './associations/association-handlers';
import { AssociationsService } from './associations/associations-service';
import { awsHandlers, createAwsServices } from './aws/aws-handlers';
import { checkHandlers } from './checks/check-handlers';
import { ChecksService } from './checks/checks-service';
import { adoptionHandlers } from './adoption-handlers';
import { preflightMemberAccess } from './aws/access-path/preflight-member-access';
import { AwsSessionCredentials } from './aws/aws-session-credentials';
import { AwsVerificationRepository } from './aws/aws-verification-repository';
import { organizationHandlers } from './aws/organizations/organization-handlers';
import { gcpFolderHandlers } from './gcp/gcp-folder-handlers';
import { gcpHandlers } from './gcp/gcp-handlers';
import { GcpCredentialsService } from './gcp/gcp-credentials-service';
import { healthHandlers } from './health/health-handlers';
import { HealthService } from './health/health-service';
import { checkWorkspaceDrift } from './health/workspace-drift';
import { workspaceDir } from './associations/workspace-files';
import { groupHandlers } from './groups/group-handlers';
import { GroupsService } from './groups/groups-service';
import { createLogger, type Logger } from './logger';
import type { HostPlatform } from './platform';
import { openStore, type Store } from './store/database';
import { ensurePrivateDir } from './store/private-paths';
import { AssociationCredentialSource } from './terraform/association-credential-source';
import { createTerraformDomain } from './terraform/terraform-handlers';
import { platformHandlers } from './platform/platform-handlers';
import { PlatformService } from './platform/platform-service';

export type Handlers = {
  [M in MethodName]: (input: ParsedInput<M>) => Promise<MethodOutput<M>> | MethodOutput<M>;
};

export interface Core {
  readonly handlers: Handlers;
  readonly events: EventBus;
  readonly logger: Logger;
  readonly dataDir: string;
  close(): void;
}

export interface CoreOptions {
  platform: HostPlatform;
  dataDir?: string;
  env?: NodeJS.ProcessEnv;
  logger?: Logger;
  now?: () => Date;
  version?: string;
}

export const DATABASE_FILE = 'liaison.db';

/** Everything Liaison does, behind the contract's handlers; no Electron, no HTTP. */
export function createCore(options: CoreOptions): Core {
  const env = options.env ?? process.env;
  const dataDir = options.dataDir ?? resolveDataDir(env);
  const logger = options.logger ?? createLogger();
  const events = new EventBus();
  ensurePrivateDir(dataDir);
  // Made 0700 when the first workspace is written; one an older Liaison left open is tightened now.
  if (existsSync(join(dataDir, 'workspaces'))) ensurePrivateDir(join(dataDir, 'workspaces'));
  const store: Store = openStore(join(dataDir, DATABASE_FILE));
  const groups = new GroupsService({ store, events, ...(options.now ? { now: options.now } : {}) });
  const aws = createAwsServices({ events, logger, platform: options.platform, env });
  // Every verify result, from any window or batch, is kept as the profile's last one.
  const verifications = new AwsVerificationRepository(store, options.now);
  const stopKeepingVerifications = events.subscribe((name, payload) => {
    if (name === 'awsProfileVerified') verifications.record(payload as EventPayload<'awsProfileVerified'>);
  });
  const gcp = new GcpCredentialsService({ env, logger });
  const awsKeys = new AwsSessionCredentials({ catalog: aws.catalog, mfa: aws.mfa });
  const terraformCredentials = new AssociationCredentialSource(store, awsKeys, gcp, (keys, target) =>
    preflightMemberAccess(keys, target),
  );
  const terraform = createTerraformDomain({
    store,
    events,
    logger,
    env,
    dataDir,
    credentials: terraformCredentials,
    platform: options.platform,
    ...(options.now ? { now: options.now } : {}),
  });

  const platformService = new PlatformService({ store, env, logger });
  const checks = new ChecksService({
    platform: platformService,
    store,
    events,
    logger,
    env,
    awsCatalog: aws.catalog,
    gcp: new GcpCredentialsService({ env, logger }),
    host: options.platform,
    ...(options.now ? { now: options.now } : {}),
  });
  const health = new HealthService({
    store,
    events,
    logger,
    checks,
    platform: options.platform,
    // The binary the runs use (the configured path, else PATH), found and version-checked once.
    drift: (workspaceKey) =>
      checkWorkspaceDrift(workspaceKey, {
        // The proxy from Settings reaches drift's refresh-only plans as it reaches every run.
        env: terraform.childAppEnv(),
        credentials: terraformCredentials,
        workspaceDirFor: (key) => workspaceDir(dataDir, key),
        binary: async () => {
          const status = await terraform.handlers.getTerraformBinary({});
          return status.status === 'found' ? { path: status.path } : { error: status.error.message };
        },
      }),
    ...(options.now ? { now: options.now } : {}),
  });

  const handlers: Handlers = {
    ...appHandlers({ platform: options.platform, dataDir, version: options.version ?? '0.0.0' }),
    ...groupHandlers(groups),
    ...associationHandlers(
      new AssociationsService({ store, events, dataDir, ...(options.now ? { now: options.now } : {}) }),
    ),
    ...gcpHandlers(gcp),
    ...awsHandlers(aws, verifications),
    ...terraform.handlers,
    ...checkHandlers(checks),
    ...healthHandlers(health),
    ...platformHandlers(platformService),
    ...organizationHandlers(awsKeys),
    ...gcpFolderHandlers(gcp, env),
    ...adoptionHandlers(awsKeys, gcp, env),
  };

  return {
    handlers,
    events,
    logger,
    dataDir,
    close: () => {
      health.close();
      stopKeepingVerifications();
      aws.close();
      terraform.close();
      store.close();
    },
  };
}
