import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import type { RunLogEntry, TerraformEvent, TerraformRun } from '../../shared/contract/terraform';
import { EventBus } from '../../electron/core/event-bus';
import { createLogger } from '../../electron/core/logger';
import { webPlatform } from '../../electron/core/platform';
import { openStore, type Store } from '../../electron/core/store/database';
import type {
  TerraformCredentials,
  TerraformCredentialSource,
} from '../../electron/core/terraform/terraform-child-env';
import type { StopTimeouts } from '../../electron/core/terraform/terraform-process';
import { TerraformRunsService } from '../../electron/core/terraform/terraform-runs-service';

/** The fixture workspaces (built-in `terraform_data` resources only, plus one needing the registry). */
export const FIXTURE_WORKSPACES = new URL('../fakes/terraform/workspaces/', import.meta.url).pathname;

export const WORKSPACE_KEY = 'aws-123456789012';

/** A fresh copy of a fixture workspace in its own temp directory: tests never share state files. */
export function copyWorkspace(root: string, name: string): string {
  const dir = join(root, 'workspaces', name);
  cpSync(join(FIXTURE_WORKSPACES, name), dir, { recursive: true });
  return dir;
}

export interface Harness {
  root: string;
  dir: string;
  dataDir: string;
  store: Store;
  service: TerraformRunsService;
  /** Every event line streamed, in order, per run. */
  streamed: Map<string, RunLogEntry[]>;
  runChanges: TerraformRun[];
  logs: string[];
  /** Opens a second service on the same store, as a restarted Liaison would. */
  restart(): TerraformRunsService;
  dispose(): void;
}

/** A runs service over a real store and a copy of the named workspace, with the real terraform. */
export function createHarness(
  workspace: string,
  options: {
    credentials?: TerraformCredentials;
    /** A real credential source over the harness's store, instead of fixed `credentials`. */
    source?: (store: Store) => TerraformCredentialSource;
    env?: NodeJS.ProcessEnv;
    stopTimeouts?: StopTimeouts;
  } = {},
): Harness {
  const root = mkdtempSync(join(tmpdir(), 'liaison-tf-run-'));
  const dir = copyWorkspace(root, workspace);
  const dataDir = join(root, 'data');
  let store = openStore(join(dataDir, 'liaison.db'));
  const events = new EventBus();
  const streamed = new Map<string, RunLogEntry[]>();
  const runChanges: TerraformRun[] = [];
  events.subscribe((name, payload) => {
    if (name === 'terraformRunEvents') {
      const batch = payload as { runId: string; entries: RunLogEntry[] };
      streamed.set(batch.runId, [...(streamed.get(batch.runId) ?? []), ...batch.entries]);
    }
    if (name === 'terraformRunChanged') runChanges.push((payload as { run: TerraformRun }).run);
  });
  const logs: string[] = [];
  const logger = createLogger({
    level: 'debug',
    destination: new Writable({
      write(chunk, _encoding, done) {
        logs.push(String(chunk));
        done();
      },
    }),
  });
  const make = () =>
    new TerraformRunsService({
      store,
      events,
      logger,
      env: options.env ?? process.env,
      plansDir: join(dataDir, 'terraform-plans'),
      workspaceDirFor: () => dir,
      credentials: options.source?.(store) ?? {
        credentialsFor: () => Promise.resolve(options.credentials ?? { kind: 'none' }),
      },
      stopTimeouts: options.stopTimeouts ?? { interruptMs: 20_000, terminateMs: 5_000 },
      // The operator allows the binary paths the tests set (the confirmation has its own tests).
      platform: { ...webPlatform, confirmProgram: () => Promise.resolve('confirmed') },
    });
  let disposed = false;
  const harness: Harness = {
    root,
    dir,
    dataDir,
    store,
    service: make(),
    streamed,
    runChanges,
    logs,
    restart: () => {
      store.close();
      store = openStore(join(dataDir, 'liaison.db'));
      harness.store = store;
      harness.service = make();
      return harness.service;
    },
    dispose: () => {
      if (disposed) return;
      disposed = true;
      harness.service.interruptAll();
      store.close();
      rmSync(root, { recursive: true, force: true });
    },
  };
  return harness;
}

export function eventsOf(entries: readonly RunLogEntry[] | undefined): TerraformEvent[] {
  return (entries ?? []).map((entry) => entry.event);
}

/** The local state file, parsed; undefined when Terraform has not written one. */
export function readState(
  dir: string,
): { serial: number; lineage: string; resources: { type: string; name: string }[] } | undefined {
  try {
    return JSON.parse(readFileSync(join(dir, 'terraform.tfstate'), 'utf8')) as {
      serial: number;
      lineage: string;
      resources: { type: string; name: string }[];
    };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** Polls until `check` holds, failing with `what` after the timeout. */
export async function waitUntil(what: string, check: () => boolean, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
