import type { CheckError, CheckStep, CheckStepStatus } from '../../../shared/contract/checks';
import type { PlatformStanding } from '../../../shared/platform/platform-standing';

/**
 * What a step found, as a value later steps act on (the sentence is for people): today the subject
 * of the step does not exist, so the steps that examine it further are skipped.
 */
export interface StepFinding {
  kind: 'missing';
  what: 'oidc-provider' | 'role' | 'pool' | 'provider' | 'service-account';
  /** The name the skipped steps give it (`Not checked: <name> does not exist.`). */
  name: string;
}

/** What a step found: its status, a sentence of detail, and what to do when it did not pass. */
export interface StepOutcome {
  status: CheckStepStatus;
  detail: string;
  remediation?: string;
  /** The cloud API's failure, when the status is `error` (or a refused live call). */
  error?: CheckError;
  finding?: StepFinding;
  /** The Platform step's typed outcome, kept with the step (the dashboard reads it, never the detail text). */
  platform?: PlatformStanding;
}

export const passed = (detail: string): StepOutcome => ({ status: 'passed', detail });
export const failed = (detail: string, remediation: string): StepOutcome => ({ status: 'failed', detail, remediation });
/** Failed because the subject does not exist: the steps that `need` this one are skipped. */
export const missing = (what: StepFinding['what'], name: string, detail: string, remediation: string): StepOutcome => ({
  ...failed(detail, remediation),
  finding: { kind: 'missing', what, name },
});

/**
 * Records the steps of one check in order, each with its start time and duration. A step that throws
 * is recorded by the caller's `describeError` as an `error` step rather than ending the check.
 */
export class CheckRun {
  readonly steps: (CheckStep & { error?: CheckError })[] = [];
  readonly #now: () => Date;
  readonly #describeError: (error: unknown, live: boolean) => StepOutcome;

  constructor(options: { now: () => Date; describeError: (error: unknown, live: boolean) => StepOutcome }) {
    this.#now = options.now;
    this.#describeError = options.describeError;
  }

  async step(id: string, title: string, work: () => Promise<StepOutcome>, live = false): Promise<StepOutcome> {
    const started = this.#now();
    const clock = performance.now();
    let outcome: StepOutcome;
    try {
      outcome = await work();
    } catch (error) {
      outcome = this.#describeError(error, live);
    }
    this.steps.push({
      id,
      title,
      status: outcome.status,
      detail: outcome.detail,
      ...(outcome.remediation ? { remediation: outcome.remediation } : {}),
      ...(outcome.error ? { error: outcome.error } : {}),
      ...(outcome.platform ? { platform: outcome.platform } : {}),
      live,
      startedAt: started.toISOString(),
      durationMs: Math.max(0, Math.round(performance.now() - clock)),
    });
    return outcome;
  }

  skip(id: string, title: string, detail: string, live = false): void {
    this.steps.push({
      id,
      title,
      status: 'skipped',
      detail,
      live,
      startedAt: this.#now().toISOString(),
      durationMs: 0,
    });
  }

  /** Whether every step so far passed (warnings count as passed). */
  get allPassed(): boolean {
    return this.steps.every((s) => s.status === 'passed' || s.status === 'warning');
  }
}
