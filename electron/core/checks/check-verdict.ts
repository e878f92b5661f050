import type { CheckError, CheckResult, CheckStep, CheckVerdict } from '../../../shared/contract/checks';

export interface VerdictFacts {
  cloudLabel: 'AWS' | 'GCP';
  canary: string;
  environment: string;
  /** Whether a token command is configured for the environment (so the live step ran or was skipped for a reason). */
  liveConfigured: boolean;
  /** Why a kind that proves itself live (a role recipe) could not: said instead of the token command advice. */
  notLive?: string;
  steps: readonly (CheckStep & { error?: CheckError })[];
}

type Judged = Pick<CheckResult, 'verdict' | 'headline'> & { error?: CheckError };

/**
 * The verdict from the steps: a sign-in stops everything; a definite finding (Failing) outranks a
 * call that could not be made (Error); a live success is Success; otherwise every static step
 * passed and the verdict is Configured.
 */
export function judgeCheck(facts: VerdictFacts): Judged {
  const first = (status: CheckStep['status']) => facts.steps.find((s) => s.status === status);
  const signIn = first('needs-sign-in');
  if (signIn)
    return judged('needs-sign-in', `Needs sign-in — ${sentence(signIn.detail)} ${signIn.remediation ?? ''}`.trim());
  const platform = facts.steps.find((s) => s.id === 'platform');
  const failing = first('failed');
  if (platform?.status === 'failed') {
    // The platform's verdict is authoritative: its reason first, Liaison's own finding as the explanation.
    const own = facts.steps.find((s) => s.status === 'failed' && s !== platform);
    return judged(
      'failing',
      `Failing — Platform: ${platform.detail}${own ? ` Liaison found: ${own.title}: ${own.detail}` : ''}`,
    );
  }
  if (failing) return judged('failing', `Failing — ${failing.title}: ${failing.detail}`);
  const error = first('error');
  if (error) {
    const cause = error.error ?? { code: 'UNKNOWN', message: error.detail };
    return { ...judged('error', `Error — ${error.title}: ${cause.code}: ${cause.message}`), error: cause };
  }
  const live = facts.steps.find((s) => s.id === 'live');
  if (live?.status === 'passed') {
    return judged('success', `Success — ${facts.canary} was impersonated live and every static check passed.`);
  }
  if (platform?.status === 'passed') {
    return judged('success', `Success — the platform's own check is Ready and every static check passed.`);
  }
  const how = facts.liveConfigured
    ? 'the live step did not run.'
    : facts.notLive !== undefined
      ? facts.notLive
      : `no token command is set for ${facts.environment}. Add one in Settings → Checks (a command that prints an identity token from https://issuer.${facts.environment}) to impersonate ${facts.canary} live.`;
  return judged('configured', `Configured — every static check passed; not verified live: ${how}`);
}

/** Ends `text` with a full stop unless it already ends a sentence. */
function sentence(text: string): string {
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

function judged(verdict: CheckVerdict, headline: string): Judged {
  return { verdict, headline };
}

/** Go's log timestamp (`2022/09/01 11:26:47`, local time), as the platform CLI prints it. */
export function seedTimestamp(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}/${pad(date.getMonth() + 1)}/${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
}

export function successLine(cloudLabel: 'AWS' | 'GCP', at: Date): string {
  return `${seedTimestamp(at)} ${cloudLabel} role impersonation was successful!`;
}
