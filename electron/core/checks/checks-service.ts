import { randomUUID } from 'node:crypto';
import type { ParsedInput } from '../../../shared/api';
import type { ServiceFor } from '../contract-service';
import type { Association } from '../../../shared/contract/associations';
import {
  checkErrorCodes,
  type checkMethods,
  type CheckResult,
  type SavedTokenCommand,
} from '../../../shared/contract/checks';
import { errorCodes } from '../../../shared/errors';
import { AssociationRepository } from '../associations/association-repository';
import type { AwsProfileCatalog } from '../aws/aws-profile-catalog';
import { CoreError } from '../core-error';
import type { EventBus } from '../event-bus';
import type { GcpCredentialsService } from '../gcp/gcp-credentials-service';
import type { Logger } from '../logger';
import { webPlatform, type HostPlatform } from '../platform';
import { confirmProgram, isConfirmed, type ConfirmationProof } from '../programs/program-confirmation';
import type { Store } from '../store/database';
import { platformCheckStep } from '../platform/platform-check-step';
import type { PlatformService } from '../platform/platform-service';
import { DEFAULT_AWS_CHECK_TIMEOUTS, type AwsCheckTimeouts } from './aws/aws-check-session';
import type { CheckContext } from './check-kind';
import { checkKindFor } from './check-kinds';
import { runCheckPipeline, type CheckFindings } from './check-pipeline';
import { CheckRepository } from './check-repository';
import { CheckScope, type PaceCalls } from './check-scope';
import { splitTokenCommand, tokenCommandProgram, type StoredTokenCommand } from './token-command';
import { testTokenCommand } from './token-command-test';

export interface ChecksServiceOptions {
  store: Store;
  events: EventBus;
  logger: Logger;
  env: NodeJS.ProcessEnv;
  awsCatalog: AwsProfileCatalog;
  gcp: GcpCredentialsService;
  /** Confirms a new token command; without one, none can be set (the CLI). */
  host?: HostPlatform;
  /** Asks the platform's own check too (when chainctl is there). */
  platform?: PlatformService;
  now?: () => Date;
  awsTimeouts?: Partial<AwsCheckTimeouts>;
  gcpRequestTimeoutMs?: number;
}

/** Checks that share one scope; see `ChecksService.openBatch`. */
export interface CheckBatch {
  run(associationId: string): Promise<CheckResult>;
  close(): void;
}

/** Runs the check pipeline (check-pipeline.ts) for generated associations, stores every result, and keeps the token commands. */
export class ChecksService implements ServiceFor<typeof checkMethods> {
  readonly #options: ChecksServiceOptions;
  readonly #checks: CheckRepository;
  readonly #associations: AssociationRepository;
  readonly #now: () => Date;
  readonly #running = new Map<string, Promise<CheckResult>>();

  constructor(options: ChecksServiceOptions) {
    this.#options = options;
    this.#checks = new CheckRepository(options.store);
    this.#associations = new AssociationRepository(options.store);
    this.#now = options.now ?? (() => new Date());
  }

  /** One check per association at a time: a second request joins the running one. A check of its own reads everything fresh. */
  runAssociationCheck({ associationId }: ParsedInput<'runAssociationCheck'>): Promise<CheckResult> {
    return this.#join(associationId, () => {
      const scope = new CheckScope();
      return this.#run(associationId, scope).finally(() => scope.close());
    });
  }

  /**
   * Checks run together (check all / check selected): each profile's session and each account's (or
   * project's) documents are read once for the batch and shared by its checks; every real API call
   * waits for `pace` (the run's per-account rate limit). Close it when the run ends.
   */
  openBatch(pace: PaceCalls): CheckBatch {
    const scope = new CheckScope({ pace });
    return {
      run: (associationId) => this.#join(associationId, () => this.#run(associationId, scope)),
      close: () => scope.close(),
    };
  }

  listAssociationChecks({ associationId, limit }: ParsedInput<'listAssociationChecks'>): CheckResult[] {
    return this.#checks.list(associationId, limit);
  }

  /** The generated associations of a group on one cloud (what `liaison check-aws <GROUP>` checks). */
  associationsOf(groupId: string, cloud: 'aws' | 'gcp'): Association[] {
    return this.#associations
      .list()
      .filter((a) => a.status === 'generated' && a.values.groupId === groupId && a.values.cloud === cloud);
  }

  listTokenCommands(): SavedTokenCommand[] {
    return this.#checks.tokenCommands().map(toSaved);
  }

  /**
   * Saves a token command once the operator has confirmed exactly this command line; re-saving the one
   * already confirmed (a new timeout) asks nothing. Nothing is saved when it is not confirmed.
   */
  async setTokenCommand({ launchToken, ...command }: ParsedInput<'setTokenCommand'>): Promise<SavedTokenCommand> {
    const proof: ConfirmationProof = { launchToken };
    if (!command.shell) splitTokenCommand(command.command);
    const program = tokenCommandProgram(command);
    const stored = this.#checks.tokenCommand(command.environment);
    const fingerprint =
      stored && isConfirmed(program.kind, program.program, stored.fingerprint)
        ? stored.fingerprint
        : await confirmProgram(this.#options.host ?? webPlatform, program, proof);
    const saved: StoredTokenCommand = { ...command, fingerprint };
    this.#checks.saveTokenCommand(saved);
    return toSaved(saved);
  }

  /** Settings' Test: the saved command run once, as a live check would run it. */
  testTokenCommand({ environment }: ParsedInput<'testTokenCommand'>) {
    return testTokenCommand(this.#checks.tokenCommand(environment), environment, this.#options.env);
  }

  removeTokenCommand({ environment }: ParsedInput<'removeTokenCommand'>): { removed: boolean } {
    return { removed: this.#checks.removeTokenCommand(environment) };
  }

  #join(associationId: string, start: () => Promise<CheckResult>): Promise<CheckResult> {
    const running = this.#running.get(associationId);
    if (running) return running;
    const check = start().finally(() => this.#running.delete(associationId));
    this.#running.set(associationId, check);
    return check;
  }

  #context(scope: CheckScope): CheckContext {
    const options = this.#options;
    return {
      scope,
      env: options.env,
      now: this.#now,
      aws: {
        catalog: options.awsCatalog,
        timeouts: { ...DEFAULT_AWS_CHECK_TIMEOUTS, ...options.awsTimeouts },
        defaultRegion: options.env.AWS_REGION ?? 'us-east-1',
      },
      gcp: {
        credentials: options.gcp,
        ...(options.gcpRequestTimeoutMs ? { requestTimeoutMs: options.gcpRequestTimeoutMs } : {}),
      },
    };
  }

  async #run(associationId: string, scope: CheckScope): Promise<CheckResult> {
    const association = this.#associations.find(associationId);
    if (!association) {
      throw new CoreError({
        code: errorCodes.notFound,
        field: 'associationId',
        message: 'The association does not exist',
        remediation: 'Refresh the list; it may have been deleted.',
      });
    }
    // One path for every kind: its record reads the target, runs it, and says whether a platform group is involved.
    const kind = association.status === 'generated' ? checkKindFor(association.values) : undefined;
    const target = kind?.targetOf(association.values);
    if (kind === undefined || target === undefined) throw notCheckable();
    const group = kind.groupOf(target);
    const startedAt = this.#now();
    const clock = performance.now();
    const platform =
      group &&
      platformCheckStep(this.#options.platform, {
        ...group,
        cloud: kind.cloud,
        id: kind.targetId(target),
        noun: kind.noun,
        platformCloud: kind.platformCloud,
      });
    const findings = await runCheckPipeline(kind, target, {
      context: this.#context(scope),
      tokenCommand: group && this.#checks.tokenCommand(group.environment),
      finally: platform ? [platform] : [],
    });
    return this.#record(
      { associationId, cloud: kind.cloud, groupId: group?.groupId ?? '', target: kind.targetId(target) },
      findings,
      startedAt,
      clock,
    );
  }

  #record(
    about: Pick<CheckResult, 'associationId' | 'cloud' | 'groupId' | 'target'>,
    findings: CheckFindings,
    startedAt: Date,
    clock: number,
  ): CheckResult {
    const associationId = about.associationId;
    const finishedAt = this.#now();
    const result: CheckResult = {
      id: randomUUID(),
      ...about,
      ...findings,
      startedAt: startedAt.toISOString(),
      finishedAt: finishedAt.toISOString(),
      durationMs: Math.max(0, Math.round(performance.now() - clock)),
    };
    this.#checks.insert(result);
    this.#options.logger.info(
      { associationId, cloud: result.cloud, verdict: result.verdict, durationMs: result.durationMs },
      'association check finished',
    );
    this.#options.events.emit('associationCheckChanged', {
      associationId,
      checkId: result.id,
      verdict: result.verdict,
    });
    return result;
  }
}

function notCheckable(): CoreError {
  return new CoreError({
    code: checkErrorCodes.notCheckable,
    field: 'associationId',
    message: 'Only a complete, generated association can be checked',
    remediation: 'Finish the wizard and save the association, then apply it.',
  });
}

function toSaved({ fingerprint, ...command }: StoredTokenCommand): SavedTokenCommand {
  return { ...command, confirmed: isConfirmed(tokenCommandProgram(command).kind, command.command, fingerprint) };
}
