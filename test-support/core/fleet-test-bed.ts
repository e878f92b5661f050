import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import {
  createFleetInputSchema,
  type CreateFleetInput,
  type FleetItem,
  type FleetRun,
} from '../../shared/contract/fleet';
import type { TerraformRun } from '../../shared/contract/terraform';
import { CoreError } from '../../electron/core/core-error';
import { EventBus } from '../../electron/core/event-bus';
import { FleetService } from '../../electron/core/fleet/fleet-service';
import type { FleetSteps } from '../../electron/core/fleet/fleet-steps';
import { createLogger } from '../../electron/core/logger';
import { webPlatform } from '../../electron/core/platform';
import { openStore, type Store } from '../../electron/core/store/database';
import { TerraformRunsService } from '../../electron/core/terraform/terraform-runs-service';

/** Three built-in resources: plans `+3` and applies with no provider download. */
export const BASIC_MAIN_TF = `resource "terraform_data" "role" {
  input = "canary"
}

resource "terraform_data" "policy" {
  input = "policy"
}

resource "terraform_data" "binding" {
  input = [terraform_data.role.output, "binding"]
}
`;

/** One quick resource, and one whose provisioner sleeps `seconds` while it is created. */
export function slowMainTf(seconds: number): string {
  return `resource "terraform_data" "quick" {
  input = "quick"
}

resource "terraform_data" "slow" {
  input = "slow"

  provisioner "local-exec" {
    command = "sleep ${seconds}"
  }
}
`;
}

export const GROUP_ID = 'a'.repeat(40);

export function accountId(index: number): string {
  return String(100000000000 + index);
}

/** A fleet input of `count` AWS accounts in order 0…count-1 (reorder with `order`). */
export function fleetInput(
  count: number,
  overrides: Partial<CreateFleetInput> = {},
  order: (index: number) => number = (index) => index,
): CreateFleetInput {
  return {
    name: 'Test fleet',
    environment: 'enforce.dev',
    options: { awsModuleVersion: '0.1.0', auditLogRegions: [], moduleSource: { type: 'registry' } },
    concurrency: 2,
    registerOnPlatform: true,
    items: Array.from({ length: count }, (_, index) => ({
      target: {
        cloud: 'aws' as const,
        accountId: accountId(index),
        accountName: `account-${index}`,
        profile: 'fleet',
      },
      group: { kind: 'existing' as const, groupId: GROUP_ID },
      order: order(index),
    })),
    ...overrides,
  };
}

export interface FleetTestBed {
  root: string;
  dataDir: string;
  store: Store;
  events: EventBus;
  terraform: TerraformRunsService;
  fleet: FleetService;
  /** main.tf of each account's workspace, written when the item generates it (BASIC_MAIN_TF by default). */
  contents: Map<string, string>;
  /** Accounts whose platform registration fails, as an unreachable platform does. */
  offline: Set<string>;
  /** Every Terraform run change, in order. */
  runChanges: TerraformRun[];
  /** The most Terraform runs seen running at the same time. */
  maxRunning(kind?: TerraformRun['kind']): number;
  /** Apply runs' workspace keys in the order they started. */
  applyStarts(): string[];
  registered: string[];
  workspaceDir(key: string): string;
  /** Opens a new store, runs service and fleet service on the same data dir, as a restarted Liaison. */
  restart(): void;
  dispose(): void;
}

/**
 * A fleet service over a real store and the real Terraform runs service (real terraform, built-in
 * resources only). The steps that need a platform or a cloud are small local stand-ins: group and
 * registration are recorded, `generate` writes the account's main.tf, and `check` reads its state.
 * The core's own steps (core-fleet-steps.ts) are covered through the full core in fleet-core.test.ts.
 */
export function createFleetTestBed(root = mkdtempSync(join(tmpdir(), 'liaison-fleet-'))): FleetTestBed {
  const dataDir = join(root, 'data');
  mkdirSync(dataDir, { recursive: true });
  const events = new EventBus();
  const contents = new Map<string, string>();
  const offline = new Set<string>();
  const registered: string[] = [];
  const runChanges: TerraformRun[] = [];
  const running = new Map<string, TerraformRun['kind']>();
  const peaks = new Map<string, number>();
  events.subscribe((name, payload) => {
    if (name !== 'terraformRunChanged') return;
    const { run } = payload as { run: TerraformRun };
    runChanges.push(run);
    if (run.status === 'running') running.set(run.id, run.kind);
    else running.delete(run.id);
    const kinds = [...running.values()];
    peaks.set('all', Math.max(peaks.get('all') ?? 0, kinds.length));
    for (const kind of new Set(kinds)) {
      peaks.set(kind, Math.max(peaks.get(kind) ?? 0, kinds.filter((each) => each === kind).length));
    }
  });
  const workspaceDir = (key: string) => join(root, 'workspaces', key);
  const logs: string[] = [];
  const logger = createLogger({
    destination: new Writable({
      write(chunk, _encoding, done) {
        logs.push(String(chunk));
        done();
      },
    }),
  });
  const associationIds = new Map<string, string>();
  const steps: FleetSteps = {
    resolveGroup: (_fleet, item) => Promise.resolve(item.group.kind === 'existing' ? item.group.groupId : GROUP_ID),
    generate: (_fleet, item) => {
      const account = item.target.cloud === 'aws' ? item.target.accountId : item.target.projectId;
      const key = `aws-${account}`;
      mkdirSync(workspaceDir(key), { recursive: true });
      writeFileSync(join(workspaceDir(key), 'main.tf'), contents.get(account) ?? BASIC_MAIN_TF);
      if (!associationIds.has(account)) associationIds.set(account, randomUUID());
      return Promise.resolve({ associationId: associationIds.get(account) as string, workspaceKey: key });
    },
    register: (_fleet, associationId) => {
      const account = [...associationIds].find(([, id]) => id === associationId)?.[0] ?? '';
      if (offline.has(account)) {
        return Promise.reject(
          new CoreError({
            code: 'PLATFORM_UNREACHABLE',
            message: 'The platform API could not be reached.',
            remediation: 'Check the network, then retry.',
          }),
        );
      }
      registered.push(account);
      return Promise.resolve();
    },
    check: (associationId) => {
      const account = [...associationIds].find(([, id]) => id === associationId)?.[0] ?? '';
      const state = join(workspaceDir(`aws-${account}`), 'terraform.tfstate');
      const resources = existsSync(state)
        ? (JSON.parse(readFileSync(state, 'utf8')) as { resources: unknown[] }).resources.length
        : 0;
      return Promise.resolve(resources > 0 ? 'configured' : 'failing');
    },
    workspaceFiles: (key) => [{ path: 'main.tf', content: readFileSync(join(workspaceDir(key), 'main.tf'), 'utf8') }],
  };
  const open = () => {
    const store = openStore(join(dataDir, 'liaison.db'));
    const terraform = new TerraformRunsService({
      store,
      events,
      logger,
      env: process.env,
      plansDir: join(dataDir, 'terraform-plans'),
      workspaceDirFor: workspaceDir,
      credentials: { credentialsFor: () => Promise.resolve({ kind: 'none' }) },
      stopTimeouts: { interruptMs: 20_000, terminateMs: 5_000 },
      platform: webPlatform,
    });
    const fleet = new FleetService({ store, events, logger, terraform, steps, progressIntervalMs: 20 });
    return { store, terraform, fleet };
  };
  let disposed = false;
  const bed: FleetTestBed = {
    root,
    dataDir,
    ...open(),
    events,
    contents,
    offline,
    runChanges,
    registered,
    workspaceDir,
    maxRunning: (kind) => peaks.get(kind ?? 'all') ?? 0,
    applyStarts: () => {
      const seen = new Set<string>();
      const order: string[] = [];
      for (const run of runChanges) {
        if (run.kind !== 'apply' || seen.has(run.id)) continue;
        seen.add(run.id);
        order.push(run.workspaceKey);
      }
      return order;
    },
    restart: () => {
      bed.fleet.close();
      bed.terraform.interruptAll();
      bed.store.close();
      Object.assign(bed, open());
    },
    dispose: () => {
      if (disposed) return;
      disposed = true;
      bed.fleet.close();
      bed.terraform.interruptAll();
      bed.store.close();
      rmSync(root, { recursive: true, force: true });
    },
  };
  return bed;
}

export function accountOf(item: FleetItem): string {
  return item.target.cloud === 'aws' ? item.target.accountId : item.target.projectId;
}

/** Creates a fleet run from `fleetInput(...args)`, parsed as the contract parses it. */
export function createFleet(bed: FleetTestBed, ...args: Parameters<typeof fleetInput>): FleetRun {
  return bed.fleet.createFleetRun(createFleetInputSchema.parse(fleetInput(...args)));
}

/** The fleet run once every item being worked on has settled. */
export async function settledFleet(bed: FleetTestBed, fleetId: string): Promise<FleetRun> {
  await bed.fleet.idle(fleetId);
  return bed.fleet.getFleetRun({ fleetId });
}
