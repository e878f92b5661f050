import type { CheckError, CheckResult, CheckStep } from '../../../shared/contract/checks';
import { CANARY_COMPONENT } from '../../../shared/terraform/module-catalog';
import type { CheckContext, CheckKind, CheckPlan, CheckStepSpec, JudgeRead, Reached } from './check-kind';
import { CheckRun, type StepOutcome } from './check-run';
import { sharedNote } from './check-scope';
import { judgeCheck, successLine } from './check-verdict';
import { runLiveStep } from './live-step';
import type { StoredTokenCommand } from './token-command';

export interface CheckPipelineOptions {
  context: CheckContext;
  /** The environment's token command; without one the live step is skipped and says why. */
  tokenCommand: StoredTokenCommand | undefined;
  /** Steps every kind ends with (the platform's own check), run after the kind's own. */
  finally?: readonly CheckStepSpec[];
}

/** What a check found: its steps in order and the verdict they make. */
export type CheckFindings = Pick<CheckResult, 'verdict' | 'headline' | 'successLine'> & {
  error?: CheckError;
  steps: CheckStep[];
};

/**
 * The one check pipeline, for every kind: reach the target step by step (a step that opens no session
 * skips the static part), run the kind's static steps in order (skipping those whose subject an
 * earlier step found missing), impersonate live, run the common final steps, and judge.
 */
export async function runCheckPipeline<Target extends object, Session>(
  kind: CheckKind<Target, Session>,
  target: Target,
  options: CheckPipelineOptions,
): Promise<CheckFindings> {
  const { context, tokenCommand } = options;
  const run = new CheckRun({ now: context.now, describeError: (error, live) => kind.describeError(error, live) });
  const found = new Map<string, StepOutcome>();
  let provenAt: Date | undefined;
  const record = async (spec: CheckStepSpec): Promise<void> => {
    const needed = spec.needs === undefined ? undefined : found.get(spec.needs)?.finding;
    if (needed?.kind === 'missing') {
      run.skip(spec.id, spec.title, `Not checked: ${needed.name} does not exist.`, spec.live ?? false);
      return;
    }
    const outcome = await run.step(spec.id, spec.title, () => spec.run(), spec.live ?? false);
    found.set(spec.id, outcome);
    if (spec.live && outcome.status === 'passed') provenAt ??= context.now();
  };

  const plan = kind.plan(target, context);
  // The token's environment, as the kind's live step names it; a kind proving itself live has none.
  const environment = 'impersonate' in plan.live ? plan.live.environment : '';
  const reached = await reach(run, plan);
  if (reached === undefined) {
    run.skip('static', 'Association resources', plan.unreached);
  } else {
    const judge: JudgeRead = (read, evaluate) => {
      const outcome = read.ok ? evaluate(read.value) : kind.describeError(read.error, false);
      return read.shared ? { ...outcome, detail: `${outcome.detail} ${sharedNote('Read', plan.readsOf)}` } : outcome;
    };
    for (const spec of plan.steps(reached.session, judge)) await record(spec);
    const live = plan.live;
    const { liveAt } =
      'impersonate' in live
        ? await runLiveStep(run, {
            title: live.title,
            environment,
            tokenCommand,
            now: context.now,
            impersonate: (command) => live.impersonate(reached.session, command),
          })
        : await runLiveStep(run, {
            title: live.title,
            environment,
            tokenCommand: live.unavailable === undefined ? reached.session : undefined,
            ...(live.unavailable === undefined ? {} : { absentReason: live.unavailable }),
            now: context.now,
            impersonate: (session) => live.prove(session),
          });
    provenAt ??= liveAt;
  }
  for (const spec of options.finally ?? []) await record(spec);

  const own = 'impersonate' in plan.live ? undefined : plan.live;
  const judged = judgeCheck({
    cloudLabel: kind.label,
    canary: own?.subject ?? `chainguard-${CANARY_COMPONENT}`,
    environment,
    liveConfigured: own ? own.unavailable === undefined : tokenCommand !== undefined,
    ...(own?.unavailable === undefined ? {} : { notLive: own.unavailable }),
    steps: run.steps,
  });
  return {
    ...judged,
    // The seed's line is what chainctl prints for the platform's check, and Liaison for its own live step.
    ...(judged.verdict === 'success' && provenAt ? { successLine: successLine(kind.label, provenAt) } : {}),
    steps: run.steps.map(({ error: _error, ...step }) => step),
  };
}

/** Runs the reaching steps in order, each from the session the previous one opened; undefined when one opened none. */
async function reach<Session>(run: CheckRun, plan: CheckPlan<Session>): Promise<{ session: Session } | undefined> {
  const [first, ...through] = plan.reach;
  let reached = await reachStep(run, first.id, first.title, () => first.open());
  for (const step of through) {
    if (reached === undefined) return undefined;
    const from = reached.session;
    reached = await reachStep(run, step.id, step.title, () => step.open(from));
  }
  return reached;
}

async function reachStep<Session>(
  run: CheckRun,
  id: string,
  title: string,
  open: () => Promise<Reached<Session>>,
): Promise<{ session: Session } | undefined> {
  let reached: { session: Session } | undefined;
  await run.step(id, title, async () => {
    const { outcome, session } = await open();
    if (session !== undefined) reached = { session };
    return outcome;
  });
  return reached;
}
