import { randomUUID } from 'node:crypto';
import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { ParsedInput } from '../../../shared/api';
import type {
  terraformMethods,
  PlanReview,
  RunKind,
  RunLogEntry,
  TerraformBinaryStatus,
  TerraformRun,
} from '../../../shared/contract/terraform';
import type { ServiceFor } from '../contract-service';
import { errorCodes, type ApiError } from '../../../shared/errors';
import { CoreError } from '../core-error';
import type { EventBus } from '../event-bus';
import { programConfirmationCodes } from '../../../shared/contract/program-confirmation';
import type { Logger } from '../logger';
import { webPlatform, type HostPlatform } from '../platform';
import { confirmProgram, isConfirmed, type ConfirmationProof } from '../programs/program-confirmation';
import type { Store } from '../store/database';
import { planReviewFromShowJson } from './plan-review';
import { assertApplicable } from './apply-guard';
import { interruptedRunEnd } from './interrupted-runs';
import { failedStepOutcome, stepSucceeded } from './run-outcome';
import { terraformErrorCodes } from './run-failure';
import { RunEventSink } from './run-event-sink';
import { RunRepository, type RunEnd } from './run-repository';
import { createSecretRedactor } from './secret-redactor';
import {
  isExecutable,
  locateTerraform,
  MINIMUM_TERRAFORM_VERSION,
  type TerraformBinary,
  type TerraformBinaryLookup,
} from './terraform-binary';
import { buildTerraformEnv, secretsOf, type TerraformCredentialSource } from './terraform-child-env';
import {
  attachTerraformProcess,
  startTerraformChain,
  isAlive,
  type StopEscalation,
  type StopTimeouts,
  type TerraformProcess,
} from './terraform-process';
import { readExitStatus } from './run-output-tail';
import { redactText } from '../redact-value';
import { runTerraformStep, type StepResult } from './terraform-step';

export interface TerraformRunsOptions {
  store: Store;
  events: EventBus;
  logger: Logger;
  /** The app's environment: only its allow-listed part reaches Terraform. */
  env: NodeJS.ProcessEnv;
  /** Where saved plans are kept between review and apply (Liaison's files, not the workspace's). */
  plansDir: string;
  /** Where each run's detached Terraform writes its output and exit status; beside plansDir by default. */
  runsDir?: string;
  workspaceDirFor: (workspaceKey: string) => string;
  credentials: TerraformCredentialSource;
  /** Confirms a new binary path; without one, none can be set. */
  platform?: HostPlatform;
  now?: () => Date;
  stopTimeouts?: StopTimeouts;
  /**
   * False for a core opened beside the app on its data directory (the check CLI): the runs recorded
   * there are the app's, possibly in flight, so this one recovers, marks and sweeps none of them, and
   * starts none of its own (the app's next start would take them for runs of a Liaison that quit).
   */
  ownsRuns?: boolean;
}

const DEFAULT_STOP_TIMEOUTS: StopTimeouts = { interruptMs: 120_000, terminateMs: 15_000 };
const BINARY_SETTING = 'binary_path';
const PROXY_SETTING = 'https_proxy';
const BINARY_FINGERPRINT_SETTING = 'binary_path_fingerprint';
const BINARY_KIND = 'terraform-binary';

interface ActiveRun {
  runId: string;
  workspaceKey: string;
  process: TerraformProcess | undefined;
  cancel: Promise<StopEscalation> | undefined;
  /** Set as soon as the run starts executing (synchronously after it is registered). */
  done: Promise<TerraformRun> | undefined;
}

interface RunContext {
  run: TerraformRun;
  active: ActiveRun;
  binary: TerraformBinary;
  dir: string;
  env: Record<string, string>;
  redact: (line: string) => string;
  sink: RunEventSink;
}

/**
 * Terraform runs as records: plan (init → plan -out → show), apply of exactly that saved plan, cancel,
 * force-unlock. Never deletes, moves or rewrites state: Terraform alone writes `terraform.tfstate*`.
 */
export class TerraformRunsService implements ServiceFor<typeof terraformMethods> {
  readonly #repository: RunRepository;
  readonly #active = new Map<string, ActiveRun>();
  #binary: Promise<TerraformBinaryLookup> | undefined;
  readonly #now: () => Date;
  readonly #stopTimeouts: StopTimeouts;
  #closed = false;

  constructor(private readonly options: TerraformRunsOptions) {
    this.#repository = new RunRepository(options.store);
    this.#now = options.now ?? (() => new Date());
    this.#stopTimeouts = options.stopTimeouts ?? DEFAULT_STOP_TIMEOUTS;
    if (this.#ownsRuns) this.#recoverRuns();
  }

  get #ownsRuns(): boolean {
    return this.options.ownsRuns !== false;
  }

  get #runsDir(): string {
    return this.options.runsDir ?? join(dirname(this.options.plansDir), 'terraform-runs');
  }

  async getTerraformBinary(): Promise<TerraformBinaryStatus> {
    const configuredPath = this.#repository.getSetting(BINARY_SETTING);
    const lookup = await this.#lookupBinary();
    const configured = configuredPath === undefined ? {} : { configuredPath };
    if (!lookup.ok) return { status: lookup.status, error: lookup.error, ...configured };
    const { path, flavor, version } = lookup.binary;
    return { status: 'found', path, flavor, version, minimumVersion: MINIMUM_TERRAFORM_VERSION, ...configured };
  }

  /** The binary every run uses (the configured path, else PATH), found and version-checked once; drift runs it too. */
  async binaryForRuns(): Promise<{ path: string } | { error: string }> {
    const lookup = await this.#lookupBinary();
    return lookup.ok ? { path: lookup.binary.path } : { error: lookup.error.message };
  }

  /**
   * Sets (or clears) the binary path. A new path must be an executable file and is confirmed by the
   * operator before Liaison runs it even once (`version`), then refused unless it gives a usable
   * binary (not kept until cleared); it is stored with its fingerprint.
   */
  async setTerraformBinaryPath({
    path,
    launchToken,
  }: ParsedInput<'setTerraformBinaryPath'>): Promise<TerraformBinaryStatus> {
    const proof: ConfirmationProof = { launchToken };
    if (path === null) {
      this.options.store.transaction(() => {
        this.#repository.setSetting(BINARY_SETTING, null);
        this.#repository.setSetting(BINARY_FINGERPRINT_SETTING, null);
      });
    } else if (!this.#isConfirmedPath(path)) {
      if (!isExecutable(path)) {
        throw new CoreError({
          code: errorCodes.invalidInput,
          field: 'path',
          message: `${path} is not an executable file.`,
          remediation: 'Choose the terraform or tofu program itself, or clear the setting to search PATH.',
        });
      }
      const fingerprint = await confirmProgram(
        this.options.platform ?? webPlatform,
        { kind: BINARY_KIND, purpose: 'the Terraform binary for every plan and apply', program: path },
        proof,
      );
      // Confirmed, so it may run: a path that gives no usable binary is refused, not kept until cleared.
      const lookup = await locateTerraform({ env: this.options.env, configuredPath: path });
      if (!lookup.ok) {
        throw new CoreError({
          code: lookup.error.code,
          field: 'path',
          message: lookup.error.message,
          ...(lookup.error.remediation ? { remediation: lookup.error.remediation } : {}),
        });
      }
      this.options.store.transaction(() => {
        this.#repository.setSetting(BINARY_SETTING, path);
        this.#repository.setSetting(BINARY_FINGERPRINT_SETTING, fingerprint);
      });
    }
    this.#binary = undefined;
    return this.getTerraformBinary();
  }

  /** The proxy Terraform's downloads go through, set in Settings (else the app's own HTTPS_PROXY). */
  getTerraformNetwork(): { httpsProxy?: string } {
    const httpsProxy = this.#repository.getSetting(PROXY_SETTING);
    return httpsProxy === undefined ? {} : { httpsProxy };
  }

  setTerraformProxy({ httpsProxy }: ParsedInput<'setTerraformProxy'>): { httpsProxy?: string } {
    this.#repository.setSetting(PROXY_SETTING, httpsProxy);
    return this.getTerraformNetwork();
  }

  /** The app environment a Terraform child inherits from, with the proxy from Settings in place. */
  childAppEnv(): NodeJS.ProcessEnv {
    const proxy = this.#repository.getSetting(PROXY_SETTING);
    return proxy === undefined ? this.options.env : { ...this.options.env, HTTPS_PROXY: proxy, https_proxy: proxy };
  }

  #isConfirmedPath(path: string): boolean {
    return (
      this.#repository.getSetting(BINARY_SETTING) === path &&
      isConfirmed(BINARY_KIND, path, this.#repository.getSetting(BINARY_FINGERPRINT_SETTING))
    );
  }

  async startTerraformPlan(input: ParsedInput<'startTerraformPlan'>): Promise<TerraformRun> {
    const kind: RunKind = input.destroy ? 'destroy-plan' : 'plan';
    return this.#start(input.workspaceKey, kind, undefined, (context) => this.#plan(context, input.destroy));
  }

  async applyTerraformPlan(input: ParsedInput<'applyTerraformPlan'>): Promise<TerraformRun> {
    const planRun = this.#repository.get(input.planRunId);
    if (!planRun || (planRun.kind !== 'plan' && planRun.kind !== 'destroy-plan')) {
      throw new CoreError({ code: errorCodes.notFound, field: 'planRunId', message: 'There is no such plan run.' });
    }
    const { review, planFile } = this.#repository.plan(planRun.id);
    assertApplicable(planRun, review, planFile, input.reviewed);
    return this.#start(planRun.workspaceKey, 'apply', planRun.id, (context) =>
      this.#apply(context, planFile as string),
    );
  }

  /** Interrupts the run and resolves once it has stopped and been recorded. */
  async cancelTerraformRun({ runId }: ParsedInput<'cancelTerraformRun'>): Promise<TerraformRun> {
    const active = [...this.#active.values()].find((each) => each.runId === runId);
    if (!active) {
      const run = this.#repository.get(runId);
      if (!run) throw new CoreError({ code: errorCodes.notFound, field: 'runId', message: 'There is no such run.' });
      return run;
    }
    active.cancel ??= active.process ? active.process.stop(this.#stopTimeouts) : Promise.resolve('none');
    return active.done ?? this.getTerraformRun({ runId }).run;
  }

  async forceUnlockTerraform(input: ParsedInput<'forceUnlockTerraform'>): Promise<TerraformRun> {
    const seen = this.#repository.lastLock(input.workspaceKey);
    if (seen?.id !== input.lockId) {
      throw new CoreError({
        code: errorCodes.conflict,
        field: 'lockId',
        message: `Liaison has not seen lock ${input.lockId} on this workspace${seen ? ` (the last one reported was ${seen.id})` : ''}.`,
        remediation: 'Plan again: if the state is still locked, the run shows the current lock and its id.',
      });
    }
    const run = await this.#start(input.workspaceKey, 'force-unlock', undefined, (context) =>
      this.#steps(context, [{ phase: 'force-unlock', args: ['force-unlock', '-force', input.lockId] }]),
    );
    return this.waitFor(run.id);
  }

  listTerraformRuns(input: ParsedInput<'listTerraformRuns'>): TerraformRun[] {
    return this.#repository.list(input);
  }

  getTerraformRun({ runId }: ParsedInput<'getTerraformRun'>): { run: TerraformRun; plan?: PlanReview } {
    const run = this.#repository.get(runId);
    if (!run) throw new CoreError({ code: errorCodes.notFound, field: 'runId', message: 'There is no such run.' });
    const { review } = this.#repository.plan(runId);
    return review ? { run, plan: review } : { run };
  }

  getTerraformRunLog(input: ParsedInput<'getTerraformRunLog'>): { entries: RunLogEntry[]; nextSeq?: number } {
    const entries = this.#repository.log(input.runId, input.afterSeq, input.limit);
    const last = entries.at(-1);
    return entries.length === input.limit && last ? { entries, nextSeq: last.seq } : { entries };
  }

  /** The finished run record, once the run has ended (at once for a run that is not active). */
  async waitFor(runId: string): Promise<TerraformRun> {
    const active = [...this.#active.values()].find((each) => each.runId === runId);
    return active?.done ?? this.getTerraformRun({ runId }).run;
  }

  /**
   * On quit: interrupts every active run as Ctrl-C would, without waiting. The store closes next, so
   * these runs stay "running" there and are marked interrupted at the next start.
   */
  interruptAll(): void {
    this.#closed = true;
    for (const active of this.#active.values()) active.cancel ??= active.process?.stop(this.#stopTimeouts);
  }

  async #start(
    workspaceKey: string,
    kind: RunKind,
    planRunId: string | undefined,
    work: (context: RunContext) => Promise<RunEnd>,
  ): Promise<TerraformRun> {
    if (!this.#ownsRuns) {
      throw new CoreError({
        code: errorCodes.conflict,
        message: 'This Liaison does not run Terraform: it shares its data directory with the app, which owns the runs.',
        remediation: 'Plan and apply in the Liaison app (or its web host).',
      });
    }
    this.#assertIdle(workspaceKey);
    const dir = this.options.workspaceDirFor(workspaceKey);
    if (!isDirectory(dir)) {
      throw new CoreError({
        code: errorCodes.notFound,
        field: 'workspaceKey',
        message: `The workspace ${workspaceKey} has no files yet (${dir}).`,
        remediation: 'Generate and save the association first.',
      });
    }
    const lookup = await this.#lookupBinary();
    // Checked again after the await; from here to the end nothing yields, so no second run slips in.
    this.#assertIdle(workspaceKey);
    const binary = lookup.ok ? lookup.binary : undefined;
    const run = this.#repository.create({
      id: randomUUID(),
      workspaceKey,
      kind,
      phase: kind === 'apply' ? 'apply' : kind === 'force-unlock' ? 'force-unlock' : 'init',
      planRunId,
      startedAt: this.#now().toISOString(),
      binary: binary ? { path: binary.path, version: binary.version } : undefined,
    });
    this.#changed(run);
    this.options.logger.info({ runId: run.id, kind, workspaceKey }, 'terraform run started');
    if (!lookup.ok) {
      this.#finish(run, { status: 'failed', endedAt: this.#endedAt(), exitCode: null, error: lookup.error });
      return run;
    }
    const active: ActiveRun = { runId: run.id, workspaceKey, process: undefined, cancel: undefined, done: undefined };
    this.#active.set(workspaceKey, active);
    active.done = this.#execute(run, active, lookup.binary, dir, work);
    return run;
  }

  #assertIdle(workspaceKey: string): void {
    const busy = this.#active.get(workspaceKey);
    if (!busy) return;
    throw new CoreError({
      code: terraformErrorCodes.busy,
      message: `Another run (${busy.runId}) is in progress in this workspace.`,
      remediation: 'Wait for it to finish, or cancel it.',
    });
  }

  async #execute(
    run: TerraformRun,
    active: ActiveRun,
    binary: TerraformBinary,
    dir: string,
    work: (context: RunContext) => Promise<RunEnd>,
  ): Promise<TerraformRun> {
    let end: RunEnd;
    try {
      // Every run is started by the operator (there are no background runs), so prompts may appear.
      const credentials = await this.options.credentials.credentialsFor(run.workspaceKey, { interactive: true });
      const context: RunContext = {
        run,
        active,
        binary,
        dir,
        env: buildTerraformEnv(this.childAppEnv(), credentials),
        redact: createSecretRedactor(secretsOf(credentials)),
        sink: new RunEventSink(run.id, this.#repository, this.options.events),
      };
      end = await work(context);
      if (context.sink.storeFailure && end.status === 'succeeded') {
        end = { ...end, status: 'failed', error: storeFailure(context.sink.storeFailure) };
      }
    } catch (error) {
      end = { status: 'failed', endedAt: this.#endedAt(), exitCode: null, error: unexpected(error) };
    } finally {
      this.#active.delete(run.workspaceKey);
    }
    return this.#finishAndForgetFiles(run, end);
  }

  /**
   * Records the end; the run's output files go once it is recorded (kept on quit, for the next start),
   * before the run's `done` promise resolves: they hold Terraform's raw output, secrets included. (The
   * workspace is free again as soon as the end is recorded, so a `waitFor` that arrives during the
   * removal reads the finished record at once.) They are
   * removed off the main thread: rmSync took about 10 ms of it per run, between Terraform's exit and
   * the run's end. Files left by a Liaison that quit meanwhile go at the next start (#sweepRunFiles).
   */
  async #finishAndForgetFiles(run: TerraformRun, end: RunEnd): Promise<TerraformRun> {
    const finished = this.#finish(run, end);
    if (!this.#closed) await this.#forgetFiles(run.id);
    return finished;
  }

  #forgetFiles(runId: string): Promise<void> {
    return rm(join(this.#runsDir, runId), { recursive: true, force: true }).catch((error: unknown) =>
      this.options.logger.warn({ runId, error: String(error) }, 'could not remove a finished run’s output files'),
    );
  }

  /** Removes the output files of every run that is not running (finished before their removal ended). */
  #sweepRunFiles(): void {
    let names: string[];
    try {
      names = readdirSync(this.#runsDir);
    } catch {
      return;
    }
    const running = new Set([...this.#active.values()].map((active) => active.runId));
    for (const name of names) if (!running.has(name)) void this.#forgetFiles(name);
  }

  async #plan(context: RunContext, destroy: boolean): Promise<RunEnd> {
    mkdirSync(this.options.plansDir, { recursive: true });
    const planFile = join(this.options.plansDir, `${context.run.id}.tfplan`);
    const init = ['init', '-upgrade', '-input=false', ...(context.binary.initJson ? ['-json'] : [])];
    const plan = ['plan', '-input=false', `-out=${planFile}`, '-json', ...(destroy ? ['-destroy'] : [])];
    const end = await this.#steps(context, [
      { phase: 'init', args: init },
      { phase: 'plan', args: plan },
      // Its output (the plan's values) stays out of the log; like every step's output file it lives in the
      // run's own directory (0700, files 0600) until the run's end is recorded.
      { phase: 'show', args: ['show', '-json', planFile], captureStdout: true },
    ]);
    if (end.status !== 'succeeded' || !end.show) {
      rmSync(planFile, { force: true });
      return end;
    }
    let review: PlanReview;
    try {
      review = planReviewFromShowJson(end.show);
    } catch (error) {
      rmSync(planFile, { force: true });
      return {
        ...end,
        status: 'failed',
        error: {
          code: terraformErrorCodes.failed,
          message: `Liaison could not read the saved plan from terraform show -json: ${String(error)}`,
        },
      };
    }
    this.#repository.setPlan(context.run.id, review, planFile);
    return end;
  }

  async #apply(context: RunContext, planFile: string): Promise<RunEnd> {
    try {
      return await this.#steps(context, [{ phase: 'apply', args: ['apply', '-input=false', '-json', planFile] }]);
    } finally {
      // Applied, failed or stale: a saved plan is never applied twice, so Liaison's copy goes.
      rmSync(planFile, { force: true });
    }
  }

  /**
   * Runs the steps in order, stopping at the first that fails or when the run is cancelled. They run
   * under one supervisor, one after another (see startTerraformChain): a plan's init, plan and show
   * cost one shell and one start through the spawner, as `init && plan && show` in a terminal would.
   */
  async #steps(
    context: RunContext,
    steps: { phase: TerraformRun['phase']; args: string[]; captureStdout?: boolean }[],
  ): Promise<RunEnd & { show?: string }> {
    // Windows has no process groups to detach into: every step runs on pipes there.
    const chain =
      process.platform === 'win32' || context.active.cancel
        ? undefined
        : startTerraformChain({
            binary: context.binary.path,
            runDir: join(this.#runsDir, context.run.id),
            steps,
            // Only an apply is taken up again after a restart (see #recoverRuns).
            resumable: context.run.kind === 'apply',
            cwd: context.dir,
            env: context.env,
          });
    let last: StepResult | undefined;
    try {
      for (const [index, step] of steps.entries()) {
        // A chained step is followed even after a cancel: the supervisor may have started it just before
        // the interrupt, and its lines (a lock error, say) and its phase belong in the run's record. One
        // it did not start ends at once, as interrupted.
        if (context.active.cancel && !chain) {
          return failedStepOutcome({
            phase: step.phase,
            step: last ?? notStarted(),
            binary: context.binary.path,
            cancelled: await context.active.cancel,
            workspaceDir: context.dir,
            endedAt: this.#endedAt(),
          });
        }
        const result = await runTerraformStep({
          binary: context.binary.path,
          args: step.args,
          cwd: context.dir,
          env: context.env,
          redact: context.redact,
          sink: context.sink,
          captureStdout: step.captureStdout ?? false,
          ...(chain ? { attach: (onLine) => chain.follow(index, onLine) } : {}),
          onStart: (process) => {
            context.active.process = process;
          },
          onStarted: (pid) => {
            this.#repository.setPhase(context.run.id, step.phase, pid);
            this.#changed(this.#repository.get(context.run.id));
          },
        });
        // Between two chained steps the next one is already running: a cancel must still reach it.
        context.active.process = chain && index < steps.length - 1 ? chain.whole : undefined;
        if (result.changes) this.#repository.setChanges(context.run.id, result.changes);
        const cancelled = context.active.cancel ? await context.active.cancel : undefined;
        if (!stepSucceeded(result) || cancelled !== undefined) {
          return failedStepOutcome({
            phase: step.phase,
            step: result,
            binary: context.binary.path,
            cancelled,
            workspaceDir: context.dir,
            endedAt: this.#endedAt(),
          });
        }
        last = result;
      }
    } catch (error) {
      // Liaison failed mid-run (the store, say): the supervisor must not go on to the next step alone.
      await chain?.whole.stop(this.#stopTimeouts).catch(() => undefined);
      throw error;
    }
    return {
      status: 'succeeded',
      endedAt: this.#endedAt(),
      exitCode: last?.exitCode ?? 0,
      ...(last?.stdout ? { show: last.stdout } : {}),
    };
  }

  #finish(started: TerraformRun, end: RunEnd): TerraformRun {
    // After interruptAll the store is closing: the record stays "running" and is marked at next start.
    if (this.#closed) return { ...started, status: end.status, endedAt: end.endedAt };
    const run = this.#repository.finish(started.id, end);
    this.options.logger.info({ runId: run.id, status: run.status, code: run.error?.code }, 'terraform run ended');
    this.#changed(run);
    return run;
  }

  #changed(run: TerraformRun | undefined): void {
    if (run) this.options.events.emit('terraformRunChanged', { run });
  }

  #endedAt(): string {
    return this.#now().toISOString();
  }

  #lookupBinary(): Promise<TerraformBinaryLookup> {
    const configuredPath = this.#repository.getSetting(BINARY_SETTING);
    if (configuredPath !== undefined && !this.#isConfirmedPath(configuredPath)) {
      // Saved before confirmation existed, or changed behind Liaison's back: never run, not even `version`.
      return Promise.resolve({
        ok: false,
        status: 'unusable',
        error: {
          code: programConfirmationCodes.notConfirmed,
          field: 'path',
          message: `${configuredPath} has not been confirmed, so Liaison does not run it.`,
          remediation: 'Save the path again in Settings and confirm it, or clear it to use the terraform on PATH.',
        },
      });
    }
    this.#binary ??= locateTerraform({ env: this.options.env, configuredPath });
    return this.#binary;
  }

  /**
   * A run still "running" in the store belonged to a Liaison that quit or crashed mid-run. An apply's
   * Terraform outlives it (detached, writing to files): it is taken up again — followed live while it
   * runs, or its outcome read from its files if it has finished. Any other run is marked interrupted.
   */
  #recoverRuns(): void {
    for (const { run, pid } of this.#repository.running()) {
      // An apply started by a Liaison before one supervisor ran a whole run kept its files a level down.
      const older = join(this.#runsDir, run.id, 'apply');
      const runDir = isDirectory(older) ? older : join(this.#runsDir, run.id);
      const resumable =
        run.kind === 'apply' &&
        run.phase === 'apply' &&
        pid !== undefined &&
        (readExitStatus(runDir) !== undefined || isAlive(pid)) &&
        isDirectory(runDir);
      if (resumable) this.#reattach(run, pid, runDir);
      // Recorded at once (a store failure fails the start, as it should); its files go in the
      // background, and the sweep below would take them too.
      else {
        this.#finish(run, interruptedRunEnd(run, pid, this.#endedAt()));
        void this.#forgetFiles(run.id);
      }
    }
    this.#sweepRunFiles();
  }

  #reattach(run: TerraformRun, pid: number, runDir: string): void {
    const active: ActiveRun = {
      runId: run.id,
      workspaceKey: run.workspaceKey,
      process: undefined,
      cancel: undefined,
      done: undefined,
    };
    this.#active.set(run.workspaceKey, active);
    this.options.logger.info({ runId: run.id, pid }, 'terraform run taken up again after a restart');
    const binary = run.binary?.path ?? 'terraform';
    // The log goes on from the last line the previous Liaison stored.
    const sink = new RunEventSink(run.id, this.#repository, this.options.events, run.eventCount);
    active.done = (async () => {
      let end: RunEnd;
      try {
        const result = await runTerraformStep({
          binary,
          args: [],
          cwd: this.options.workspaceDirFor(run.workspaceKey),
          env: {},
          // The credentials this run was given died with the last Liaison: redact by shape instead.
          redact: redactText,
          sink,
          attach: (onLine) => {
            const process = attachTerraformProcess({ pid, runDir, onLine });
            active.process = process;
            return process;
          },
        });
        active.process = undefined;
        if (result.changes) this.#repository.setChanges(run.id, result.changes);
        const cancelled = active.cancel ? await active.cancel : undefined;
        end =
          stepSucceeded(result) && cancelled === undefined
            ? { status: 'succeeded', endedAt: this.#endedAt(), exitCode: result.exitCode ?? 0 }
            : failedStepOutcome({
                phase: 'apply',
                step: result,
                binary,
                cancelled,
                workspaceDir: this.options.workspaceDirFor(run.workspaceKey),
                endedAt: this.#endedAt(),
              });
      } catch (error) {
        end = { status: 'failed', endedAt: this.#endedAt(), exitCode: null, error: unexpected(error) };
      } finally {
        this.#active.delete(run.workspaceKey);
      }
      if (run.planRunId) {
        const { planFile } = this.#repository.plan(run.planRunId);
        if (planFile) rmSync(planFile, { force: true });
      }
      return this.#finishAndForgetFiles(run, end);
    })();
  }
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function notStarted(): StepResult {
  return { exitCode: null, signal: null, diagnostics: [], rawLines: [], changes: undefined, stdout: '' };
}

function unexpected(error: unknown): ApiError {
  if (error instanceof CoreError) return error.toApiError();
  return {
    code: errorCodes.internal,
    message: `The run failed inside Liaison: ${error instanceof Error ? error.message : String(error)}`,
  };
}

function storeFailure(error: Error): ApiError {
  return {
    code: terraformErrorCodes.diskFull,
    message: `Terraform finished, but Liaison could not record all of its log: ${error.message}`,
    remediation: 'Free disk space in the data directory. The state file was written by Terraform as usual.',
  };
}
