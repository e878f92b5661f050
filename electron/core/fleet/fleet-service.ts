import { randomUUID } from 'node:crypto';
import { ZodError } from 'zod';
import type { MethodOutput, ParsedInput } from '../../../shared/api';
import {
  fleetErrorCodes,
  type fleetMethods,
  type FleetItem,
  type FleetRun,
  type FleetRunSummary,
  type FleetStage,
} from '../../../shared/contract/fleet';
import { apiErrorFromZod, errorCodes, type ApiError } from '../../../shared/errors';
import type { ServiceFor } from '../contract-service';
import { CoreError } from '../core-error';
import type { EventBus } from '../event-bus';
import type { Logger } from '../logger';
import type { Store } from '../store/database';
import { fleetReportOf, fleetZipOf } from './fleet-export';
import { FleetRepository, newFleetRecord, type FleetRecord } from './fleet-repository';
import { isSafePlan, planSummaryOf, summaryOf, type ItemProgress, type WorkKind } from './fleet-state';
import type { FleetSteps, FleetTerraform } from './fleet-steps';
import { fleetTargetIdentity } from '../../../shared/fleet/fleet-target';

export interface FleetServiceOptions {
  store: Store;
  events: EventBus;
  logger: Logger;
  terraform: FleetTerraform;
  steps: FleetSteps;
  now?: () => Date;
  newId?: () => string;
  /** How long item updates are coalesced before one fleetProgress event carries them. */
  progressIntervalMs?: number;
  /** False beside the app (the check CLI): its fleet runs are not reconciled here (TerraformRunsOptions.ownsRuns). */
  ownsRuns?: boolean;
}

interface Work {
  itemId: string;
  kind: WorkKind;
  /** The item's apply order when queued (kept in step by reorderFleet). */
  order: number;
}

/** What runs for one fleet run in this process: its queue and the items being worked on. */
interface Runner {
  queue: Work[];
  inFlight: Map<string, { kind: WorkKind; runId?: string; done: Promise<void> }>;
}

const PLANNABLE: readonly FleetStage[] = ['queued', 'planned', 'approved', 'failed', 'cancelled'];
const TERRAFORM_STAGES: readonly FleetStage[] = ['initialising', 'planning', 'applying'];

class Cancelled extends Error {}

/**
 * Fleet runs: each item runs the wizard's steps (group → workspace → platform record → init → plan)
 * without the wizard; approved plans are applied in item order, at most `concurrency` items at a time;
 * one item's failure never stops another. Every stage change is stored, so a restart shows each
 * item's true stage; a saved plan from before a restart is stale and is never applied.
 */
export class FleetService implements ServiceFor<typeof fleetMethods> {
  readonly #repository: FleetRepository;
  readonly #runners = new Map<string, Runner>();
  readonly #pending = new Map<string, Map<string, FleetItem>>();
  /** When each run's items were last saved, until the next progress event writes it as the run's updatedAt. */
  readonly #savedAt = new Map<string, string>();
  readonly #runItems = new Map<string, { fleetId: string; itemId: string }>();
  #flushTimer: NodeJS.Timeout | undefined;
  readonly #now: () => Date;
  readonly #newId: () => string;
  readonly #unsubscribe: () => void;
  #closed = false;

  constructor(private readonly options: FleetServiceOptions) {
    // Beside the app another process writes these runs, so nothing read here may be kept.
    this.#repository = new FleetRepository(options.store, options.ownsRuns !== false);
    this.#now = options.now ?? (() => new Date());
    this.#newId = options.newId ?? randomUUID;
    // A run's phase (init → plan) is the item's stage while Terraform works.
    this.#unsubscribe = options.events.subscribe((name, payload) => {
      if (name !== 'terraformRunChanged') return;
      const { run } = payload as MethodOutput<'getTerraformRun'>;
      const owner = this.#runItems.get(run.id);
      if (!owner || run.status !== 'running') return;
      const stage: FleetStage = run.phase === 'init' ? 'initialising' : run.phase === 'apply' ? 'applying' : 'planning';
      const item = this.#item(owner.fleetId, owner.itemId);
      if (item && TERRAFORM_STAGES.includes(item.stage) && item.stage !== stage) {
        this.#save(owner.fleetId, { ...item, stage });
      }
    });
    // A core beside the app (the check CLI) leaves the app's fleet runs as they are: they may be in flight.
    if (options.ownsRuns !== false) this.#reconcile();
  }

  createFleetRun(input: ParsedInput<'createFleetRun'>): FleetRun {
    const timestamp = this.#now().toISOString();
    const fleet = newFleetRecord(input, this.#newId(), timestamp);
    const items: FleetItem[] = input.items.map((item) => ({
      id: this.#newId(),
      order: item.order,
      target: item.target,
      group: item.group,
      stage: 'queued',
      planStale: false,
      approved: false,
    }));
    this.#repository.insert(fleet, items);
    this.options.events.emit('fleetRunsChanged', { ids: [fleet.id] });
    return this.getFleetRun({ fleetId: fleet.id });
  }

  listFleetRuns(): FleetRunSummary[] {
    return this.#repository.list().map((fleet) => this.#summary(fleet, this.#repository.items(fleet.id)));
  }

  getFleetRun({ fleetId }: { fleetId: string }): FleetRun {
    const fleet = this.#require(fleetId);
    const items = this.#repository.items(fleetId);
    return { ...this.#summary(fleet, items), options: fleet.options, items };
  }

  deleteFleetRun({ fleetId }: ParsedInput<'deleteFleetRun'>): { deletedId: string } {
    this.#require(fleetId);
    if ((this.#runners.get(fleetId)?.inFlight.size ?? 0) > 0) {
      throw new CoreError({
        code: errorCodes.conflict,
        message: 'This fleet run is still working.',
        remediation: 'Cancel it, or wait for it to finish, then delete it.',
      });
    }
    this.#runners.delete(fleetId);
    this.#repository.delete(fleetId);
    this.options.events.emit('fleetRunsChanged', { ids: [fleetId] });
    return { deletedId: fleetId };
  }

  planFleet({ fleetId, itemIds }: ParsedInput<'planFleet'>): FleetRun {
    const items = this.#repository.items(fleetId);
    this.#require(fleetId);
    const chosen = itemIds
      ? this.#pick(items, itemIds, 'itemIds', PLANNABLE, 'planned again')
      : items.filter(
          (item) =>
            ['queued', 'failed', 'cancelled'].includes(item.stage) || (item.stage === 'planned' && item.planStale),
        );
    return this.#enqueuePlans(fleetId, chosen);
  }

  retryFleetItems({ fleetId, itemIds }: ParsedInput<'retryFleetItems'>): FleetRun {
    this.#require(fleetId);
    const chosen = this.#pick(this.#repository.items(fleetId), itemIds, 'itemIds', ['failed', 'cancelled'], 'retried');
    return this.#enqueuePlans(fleetId, chosen);
  }

  approveFleetPlans({ fleetId, selection, approve }: ParsedInput<'approveFleetPlans'>): FleetRun {
    this.#require(fleetId);
    const items = this.#repository.items(fleetId);
    const from: FleetStage = approve ? 'planned' : 'approved';
    let chosen: FleetItem[];
    if (selection.kind === 'items') {
      chosen = this.#pick(items, selection.itemIds, 'selection.itemIds', ['planned', 'approved'], 'approved');
      const stale = chosen.find((item) => item.planStale);
      if (approve && stale) {
        throw new CoreError({
          code: fleetErrorCodes.planStale,
          field: 'selection.itemIds',
          message: `The plan of ${labelOf(stale)} is from before Liaison restarted, so it is not the plan to apply.`,
          remediation: 'Plan it again, review the new plan, then approve it.',
        });
      }
    } else {
      chosen = items.filter((item) => item.stage === 'planned' && !item.planStale && isSafePlan(item));
    }
    for (const item of chosen.filter((each) => each.stage === from)) {
      this.#save(fleetId, { ...item, stage: approve ? 'approved' : 'planned', approved: approve });
    }
    return this.#flushAndGet(fleetId);
  }

  reorderFleet({ fleetId, itemIds }: ParsedInput<'reorderFleet'>): FleetRun {
    this.#require(fleetId);
    const items = this.#repository.items(fleetId);
    const known = new Set(items.map((item) => item.id));
    if (
      itemIds.length !== items.length ||
      new Set(itemIds).size !== items.length ||
      itemIds.some((id) => !known.has(id))
    ) {
      throw new CoreError({
        code: errorCodes.invalidInput,
        field: 'itemIds',
        message: 'List every account and project of the fleet run exactly once, in the order to apply them.',
      });
    }
    const byId = new Map(items.map((item) => [item.id, item]));
    this.#repository.transaction(() => {
      itemIds.forEach((id, order) => {
        const item = byId.get(id) as FleetItem;
        if (item.order !== order) this.#save(fleetId, { ...item, order });
      });
    });
    for (const work of this.#runners.get(fleetId)?.queue ?? []) work.order = itemIds.indexOf(work.itemId);
    return this.#flushAndGet(fleetId);
  }

  applyFleet({ fleetId }: ParsedInput<'applyFleet'>): FleetRun {
    this.#require(fleetId);
    const runner = this.#runner(fleetId);
    const waiting = new Set(runner.queue.map((work) => work.itemId));
    const approved = this.#repository
      .items(fleetId)
      .filter((item) => item.stage === 'approved' && !item.planStale && !waiting.has(item.id));
    if (approved.length === 0) {
      throw new CoreError({
        code: fleetErrorCodes.wrongStage,
        message: 'No approved plan is waiting to be applied.',
        remediation: 'Review the plans and approve the ones to apply.',
      });
    }
    this.#repository.setFlags(fleetId, { cancelled: false }, this.#now().toISOString());
    runner.queue.push(...approved.map((item) => ({ itemId: item.id, kind: 'apply' as const, order: item.order })));
    this.#pump(fleetId);
    return this.#flushAndGet(fleetId);
  }

  checkFleet({ fleetId }: ParsedInput<'checkFleet'>): FleetRun {
    this.#require(fleetId);
    const runner = this.#runner(fleetId);
    const waiting = new Set(runner.queue.map((work) => work.itemId));
    const applied = this.#repository
      .items(fleetId)
      .filter((item) => (item.stage === 'applied' || item.stage === 'checked') && !waiting.has(item.id));
    if (applied.length === 0) {
      throw new CoreError({
        code: fleetErrorCodes.wrongStage,
        message: 'No account or project of this fleet run has been applied yet.',
        remediation: 'Apply the approved plans first.',
      });
    }
    this.#repository.setFlags(fleetId, { cancelled: false }, this.#now().toISOString());
    runner.queue.push(...applied.map((item) => ({ itemId: item.id, kind: 'check' as const, order: item.order })));
    this.#pump(fleetId);
    return this.#flushAndGet(fleetId);
  }

  async cancelFleet({ fleetId }: ParsedInput<'cancelFleet'>): Promise<FleetRun> {
    this.#require(fleetId);
    this.#repository.setFlags(fleetId, { cancelled: true }, this.#now().toISOString());
    const runner = this.#runner(fleetId);
    const dropped = runner.queue.splice(0);
    for (const work of dropped) {
      const item = this.#item(fleetId, work.itemId);
      // Work that never started: a plan not made is cancelled; an approved plan stays approved.
      if (item && work.kind === 'plan') {
        this.#save(fleetId, { ...item, stage: 'cancelled', error: cancelledError() });
      }
    }
    const running = [...runner.inFlight.values()];
    await Promise.all(
      running.map((work) =>
        work.runId
          ? this.options.terraform.cancelTerraformRun({ runId: work.runId }).catch(() => undefined)
          : undefined,
      ),
    );
    await Promise.all(running.map((work) => work.done));
    return this.#flushAndGet(fleetId);
  }

  pauseFleet({ fleetId }: ParsedInput<'pauseFleet'>): FleetRun {
    this.#require(fleetId);
    this.#repository.setFlags(fleetId, { paused: true }, this.#now().toISOString());
    return this.#flushAndGet(fleetId);
  }

  resumeFleet({ fleetId }: ParsedInput<'resumeFleet'>): FleetRun {
    this.#require(fleetId);
    this.#repository.setFlags(fleetId, { paused: false }, this.#now().toISOString());
    this.#pump(fleetId);
    return this.#flushAndGet(fleetId);
  }

  setFleetConcurrency({ fleetId, concurrency }: ParsedInput<'setFleetConcurrency'>): FleetRun {
    this.#require(fleetId);
    this.#repository.setFlags(fleetId, { concurrency }, this.#now().toISOString());
    this.#pump(fleetId);
    return this.#flushAndGet(fleetId);
  }

  exportFleetZip({ fleetId }: ParsedInput<'exportFleetZip'>): MethodOutput<'exportFleetZip'> {
    return fleetZipOf(this.getFleetRun({ fleetId }), this.options.steps, this.#now());
  }

  exportFleetReport({ fleetId, format }: ParsedInput<'exportFleetReport'>): MethodOutput<'exportFleetReport'> {
    return fleetReportOf(this.getFleetRun({ fleetId }), format);
  }

  /** Resolves once every item being worked on in this process has settled (tests, quit). */
  async idle(fleetId: string): Promise<void> {
    for (;;) {
      const runner = this.#runners.get(fleetId);
      const running = runner ? [...runner.inFlight.values()] : [];
      if (running.length === 0) return;
      await Promise.all(running.map((work) => work.done));
    }
  }

  close(): void {
    this.#closed = true;
    this.#unsubscribe();
    this.#flush();
  }

  // ---- the scheduler ----

  #enqueuePlans(fleetId: string, chosen: readonly FleetItem[]): FleetRun {
    const runner = this.#runner(fleetId);
    const waiting = new Set(runner.queue.map((work) => work.itemId));
    this.#repository.setFlags(fleetId, { cancelled: false }, this.#now().toISOString());
    for (const item of chosen) {
      if (waiting.has(item.id) || runner.inFlight.has(item.id)) continue;
      const { error: _error, failedStage: _failed, ...rest } = item;
      this.#save(fleetId, { ...rest, stage: 'queued', planStale: false, approved: false });
      runner.queue.push({ itemId: item.id, kind: 'plan', order: item.order });
    }
    this.#pump(fleetId);
    return this.#flushAndGet(fleetId);
  }

  /** Starts queued work, lowest item order first, while fewer than `concurrency` items are in flight. */
  #pump(fleetId: string): void {
    if (this.#closed) return;
    const runner = this.#runner(fleetId);
    const fleet = this.#repository.find(fleetId);
    if (!fleet || fleet.paused || fleet.cancelled) return;
    runner.queue.sort((a, b) => a.order - b.order);
    while (runner.inFlight.size < fleet.concurrency && runner.queue.length > 0) {
      const work = runner.queue.shift() as Work;
      if (runner.inFlight.has(work.itemId)) continue;
      const entry: { kind: WorkKind; runId?: string; done: Promise<void> } = {
        kind: work.kind,
        done: Promise.resolve(),
      };
      runner.inFlight.set(work.itemId, entry);
      entry.done = this.#perform(fleetId, work, entry)
        .catch((error: unknown) => {
          this.options.logger.error({ fleetId, itemId: work.itemId, err: String(error) }, 'fleet item work failed');
        })
        .finally(() => {
          runner.inFlight.delete(work.itemId);
          this.#pump(fleetId);
          this.#queueProgress(fleetId);
        });
    }
  }

  async #perform(fleetId: string, work: Work, entry: { runId?: string }): Promise<void> {
    const started = this.#now();
    let item = this.#item(fleetId, work.itemId);
    if (!item) return;
    const { error: _error, failedStage: _failed, endedAt: _ended, durationMs: _duration, ...fresh } = item;
    const first: FleetStage = work.kind === 'plan' ? 'generating' : work.kind === 'apply' ? 'applying' : 'checking';
    item = this.#save(fleetId, { ...fresh, stage: first, startedAt: started.toISOString() });
    const finish = (patch: Partial<FleetItem>) => {
      const latest = this.#item(fleetId, work.itemId) ?? item;
      const ended = this.#now();
      this.#save(fleetId, {
        ...latest,
        ...patch,
        endedAt: ended.toISOString(),
        durationMs: Math.max(0, ended.getTime() - started.getTime()),
      });
    };
    try {
      if (work.kind === 'plan') finish(await this.#plan(fleetId, item, entry));
      else if (work.kind === 'apply') finish(await this.#apply(fleetId, item, entry));
      else finish({ stage: 'checked', verdict: await this.options.steps.check(item.associationId ?? '') });
    } catch (error) {
      const latest = this.#item(fleetId, work.itemId) ?? item;
      const cancelled = error instanceof Cancelled || this.#cancelled(fleetId);
      // A check that could not run leaves the item applied; anything else fails at the stage it was in.
      if (work.kind === 'check' && !cancelled) {
        finish({ stage: 'applied', error: apiErrorOf(error) });
        return;
      }
      finish({
        stage: cancelled ? 'cancelled' : 'failed',
        failedStage: latest.stage,
        error: cancelled && error instanceof Cancelled ? cancelledError() : apiErrorOf(error),
      });
    }
  }

  async #plan(fleetId: string, item: FleetItem, entry: { runId?: string }): Promise<Partial<FleetItem>> {
    const fleet = this.#require(fleetId);
    const patch = (fields: Partial<FleetItem>) => this.#save(fleetId, { ...this.#latest(fleetId, item), ...fields });
    // One save per step: what a step made, and the next stage unless the run was cancelled meanwhile
    // (then the item stops at the stage it was in). Each save comes before the await that may take long.
    const advance = (made: Partial<FleetItem>, next: Partial<FleetItem> = {}) => {
      if (!this.#cancelled(fleetId)) return patch({ ...made, ...next });
      patch(made);
      throw new Cancelled();
    };
    const groupId = item.groupId ?? (await this.options.steps.resolveGroup(fleet, item));
    const current = advance({ groupId });
    const generated = await this.options.steps.generate(fleet, current, groupId);
    if (fleet.registerOnPlatform) {
      advance(generated, { stage: 'registering' });
      await this.options.steps.register(fleet, generated.associationId);
      advance({ registration: 'registered' }, { stage: 'initialising' });
    } else {
      advance(generated, { registration: 'skipped', stage: 'initialising' });
    }
    const run = await this.options.terraform.startTerraformPlan({
      workspaceKey: generated.workspaceKey,
      destroy: false,
    });
    entry.runId = run.id;
    this.#runItems.set(run.id, { fleetId, itemId: item.id });
    patch({ planRunId: run.id, runId: run.id });
    if (this.#cancelled(fleetId)) await this.options.terraform.cancelTerraformRun({ runId: run.id });
    const finished = await this.options.terraform.waitFor(run.id);
    this.#runItems.delete(run.id);
    if (finished.status !== 'succeeded') return this.#runFailed(finished);
    const review = this.options.terraform.getTerraformRun({ runId: run.id }).plan;
    if (!review) throw new CoreError({ code: errorCodes.internal, message: 'The plan finished without a saved plan.' });
    return { stage: 'planned', planCounts: review.counts, planSummary: planSummaryOf(review.counts), planStale: false };
  }

  async #apply(fleetId: string, item: FleetItem, entry: { runId?: string }): Promise<Partial<FleetItem>> {
    if (!item.planRunId || !item.planCounts || item.planStale) {
      throw new CoreError({
        code: fleetErrorCodes.planStale,
        message: 'There is no reviewed plan to apply.',
        remediation: 'Plan again, review, approve, then apply.',
      });
    }
    const run = await this.options.terraform.applyTerraformPlan({
      planRunId: item.planRunId,
      reviewed: item.planCounts,
    });
    entry.runId = run.id;
    this.#runItems.set(run.id, { fleetId, itemId: item.id });
    this.#save(fleetId, { ...this.#latest(fleetId, item), applyRunId: run.id, runId: run.id });
    if (this.#cancelled(fleetId)) await this.options.terraform.cancelTerraformRun({ runId: run.id });
    const finished = await this.options.terraform.waitFor(run.id);
    this.#runItems.delete(run.id);
    if (finished.status !== 'succeeded') return this.#runFailed(finished);
    return { stage: 'applied' };
  }

  #runFailed(run: MethodOutput<'getTerraformRun'>['run']): Partial<FleetItem> {
    const latest = run.status === 'cancelled' ? 'cancelled' : 'failed';
    const stage: FleetStage = run.phase === 'init' ? 'initialising' : run.phase === 'apply' ? 'applying' : 'planning';
    return {
      stage: latest,
      failedStage: stage,
      error: run.error ?? { code: errorCodes.internal, message: `Terraform ended ${run.status}.` },
    };
  }

  #cancelled(fleetId: string): boolean {
    return this.#repository.find(fleetId)?.cancelled === true;
  }

  // ---- restart ----

  /**
   * After a restart (or crash) nothing of the last process runs any more except a detached apply,
   * which the Terraform runs service has taken up again. Each item's stage is made true from the
   * run records; every saved plan is stale: it is applied only after planning and reviewing again.
   */
  #reconcile(): void {
    const stages: FleetStage[] = [
      'generating',
      'registering',
      'initialising',
      'planning',
      'planned',
      'approved',
      'applying',
      'checking',
    ];
    for (const { fleetId, item } of this.#repository.itemsIn(stages)) {
      if (item.stage === 'planned' || item.stage === 'approved') {
        this.#save(fleetId, { ...item, stage: 'planned', approved: false, planStale: true });
      } else if (item.stage === 'checking') {
        this.#save(fleetId, { ...item, stage: 'applied' });
      } else if (item.stage === 'applying') {
        this.#reconcileApply(fleetId, item);
      } else {
        const run = item.planRunId ? this.#run(item.planRunId) : undefined;
        this.#save(fleetId, {
          ...item,
          stage: 'failed',
          failedStage: item.stage,
          error: run?.error ?? interruptedError(item.stage),
          endedAt: this.#now().toISOString(),
        });
      }
    }
    this.#flush();
  }

  #reconcileApply(fleetId: string, item: FleetItem): void {
    // The apply run is created before the item names it: look it up by the plan it applies.
    const run =
      (item.applyRunId ? this.#run(item.applyRunId) : undefined) ??
      (item.workspaceKey && item.planRunId
        ? this.options.terraform
            .listTerraformRuns({ workspaceKey: item.workspaceKey, limit: 20 })
            .find((each) => each.kind === 'apply' && each.planRunId === item.planRunId)
        : undefined);
    if (!run) {
      this.#save(fleetId, {
        ...item,
        stage: 'failed',
        failedStage: 'applying',
        planStale: true,
        approved: false,
        error: interruptedError('applying'),
      });
      return;
    }
    const settle = (finished: MethodOutput<'getTerraformRun'>['run']) => {
      const latest = this.#item(fleetId, item.id) ?? item;
      this.#save(fleetId, {
        ...latest,
        applyRunId: finished.id,
        runId: finished.id,
        ...(finished.status === 'succeeded' ? { stage: 'applied' as const } : this.#runFailed(finished)),
        endedAt: finished.endedAt ?? this.#now().toISOString(),
      });
    };
    if (run.status !== 'running') {
      settle(run);
      return;
    }
    // Taken up again by the runs service: the item stays applying until Terraform ends.
    this.#save(fleetId, { ...item, applyRunId: run.id, runId: run.id });
    const runner = this.#runner(fleetId);
    const entry = { kind: 'apply' as WorkKind, runId: run.id, done: Promise.resolve() };
    runner.inFlight.set(item.id, entry);
    entry.done = this.options.terraform
      .waitFor(run.id)
      .then(settle)
      .finally(() => {
        runner.inFlight.delete(item.id);
        this.#queueProgress(fleetId);
      });
  }

  #run(runId: string): MethodOutput<'getTerraformRun'>['run'] | undefined {
    try {
      return this.options.terraform.getTerraformRun({ runId }).run;
    } catch {
      return undefined;
    }
  }

  // ---- records and progress ----

  #save(fleetId: string, item: FleetItem): FleetItem {
    if (this.#closed) return item;
    this.#repository.saveItem(fleetId, item);
    this.#savedAt.set(fleetId, this.#now().toISOString());
    let pending = this.#pending.get(fleetId);
    if (!pending) this.#pending.set(fleetId, (pending = new Map()));
    pending.set(item.id, item);
    this.#queueProgress(fleetId);
    return item;
  }

  #queueProgress(fleetId: string): void {
    if (!this.#pending.has(fleetId)) this.#pending.set(fleetId, new Map());
    if (this.#flushTimer || this.#closed) return;
    this.#flushTimer = setTimeout(() => this.#flush(), this.options.progressIntervalMs ?? 100);
    this.#flushTimer.unref();
  }

  /** One fleetProgress per fleet run with every item changed since the last one (the latest of each). */
  #flush(): void {
    if (this.#flushTimer) clearTimeout(this.#flushTimer);
    this.#flushTimer = undefined;
    const pending = [...this.#pending];
    this.#pending.clear();
    for (const [fleetId, items] of pending) {
      const fleet = this.#stamped(fleetId);
      if (!fleet) continue;
      // Stages only: a summary per batch of events must not parse every item of the run again.
      const summary = this.#summary(fleet, this.#repository.progress(fleetId));
      this.options.events.emit('fleetProgress', { fleetId, summary, items: [...items.values()] });
    }
  }

  /**
   * The run with its updatedAt moved to its items' last save: one statement per progress event rather
   * than one per item save (a crash may lose the last interval's stamp; each item's own stage is stored).
   */
  #stamped(fleetId: string): FleetRecord | undefined {
    const savedAt = this.#savedAt.get(fleetId);
    this.#savedAt.delete(fleetId);
    const fleet = this.#repository.find(fleetId);
    if (!fleet || savedAt === undefined || savedAt <= fleet.updatedAt) return fleet;
    this.#repository.touch(fleetId, savedAt);
    return this.#repository.find(fleetId);
  }

  /** After a command: every window hears the run's new summary (paused, say), even if no item changed. */
  #flushAndGet(fleetId: string): FleetRun {
    if (!this.#pending.has(fleetId)) this.#pending.set(fleetId, new Map());
    this.#flush();
    return this.getFleetRun({ fleetId });
  }

  #summary(fleet: FleetRecord, items: readonly ItemProgress[]): FleetRunSummary {
    const runner = this.#runners.get(fleet.id);
    return summaryOf(fleet, items, runner?.queue.map((work) => work.kind) ?? []);
  }

  #runner(fleetId: string): Runner {
    let runner = this.#runners.get(fleetId);
    if (!runner) this.#runners.set(fleetId, (runner = { queue: [], inFlight: new Map() }));
    return runner;
  }

  #item(fleetId: string, itemId: string): FleetItem | undefined {
    return this.#repository.item(fleetId, itemId);
  }

  #latest(fleetId: string, item: FleetItem): FleetItem {
    return this.#item(fleetId, item.id) ?? item;
  }

  #pick(
    items: readonly FleetItem[],
    ids: readonly string[],
    field: string,
    allowed: readonly FleetStage[],
    verb: string,
  ): FleetItem[] {
    const byId = new Map(items.map((item) => [item.id, item]));
    return ids.map((id, index) => {
      const item = byId.get(id);
      if (!item) {
        throw new CoreError({
          code: errorCodes.notFound,
          field: `${field}.${index}`,
          message: 'That account or project is not in this fleet run.',
        });
      }
      if (!allowed.includes(item.stage)) {
        throw new CoreError({
          code: fleetErrorCodes.wrongStage,
          field: `${field}.${index}`,
          message: `${labelOf(item)} is ${item.stage}, so it cannot be ${verb}.`,
        });
      }
      return item;
    });
  }

  #require(fleetId: string): FleetRecord {
    const fleet = this.#repository.find(fleetId);
    if (!fleet) {
      throw new CoreError({
        code: errorCodes.notFound,
        field: 'fleetId',
        message: 'There is no such fleet run.',
        remediation: 'Refresh the list; it may have been deleted.',
      });
    }
    return fleet;
  }
}

export function labelOf(item: FleetItem): string {
  const { id, name } = fleetTargetIdentity(item.target);
  return name ? `${name} (${id})` : id;
}

function apiErrorOf(error: unknown): ApiError {
  if (error instanceof CoreError) return error.toApiError();
  if (error instanceof ZodError) return apiErrorFromZod(error);
  return { code: errorCodes.internal, message: error instanceof Error ? error.message : String(error) };
}

function cancelledError(): ApiError {
  return {
    code: fleetErrorCodes.cancelled,
    message: 'The fleet run was cancelled before this account or project finished.',
    remediation: 'Retry it to plan it again.',
  };
}

function interruptedError(stage: FleetStage): ApiError {
  return {
    code: fleetErrorCodes.interrupted,
    message: `Liaison stopped while this account or project was ${stage} (the app quit, crashed or was killed).`,
    remediation: 'Retry it: it is planned again, and nothing is applied before you review the new plan.',
  };
}
