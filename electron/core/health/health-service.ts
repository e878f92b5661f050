import { randomUUID } from 'node:crypto';
import type { healthMethods } from '../../../shared/contract/health';
import type { ServiceFor } from '../contract-service';
import type { ParsedInput } from '../../../shared/api';
import { CHECK_VERDICT_LABELS, type CheckResult, type CheckVerdict } from '../../../shared/contract/checks';
import {
  healthErrorCodes,
  type ExportFile,
  type HealthOverview,
  type HealthRunStatus,
  type HealthSettings,
  type HistoryPoint,
  type WorkspaceDrift,
} from '../../../shared/contract/health';
import { errorCodes } from '../../../shared/errors';
import { CheckRepository } from '../checks/check-repository';
import type { PaceCalls } from '../checks/check-scope';
import type { CheckBatch } from '../checks/checks-service';
import { CoreError } from '../core-error';
import type { EventBus } from '../event-bus';
import type { Logger } from '../logger';
import type { HostPlatform } from '../platform';
import type { Store } from '../store/database';
import { realClock, type Clock } from './account-rate-limiter';
import { applyCheckRetention } from './check-retention';
import { exportHistory, exportOverview } from './health-exports';
import { queryHealthOverview } from './health-overview-query';
import { HealthRun, type RunTarget } from './health-run';
import { HealthScheduler, realTimers, type SchedulerTimers } from './health-scheduler';
import { HealthSettingsRepository } from './health-settings-repository';
import { isAlertTransition } from './verdict-alerts';
import type { DriftOutcome } from './workspace-drift';

/** What health needs from the checks domain: run one (never prompting) and read stored ones. */
export interface CheckRunner {
  runAssociationCheck(input: { associationId: string }): Promise<CheckResult>;
  listAssociationChecks(input: { associationId: string; limit: number }): CheckResult[];
  /**
   * Checks that share each account's session and documents for one run and pace their API calls.
   * A runner without it (one whose checks make no calls of their own) is paced once per check.
   */
  openBatch?(pace: PaceCalls): CheckBatch;
}

export interface HealthServiceOptions {
  store: Store;
  events: EventBus;
  logger: Logger;
  checks: CheckRunner;
  /** Runs a refresh-only plan in one workspace (`checkWorkspaceDrift`); absent, drift cannot be checked. */
  drift?: (workspaceKey: string) => Promise<DriftOutcome>;
  /** Where alerts also become desktop notifications. */
  platform?: HostPlatform;
  now?: () => Date;
  clock?: Clock;
  timers?: SchedulerTimers;
  /**
   * Whether this core re-checks on the schedule (default yes). A secondary core (the check CLI) opened
   * beside the app must not: the app owns the schedule, and a second timer would re-check everything twice.
   */
  schedules?: boolean;
}

/** The dashboard's data, check-all runs, the schedule, retention, alerts and exports. */
export class HealthService implements ServiceFor<typeof healthMethods> {
  readonly #options: HealthServiceOptions;
  readonly #settings: HealthSettingsRepository;
  readonly #checks: CheckRepository;
  readonly #now: () => Date;
  /** Undefined in a core that does not schedule (see `schedules`). */
  readonly #scheduler: HealthScheduler | undefined;
  readonly #unsubscribe: () => void;
  #run: HealthRun | undefined;
  readonly #driftInFlight = new Map<string, Promise<WorkspaceDrift>>();

  constructor(options: HealthServiceOptions) {
    this.#options = options;
    this.#settings = new HealthSettingsRepository(options.store);
    this.#checks = new CheckRepository(options.store);
    this.#now = options.now ?? (() => new Date());
    this.#scheduler =
      options.schedules === false
        ? undefined
        : new HealthScheduler(() => this.#scheduledRun(), options.timers ?? realTimers);
    this.#unsubscribe = options.events.subscribe((name, payload) => {
      if (name !== 'associationCheckChanged') return;
      this.#alertOnTransition((payload as { associationId: string }).associationId);
    });
    this.#scheduler?.configure(this.#settings.read().scheduleMinutes);
  }

  getHealthOverview(): HealthOverview {
    const { rows, counts } = queryHealthOverview(this.#options.store);
    return { rows, counts, ...(this.#run ? { run: this.#run.status } : {}) };
  }

  getHealthSettings(): HealthSettings {
    return this.#settings.read();
  }

  setHealthSettings(settings: HealthSettings): HealthSettings {
    this.#settings.write(settings);
    this.#scheduler?.configure(settings.scheduleMinutes);
    this.#options.events.emit('healthSettingsChanged', settings);
    return settings;
  }

  startHealthRun({ associationIds }: ParsedInput<'startHealthRun'>): HealthRunStatus {
    return this.start(associationIds).status;
  }

  /** Starts a run over the given associations (every generated one when omitted). */
  start(associationIds: readonly string[] | undefined, trigger: HealthRunStatus['trigger'] = 'manual'): HealthRun {
    if (this.#run?.status.state === 'running') {
      throw new CoreError({
        code: healthErrorCodes.runInProgress,
        message: 'A check of every association is already running',
        remediation: 'Wait for it to finish, or cancel it first.',
      });
    }
    const wanted = associationIds ? new Set(associationIds) : undefined;
    const targets: RunTarget[] = queryHealthOverview(this.#options.store)
      .rows.filter((row) => !wanted || wanted.has(row.associationId))
      .map((row) => ({ associationId: row.associationId, account: `${row.cloud}:${row.target}` }));
    const settings = this.#settings.read();
    const run = new HealthRun({
      targets,
      trigger,
      concurrency: settings.concurrency,
      perAccountPerSecond: settings.perAccountPerSecond,
      clock: this.#options.clock ?? realClock,
      now: this.#now,
      openBatch: (pace) => this.#options.checks.openBatch?.(pace) ?? this.#pacedPerCheck(targets, pace),
      recordFailure: (id, error) => this.#recordFailure(id, error),
      onProgress: (status) => this.#options.events.emit('healthRunProgress', status),
    });
    this.#run = run;
    void run.done.then(() => this.#applyRetention());
    return run;
  }

  cancelHealthRun({ runId }: ParsedInput<'cancelHealthRun'>): { cancelled: boolean } {
    if (this.#run?.status.runId !== runId || this.#run.status.state !== 'running') return { cancelled: false };
    this.#run.cancel();
    return { cancelled: true };
  }

  getAssociationHistory({ associationId, limit }: ParsedInput<'getAssociationHistory'>): HistoryPoint[] {
    return this.#options.checks
      .listAssociationChecks({ associationId, limit })
      .map(({ id, verdict, headline, startedAt, durationMs }) => ({ id, verdict, headline, startedAt, durationMs }))
      .reverse();
  }

  exportHealthOverview({ format }: ParsedInput<'exportHealthOverview'>): ExportFile {
    return exportOverview(queryHealthOverview(this.#options.store).rows, format, this.#now());
  }

  exportAssociationHistory({ associationId, format }: ParsedInput<'exportAssociationHistory'>): ExportFile {
    return exportHistory(
      associationId,
      this.#options.checks.listAssociationChecks({ associationId, limit: 5000 }),
      format,
      this.#now(),
    );
  }

  /** One workspace's refresh-only plan, stored; a check already running there is joined, not repeated. */
  checkDrift({ workspaceKey }: ParsedInput<'checkDrift'>): Promise<WorkspaceDrift> {
    const known = queryHealthOverview(this.#options.store).rows.some((row) => row.workspaceKey === workspaceKey);
    if (!known) {
      throw new CoreError({
        code: errorCodes.notFound,
        field: 'workspaceKey',
        message: `No generated association uses the workspace ${workspaceKey}.`,
      });
    }
    const running = this.#driftInFlight.get(workspaceKey);
    if (running) return running;
    const check = this.#runDrift(workspaceKey).finally(() => this.#driftInFlight.delete(workspaceKey));
    this.#driftInFlight.set(workspaceKey, check);
    return check;
  }

  /** Every workspace with a generated association, one after another (each plan is a heavy process). */
  async checkAllDrift(): Promise<WorkspaceDrift[]> {
    const keys = [...new Set(queryHealthOverview(this.#options.store).rows.map((row) => row.workspaceKey))];
    const results: WorkspaceDrift[] = [];
    for (const key of keys) results.push(await this.checkDrift({ workspaceKey: key }));
    return results;
  }

  close(): void {
    this.#scheduler?.stop();
    this.#run?.cancel();
    this.#unsubscribe();
  }

  async #scheduledRun(): Promise<void> {
    if (this.#run?.status.state === 'running') return;
    await this.start(undefined, 'schedule').done;
    if (this.#settings.read().driftOnSchedule) await this.checkAllDrift();
  }

  async #runDrift(workspaceKey: string): Promise<WorkspaceDrift> {
    let outcome: DriftOutcome;
    try {
      outcome = this.#options.drift
        ? await this.#options.drift(workspaceKey)
        : { status: 'error', detail: 'Drift checks are not available in this host.' };
    } catch (error) {
      outcome = { status: 'error', detail: error instanceof Error ? error.message : String(error) };
    }
    const result: WorkspaceDrift = {
      workspaceKey,
      drift: outcome.status,
      ...(outcome.detail ? { detail: outcome.detail } : {}),
      checkedAt: this.#now().toISOString(),
    };
    this.#options.store.db
      .prepare(
        `INSERT INTO workspace_drift (workspace_key, status, detail, checked_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (workspace_key) DO UPDATE SET status = excluded.status, detail = excluded.detail, checked_at = excluded.checked_at`,
      )
      .run(workspaceKey, result.drift, result.detail ?? null, result.checkedAt);
    this.#options.logger.info({ workspaceKey, drift: result.drift }, 'workspace drift checked');
    return result;
  }

  #applyRetention(): void {
    try {
      const removed = applyCheckRetention(this.#options.store, {
        now: this.#now(),
        keepAllDays: this.#settings.read().keepAllDays,
      });
      if (removed > 0) this.#options.logger.info({ removed }, 'old checks thinned to one per day');
    } catch (error) {
      this.#options.logger.warn({ err: error }, 'check retention failed; will try after the next run');
    }
  }

  #pacedPerCheck(targets: readonly RunTarget[], pace: PaceCalls): CheckBatch {
    const accountOf = new Map(targets.map((target) => [target.associationId, target.account]));
    return {
      run: async (associationId) => {
        await pace(accountOf.get(associationId) ?? associationId);
        return this.#options.checks.runAssociationCheck({ associationId });
      },
      close: () => undefined,
    };
  }

  /** A check that could not even start (association gone, not checkable) still gets an Error verdict. */
  #recordFailure(associationId: string, error: unknown): CheckVerdict {
    const row = queryHealthOverview(this.#options.store).rows.find((r) => r.associationId === associationId);
    const code = error instanceof CoreError ? error.code : 'CHECK_FAILED';
    const message = error instanceof Error ? error.message : String(error);
    this.#options.logger.warn({ associationId, code }, 'association check could not run');
    if (!row) return 'error';
    const at = this.#now().toISOString();
    const result: CheckResult = {
      id: randomUUID(),
      associationId,
      cloud: row.cloud,
      groupId: row.groupId,
      target: row.target,
      verdict: 'error',
      headline: `Error — the check could not run: ${message}`,
      error: { code, message },
      steps: [],
      startedAt: at,
      finishedAt: at,
      durationMs: 0,
    };
    this.#checks.insert(result);
    this.#options.events.emit('associationCheckChanged', { associationId, checkId: result.id, verdict: 'error' });
    return 'error';
  }

  #alertOnTransition(associationId: string): void {
    const [latest, previous] = this.#options.checks.listAssociationChecks({ associationId, limit: 2 });
    if (!latest || !isAlertTransition(previous?.verdict, latest.verdict)) return;
    const row = queryHealthOverview(this.#options.store).rows.find((r) => r.associationId === associationId);
    const groupName = row?.groupName || latest.groupId;
    const from = previous?.verdict ?? latest.verdict;
    this.#options.events.emit('associationHealthAlert', {
      associationId,
      groupName,
      target: latest.target,
      from,
      to: latest.verdict,
    });
    const who = `${groupName} on ${latest.target}`;
    const title = latest.verdict === 'failing' ? `${who} turned Failing` : `${who} recovered`;
    const body =
      latest.verdict === 'failing'
        ? `Was ${CHECK_VERDICT_LABELS[from]}. ${latest.headline}`
        : `Now ${CHECK_VERDICT_LABELS[latest.verdict]}.`;
    try {
      this.#options.platform?.notify(title, body);
    } catch (error) {
      // The in-app toast still shows; a notification the OS refuses must not stop the run.
      this.#options.logger.warn({ err: error }, 'desktop notification failed');
    }
  }
}
