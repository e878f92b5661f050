import { describe, expect, it } from 'vitest';
import { AwsProfileCatalog } from '../aws/aws-profile-catalog';
import { GcpCredentialsService } from '../gcp/gcp-credentials-service';
import { createLogger } from '../logger';
import { DEFAULT_AWS_CHECK_TIMEOUTS } from './aws/aws-check-session';
import type { CheckContext, CheckKind, CheckStepSpec } from './check-kind';
import { runCheckPipeline } from './check-pipeline';
import { failed, missing, passed, type StepOutcome } from './check-run';
import { CheckScope } from './check-scope';
import type { StoredTokenCommand } from './token-command';

/*
 * The pipeline over a kind written here, as issue 18's kinds will be written: a record only. The
 * kind's "cloud" is a map of documents; what the pipeline does with its outcomes is what is tested.
 */

interface ToyTarget {
  environment: string;
  account: string;
  /** Name → its grants; a name that is absent does not exist. */
  roles: Record<string, string[]>;
  /** What the session step finds: a session, a refusal, or a throw. */
  reach: 'ok' | 'refused' | 'throws';
  /** The second reach step (through a role), when set. */
  through?: 'ok' | 'refused';
  live?: 'ok' | 'refused';
}

interface ToySession {
  account: string;
  via: string[];
}

class ToyError extends Error {
  constructor(readonly code: string) {
    super(`toy call failed: ${code}`);
  }
}

const toyKind: CheckKind<ToyTarget, ToySession> = {
  cloud: 'aws',
  label: 'AWS',
  noun: 'Toy account',
  platformCloud: 'AMAZON',
  targetId: (target) => target.account,
  describeError: (error, live) =>
    error instanceof ToyError && error.code === 'SIGN_IN'
      ? { status: 'needs-sign-in', detail: 'Sign in first.', remediation: 'toy login' }
      : {
          status: live ? 'failed' : 'error',
          detail: String(error),
          error: { code: error instanceof ToyError ? error.code : 'UNKNOWN', message: String(error) },
        },
  plan(target) {
    const through = target.through;
    return {
      reach: [
        {
          id: 'credentials',
          title: 'Credentials',
          open: () => {
            if (target.reach === 'throws') return Promise.reject(new ToyError('SIGN_IN'));
            if (target.reach === 'refused') return Promise.resolve({ outcome: failed('Wrong account.', 'Fix it.') });
            return Promise.resolve({ outcome: passed('Signed in.'), session: { account: 'source', via: [] } });
          },
        },
        ...(through
          ? [
              {
                id: 'access-role',
                title: 'Through a role',
                open: (from: ToySession) =>
                  Promise.resolve(
                    through === 'ok'
                      ? { outcome: passed('Assumed.'), session: { account: target.account, via: [from.account] } }
                      : { outcome: failed('AssumeRole refused.', 'Trust the source.') },
                  ),
              },
            ]
          : []),
      ],
      unreached: `Not checked: ${target.account} was not reached.`,
      readsOf: `account ${target.account}`,
      steps: (session, judge) =>
        ['reader', 'writer'].flatMap((name): CheckStepSpec[] => [
          {
            id: `role:${name}`,
            title: `Role ${name}`,
            run: () =>
              Promise.resolve(
                judge({ shared: false, ok: true, value: target.roles[name] }, (grants) =>
                  grants === undefined
                    ? missing('role', name, `The role ${name} does not exist.`, 'Apply.')
                    : passed(`${name} exists (reached via ${session.via.join(',') || 'the profile'}).`),
                ),
              ),
          },
          {
            id: `grants:${name}`,
            title: `Grants of ${name}`,
            needs: `role:${name}`,
            run: () =>
              Promise.resolve(
                judge({ shared: true, ok: true, value: target.roles[name] ?? [] }, (grants) =>
                  grants.includes('read') ? passed(`${name} reads.`) : failed(`${name} cannot read.`, 'Apply.'),
                ),
              ),
          },
        ]),
      live: {
        title: 'Live: impersonate',
        environment: target.environment,
        impersonate: (_session, command) =>
          target.live === 'refused'
            ? Promise.reject(new ToyError('ACCESS_DENIED'))
            : Promise.resolve(passed(`Impersonated with ${command.command}.`)),
      },
    };
  },
};

const context: CheckContext = {
  scope: new CheckScope(),
  env: {},
  now: () => new Date('2026-12-05T10:11:12Z'),
  aws: {
    catalog: new AwsProfileCatalog({ env: {}, watch: false }),
    timeouts: DEFAULT_AWS_CHECK_TIMEOUTS,
    defaultRegion: 'us-east-1',
  },
  gcp: { credentials: new GcpCredentialsService({ env: {}, logger: createLogger({ level: 'silent' }) }) },
};

const tokenCommand: StoredTokenCommand = {
  environment: 'enforce.dev',
  command: 'print-token',
  timeoutSeconds: 30,
  shell: false,
  fingerprint: 'sha256:toy',
};

const healthy: ToyTarget = {
  environment: 'enforce.dev',
  account: '111122223333',
  roles: { reader: ['read'], writer: ['read', 'write'] },
  reach: 'ok',
};

const statuses = (steps: readonly { id: string; status: string }[]) => steps.map((s) => `${s.id}=${s.status}`);

describe('the check pipeline over a kind record', () => {
  it('runs reach, static and live steps in order and judges Success from the live step', async () => {
    const found = await runCheckPipeline(toyKind, healthy, { context, tokenCommand });
    expect(statuses(found.steps)).toEqual([
      'credentials=passed',
      'role:reader=passed',
      'grants:reader=passed',
      'role:writer=passed',
      'grants:writer=passed',
      'live=passed',
    ]);
    expect(found.verdict).toBe('success');
    expect(found.successLine).toMatch(/ AWS role impersonation was successful!$/);
    // A read another check of the run made carries the note naming whose documents they were.
    expect(found.steps.find((s) => s.id === 'grants:reader')?.detail).toBe(
      'reader reads. (Read once for account 111122223333 in this run and shared by its checks.)',
    );
  });

  it('skips the steps that need a subject an earlier step found missing, by the typed finding', async () => {
    const found = await runCheckPipeline(
      toyKind,
      { ...healthy, roles: { reader: ['read'] } },
      { context, tokenCommand },
    );
    const grants = found.steps.find((s) => s.id === 'grants:writer');
    expect(grants).toMatchObject({ status: 'skipped', detail: 'Not checked: writer does not exist.' });
    expect(found.steps.find((s) => s.id === 'role:writer')?.status).toBe('failed');
    // A failed static step: the live step is not tried, and the verdict names the failing step.
    expect(found.steps.find((s) => s.id === 'live')).toMatchObject({
      status: 'skipped',
      detail: 'Not tried: fix the failing steps first.',
    });
    expect(found.verdict).toBe('failing');
    expect(found.headline).toBe('Failing — Role writer: The role writer does not exist.');
  });

  it('a failure that only mentions "does not exist" in its sentence skips nothing', async () => {
    const kind: CheckKind<ToyTarget, ToySession> = {
      ...toyKind,
      plan: (target, ctx) => {
        const plan = toyKind.plan(target, ctx);
        return {
          ...plan,
          steps: (session, judge) =>
            plan
              .steps(session, judge)
              .map((spec) =>
                spec.id === 'role:writer'
                  ? { ...spec, run: () => Promise.resolve(failed('The policy writer does not exist.', 'Apply.')) }
                  : spec,
              ),
        };
      },
    };
    const found = await runCheckPipeline(kind, healthy, { context, tokenCommand });
    expect(found.steps.find((s) => s.id === 'grants:writer')?.status).toBe('passed');
  });

  it('a target not reached gets one skipped static step and no live step; a throw is described by the kind', async () => {
    const refused = await runCheckPipeline(toyKind, { ...healthy, reach: 'refused' }, { context, tokenCommand });
    expect(statuses(refused.steps)).toEqual(['credentials=failed', 'static=skipped']);
    expect(refused.steps[1]?.detail).toBe('Not checked: 111122223333 was not reached.');

    const signIn = await runCheckPipeline(toyKind, { ...healthy, reach: 'throws' }, { context, tokenCommand });
    expect(statuses(signIn.steps)).toEqual(['credentials=needs-sign-in', 'static=skipped']);
    expect(signIn.verdict).toBe('needs-sign-in');
    expect(signIn.headline).toBe('Needs sign-in — Sign in first. toy login');
  });

  it('a further reach step starts from the session the first opened, and ends the static part when it opens none', async () => {
    const through = await runCheckPipeline(toyKind, { ...healthy, through: 'ok' }, { context, tokenCommand });
    expect(through.steps[1]).toMatchObject({ id: 'access-role', status: 'passed' });
    expect(through.steps.find((s) => s.id === 'role:reader')?.detail).toBe('reader exists (reached via source).');

    const refused = await runCheckPipeline(toyKind, { ...healthy, through: 'refused' }, { context, tokenCommand });
    expect(statuses(refused.steps)).toEqual(['credentials=passed', 'access-role=failed', 'static=skipped']);
  });

  it('without a token command the live step says why, and every static pass is Configured', async () => {
    const found = await runCheckPipeline(toyKind, healthy, { context, tokenCommand: undefined });
    expect(found.steps.at(-1)).toMatchObject({
      id: 'live',
      status: 'skipped',
      live: true,
      detail: 'No token command is set for enforce.dev, so impersonation was not tried live.',
    });
    expect(found.verdict).toBe('configured');
    expect(found.successLine).toBeUndefined();
  });

  it('a refused live call is judged by the kind as live; its error code stays off the stored steps', async () => {
    const found = await runCheckPipeline(toyKind, { ...healthy, live: 'refused' }, { context, tokenCommand });
    expect(found.steps.at(-1)).toMatchObject({ id: 'live', status: 'failed' });
    expect(found.steps.at(-1)).not.toHaveProperty('error');
    expect(found.verdict).toBe('failing');
  });

  it('runs the common final steps (the platform step) after the kind, and a Ready platform is Success', async () => {
    const calls: string[] = [];
    const platform = (outcome: StepOutcome): CheckStepSpec => ({
      id: 'platform',
      title: 'Platform',
      live: true,
      run: () => {
        calls.push('platform');
        return Promise.resolve(outcome);
      },
    });
    const ready = await runCheckPipeline(toyKind, healthy, {
      context,
      tokenCommand: undefined,
      finally: [platform(passed('Ready'))],
    });
    expect(statuses(ready.steps).slice(-2)).toEqual(['live=skipped', 'platform=passed']);
    expect(ready.verdict).toBe('success');
    // The time is the platform step's (the clock's), in local time as the platform CLI prints it.
    expect(ready.successLine).toMatch(/^\d{4}\/\d\d\/\d\d \d\d:\d\d:12 AWS role impersonation was successful!$/);

    const notReady = await runCheckPipeline(toyKind, healthy, {
      context,
      tokenCommand,
      finally: [platform(failed('NotReady — Pending: not yet', 'Wait.'))],
    });
    expect(notReady.verdict).toBe('failing');
    expect(notReady.headline).toBe('Failing — Platform: NotReady — Pending: not yet');
    // Also after a target that was not reached.
    await runCheckPipeline(
      toyKind,
      { ...healthy, reach: 'refused' },
      { context, tokenCommand, finally: [platform(passed('Ready'))] },
    );
    expect(calls).toEqual(['platform', 'platform', 'platform']);
  });
});
