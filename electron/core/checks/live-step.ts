import type { CheckRun, StepOutcome } from './check-run';

/**
 * The last of every kind's own steps (check-pipeline.ts): impersonate the canary live, but only with a token command
 * and only once every static step passed (moto would let a broken association through otherwise).
 */
export async function runLiveStep<Command>(
  run: CheckRun,
  options: {
    title: string;
    environment: string;
    tokenCommand: Command | undefined;
    /** Why the step is skipped without a token command; by default, that none is set for the environment. */
    absentReason?: string;
    now: () => Date;
    impersonate: (tokenCommand: Command) => Promise<StepOutcome>;
  },
): Promise<{ liveAt: Date | undefined }> {
  const { tokenCommand } = options;
  if (tokenCommand === undefined) {
    const reason =
      options.absentReason ??
      `No token command is set for ${options.environment}, so impersonation was not tried live.`;
    run.skip('live', options.title, reason, true);
    return { liveAt: undefined };
  }
  if (!run.allPassed) {
    run.skip('live', options.title, 'Not tried: fix the failing steps first.', true);
    return { liveAt: undefined };
  }
  let liveAt: Date | undefined;
  await run.step(
    'live',
    options.title,
    async () => {
      const outcome = await options.impersonate(tokenCommand);
      if (outcome.status === 'passed') liveAt = options.now();
      return outcome;
    },
    true,
  );
  return { liveAt };
}
