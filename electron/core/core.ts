import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { MethodName } from '../../shared/api';
import { adoptionMethods } from '../../shared/contract/adoption';
import { appMethods } from '../../shared/contract/app';
import { associationMethods } from '../../shared/contract/associations';
import { roleRecipeMethods } from '../../shared/contract/role-recipes';
import { awsMethods } from '../../shared/contract/aws';
import { checkMethods } from '../../shared/contract/checks';
import { fleetMethods } from '../../shared/contract/fleet';
import { gcpMethods } from '../../shared/contract/gcp';
import { gcpFolderMethods } from '../../shared/contract/gcp-folders';
import { groupMethods } from '../../shared/contract/groups';
import { healthMethods } from '../../shared/contract/health';
import { organizationMethods } from '../../shared/contract/organizations';
import { roleMethods } from '../../shared/contract/roles';
import { platformMethods } from '../../shared/contract/platform';
import { terraformMethods } from '../../shared/contract/terraform';
import { AdoptionService } from './adoption-service';
import { AppService } from './app-service';
import { AssociationsService } from './associations/associations-service';
import { RoleRecipesService } from './role-recipes/role-recipes-service';
import { workspaceDir } from './associations/workspace-files';
import { preflightMemberAccess } from './aws/access-path/preflight-member-access';
import { AwsCredentialsService } from './aws/aws-credentials-service';
import { AwsSessionCredentials } from './aws/aws-session-credentials';
import { AwsOrganizationService } from './aws/organizations/aws-organization-service';
import { AwsRolesService } from './aws/roles/aws-roles-service';
import { ChecksService } from './checks/checks-service';
import { serveContract, type ContractService } from './contract-service';
import { resolveDataDir } from './data-dir';
import { EventBus } from './event-bus';
import { coreFleetSteps } from './fleet/core-fleet-steps';
import { FleetService } from './fleet/fleet-service';
import { GcpCredentialsService } from './gcp/gcp-credentials-service';
import { GcpProjectTreeService } from './gcp/gcp-project-tree-service';
import { GroupsService } from './groups/groups-service';
import { HealthService } from './health/health-service';
import { checkWorkspaceDrift } from './health/workspace-drift';
import { createLogger, type Logger } from './logger';
import type { HostPlatform } from './platform';
import { PlatformService } from './platform/platform-service';
import { claimDataDir } from './store/data-dir-owner';
import { openStore, type Store } from './store/database';
import { ensurePrivateDir } from './store/private-paths';
import { AssociationCredentialSource } from './terraform/association-credential-source';
import { TerraformRunsService } from './terraform/terraform-runs-service';

/** Every call of the contract, each served by its domain's service. */
export type Handlers = ContractService<MethodName>;

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
  /**
   * `primary` (the desktop app, the web host) owns the data directory's Terraform and fleet runs: at
   * start it takes up or marks interrupted those a Liaison that quit left running, and sweeps their
   * files, and re-checks on the dashboard's schedule. `secondary` (the check CLI) opens beside a
   * possibly running app: it reads and checks, touches none of those runs, and arms no scheduled
   * re-check. Primary by default; a second primary on one data directory is refused.
   */
  role?: CoreRole;
}

export type CoreRole = 'primary' | 'secondary';

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
  const ownsRuns = (options.role ?? 'primary') === 'primary';
  // One primary per data directory: two would each take the other's runs for those of a Liaison that quit.
  const owner = ownsRuns ? claimDataDir(dataDir) : undefined;
  let store: Store;
  try {
    store = openStore(join(dataDir, DATABASE_FILE));
  } catch (error) {
    owner?.release();
    throw error;
  }
  const now = options.now ? { now: options.now } : {};
  const { platform } = options;

  // Each domain, built once; a domain that needs another gets its service, never its calls.
  const app = new AppService({ platform, dataDir, version: options.version ?? '0.0.0' });
  const groups = new GroupsService({ store, events, ...now });
  const associations = new AssociationsService({ store, events, dataDir, ...now });
  const aws = new AwsCredentialsService({ store, events, logger, platform, env, ...now });
  const gcp = new GcpCredentialsService({ env, logger });
  const gcpProjectTree = new GcpProjectTreeService(gcp, env);
  const awsKeys = new AwsSessionCredentials({ catalog: aws.catalog, mfa: aws.mfa });
  const roleRecipes = new RoleRecipesService({ store, events, dataDir, awsKeys, ...now });
  const organizations = new AwsOrganizationService(awsKeys);
  const roles = new AwsRolesService(awsKeys, aws.catalog);
  const adoption = new AdoptionService(awsKeys, gcp, env);
  const terraformCredentials = new AssociationCredentialSource(store, awsKeys, gcp, (keys, target) =>
    preflightMemberAccess(keys, target),
  );
  const terraform = new TerraformRunsService({
    store,
    events,
    logger,
    env,
    credentials: terraformCredentials,
    platform,
    plansDir: join(dataDir, 'terraform-plans'),
    workspaceDirFor: (key) => workspaceDir(dataDir, key),
    ownsRuns,
    ...now,
  });
  const platformService = new PlatformService({ store, env, logger, ...now });
  const checks = new ChecksService({
    platform: platformService,
    store,
    events,
    logger,
    env,
    awsCatalog: aws.catalog,
    gcp,
    host: platform,
    ...now,
  });
  const health = new HealthService({
    store,
    events,
    logger,
    checks,
    platform,
    // The app owns the dashboard's schedule; the check CLI beside it re-checks only what it is asked.
    schedules: ownsRuns,
    drift: (workspaceKey) =>
      checkWorkspaceDrift(workspaceKey, {
        // The proxy from Settings reaches drift's refresh-only plans as it reaches every run.
        env: terraform.childAppEnv(),
        credentials: terraformCredentials,
        workspaceDirFor: (key) => workspaceDir(dataDir, key),
        binary: () => terraform.binaryForRuns(),
      }),
    ...now,
  });

  // After the runs service: a restart's fleet items are reconciled from the runs it has recovered.
  const fleet = new FleetService({
    store,
    events,
    logger,
    terraform,
    steps: coreFleetSteps({ groups, associations, platform: platformService, checks, dataDir }),
    ownsRuns,
    ...now,
  });

  const handlers: Handlers = {
    ...serveContract(app, appMethods),
    ...serveContract(groups, groupMethods),
    ...serveContract(associations, associationMethods),
    ...serveContract(roleRecipes, roleRecipeMethods),
    ...serveContract(gcp, gcpMethods),
    ...serveContract(gcpProjectTree, gcpFolderMethods),
    ...serveContract(aws, awsMethods),
    ...serveContract(terraform, terraformMethods),
    ...serveContract(checks, checkMethods),
    ...serveContract(health, healthMethods),
    ...serveContract(platformService, platformMethods),
    ...serveContract(organizations, organizationMethods),
    ...serveContract(adoption, adoptionMethods),
    ...serveContract(roles, roleMethods),
    ...serveContract(fleet, fleetMethods),
  };

  return {
    handlers,
    events,
    logger,
    dataDir,
    close: () => {
      health.close();
      fleet.close();
      aws.close();
      terraform.interruptAll();
      store.close();
      owner?.release();
    },
  };
}
