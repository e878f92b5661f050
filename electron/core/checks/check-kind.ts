import type { AssociationValues, ParsedAssociationInput } from '../../../shared/contract/associations';
import type { AwsProfileCatalog } from '../aws/aws-profile-catalog';
import type { GcpCredentialsService } from '../gcp/gcp-credentials-service';
import type { AwsCheckTimeouts } from './aws/aws-check-session';
import type { StepOutcome } from './check-run';
import type { CheckScope, SharedRead } from './check-scope';
import type { StoredTokenCommand } from './token-command';

/** The contract's association kinds (the discriminant of `associationInputSchema`). */
export type CheckCloud = ParsedAssociationInput['cloud'];

/** What any kind may use while it checks: the run's scope, the environment, the clock and the credential services. */
export interface CheckContext {
  /** What this check shares with the others of its run; a check of its own gets a fresh scope. */
  scope: CheckScope;
  env: NodeJS.ProcessEnv;
  now: () => Date;
  aws: { catalog: AwsProfileCatalog; timeouts: AwsCheckTimeouts; defaultRegion: string };
  gcp: { credentials: GcpCredentialsService; requestTimeoutMs?: number };
}

/** One step, before it runs. A step that throws is recorded through its kind's `describeError`. */
export interface CheckStepSpec {
  /** Stable per kind (the contract's step id): `oidc-provider`, `role:<name>`, `pool`, `platform`, ... */
  id: string;
  title: string;
  /** Verified by a real exchange (the live step, the platform's check) rather than by reading configuration. */
  live?: boolean;
  /** An earlier step's id: when that step found its subject missing, this one is skipped rather than run. */
  needs?: string;
  run(): Promise<StepOutcome>;
}

/** What a step that reaches the target found, and the session it opened (only when it passed). */
export interface Reached<Session> {
  outcome: StepOutcome;
  session?: Session;
}

/** The first step towards the target: opens a session from the association's credentials. */
export interface OpenStep<Session> {
  id: string;
  title: string;
  open(): Promise<Reached<Session>>;
}

/** A further step towards the target (an AssumeRole into a member account): opens a session from the previous one. */
export interface ThroughStep<Session> {
  id: string;
  title: string;
  open(from: Session): Promise<Reached<Session>>;
}

/**
 * A read's outcome as a step: `evaluate` on the value, the kind's `describeError` on a failure, and a
 * note when another check of the run read it.
 */
export type JudgeRead = <T>(read: SharedRead<T>, evaluate: (value: T) => StepOutcome) => StepOutcome;

/** One target's check, as its kind lays it out; the pipeline runs it. */
export interface CheckPlan<Session> {
  /** The steps that reach the target, in order: a step that opens no session ends the check's static part. */
  reach: readonly [OpenStep<Session>, ...ThroughStep<Session>[]];
  /** The detail of the one skipped `static` step when the target was not reached. */
  unreached: string;
  /** Whose documents the steps read (`account 123456789012`), for the note on a read shared in a run. */
  readsOf: string;
  /** The static steps, in order, once the target is reached. */
  steps(session: Session, judge: JudgeRead): readonly CheckStepSpec[];
  /** The live step: impersonate the canary with a token (run only with a token command, and only if every step passed). */
  live: TokenLiveStep<Session> | OwnLiveStep<Session>;
}

/** A platform kind's live step: the environment's token command gives the identity token. */
export interface TokenLiveStep<Session> {
  title: string;
  /** The platform environment (`enforce.dev`) whose issuer signs the token, as the target names it. */
  environment: string;
  impersonate(session: Session, tokenCommand: StoredTokenCommand): Promise<StepOutcome>;
}

/**
 * A kind that proves itself live without the platform's token (a role recipe assuming its role from
 * the vendor's profile), unless `unavailable` says why it cannot be tried.
 */
export interface OwnLiveStep<Session> {
  title: string;
  /** Who the live step acts as, for the verdict's headline (`VendorRole`). */
  subject: string;
  /** Undefined when the live step can be tried; else why the check stays static (the verdict says so). */
  unavailable: string | undefined;
  prove(session: Session): Promise<StepOutcome>;
}

/**
 * One kind of association, as the check pipeline (check-pipeline.ts) sees it: what to call it, how to
 * describe its errors, and its plan (how to open a session, its ordered steps, its live step). The
 * pipeline does the rest for every kind alike: recording and timing steps, skipping what cannot run,
 * the live and platform steps, and the verdict.
 */
export interface CheckKind<Target, Session = unknown> {
  /** The cloud the target is in (a role recipe's too: its role is in an AWS account). */
  readonly cloud: CheckCloud;
  /** The cloud as the verdict's headline and the success line name it. */
  readonly label: 'AWS' | 'GCP';
  /** What the target is (`AWS account`): reports and the platform step. */
  readonly noun: string;
  /** The platform API's name for the cloud, for its own `:check`. */
  readonly platformCloud: 'AMAZON' | 'GOOGLE';
  /** The account id, project id, ... the check is about. */
  targetId(target: Target): string;
  /** A step that threw, as an outcome: a sign-in, a refused live call (`live`), or an error with its code. */
  describeError(error: unknown, live: boolean): StepOutcome;
  plan(target: Target, context: CheckContext): CheckPlan<Session>;
}

/** The platform group an association is registered with, and the environment whose issuer and token command it uses. */
export interface CheckGroup {
  groupId: string;
  environment: string;
}

/**
 * One association kind's record in the one check registry (`CHECK_KINDS`, check-kinds.ts): its
 * pipeline record, how a stored association of the kind becomes its target, and the platform group
 * the target is registered with. A platform association has one (so its check ends with the
 * platform's own check and its live step uses the environment's token command); a role recipe has
 * none. `ChecksService` has one path for every kind: resolve the record, read the target, run it.
 *
 * To add a kind: write `checks/<kind>/check-<kind>.ts` exporting an `AssociationCheckKind` for the
 * contract's new association kind (or a platform association's new target kind), and list it in
 * `CHECK_KINDS`; the type of `CHECK_KINDS` and check-kinds.test.ts fail until every kind in the
 * contract has its record. A kind that needs a new credential service adds it to `CheckContext`.
 * Nothing in the pipeline or in `ChecksService` changes.
 */
export interface AssociationCheckKind<Target, Session = unknown> extends CheckKind<Target, Session> {
  /** A stored association's values as this kind's target; undefined when they do not make a complete one. */
  targetOf(values: AssociationValues): Target | undefined;
  /** The platform group the target is registered with; undefined for a kind that has none (a role recipe). */
  groupOf(target: Target): CheckGroup | undefined;
}
