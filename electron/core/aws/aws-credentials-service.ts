import type { EventPayload, MethodOutput, ParsedInput } from '../../../shared/api';
import type { awsMethods } from '../../../shared/contract/aws';
import type { ServiceFor } from '../contract-service';
import type { EventBus } from '../event-bus';
import type { Logger } from '../logger';
import type { HostPlatform } from '../platform';
import type { Store } from '../store/database';
import { AwsIdentityVerifier } from './aws-identity-verifier';
import { AwsMfaPrompts } from './aws-mfa-prompts';
import { AwsProfileCatalog } from './aws-profile-catalog';
import { AwsSsoSignIns } from './aws-sso-sign-in';
import { AwsVerificationRepository } from './aws-verification-repository';
import { installCredentialProcessRunner } from './credential-process-runner';

/**
 * The AWS credentials domain: the profile catalog, verify (one or a batch), MFA prompts and SSO
 * sign-ins, and every verify result kept as the profile's last one. Serves `shared/contract/aws.ts`.
 */
export class AwsCredentialsService implements ServiceFor<typeof awsMethods> {
  readonly catalog: AwsProfileCatalog;
  readonly mfa: AwsMfaPrompts;
  readonly #verifier: AwsIdentityVerifier;
  readonly #sso: AwsSsoSignIns;
  readonly #verifications: AwsVerificationRepository;
  readonly #stopKeepingVerifications: () => void;

  constructor(options: {
    store: Store;
    events: EventBus;
    logger: Logger;
    platform: HostPlatform;
    env?: NodeJS.ProcessEnv;
    now?: () => Date;
  }) {
    installCredentialProcessRunner();
    const { events, logger } = options;
    this.catalog = new AwsProfileCatalog({
      events,
      logger,
      ...(options.env ? { env: options.env } : {}),
      // Only ever called after a reload, long after the verifier exists.
      onChange: () => this.#verifier.forget(),
    });
    this.mfa = new AwsMfaPrompts(events);
    this.#verifier = new AwsIdentityVerifier({ catalog: this.catalog, events, mfa: this.mfa, logger });
    this.#sso = new AwsSsoSignIns({ catalog: this.catalog, events, logger, platform: options.platform });
    // Every verify result, from any window or batch, is kept as the profile's last one.
    this.#verifications = new AwsVerificationRepository(options.store, options.now);
    this.#stopKeepingVerifications = events.subscribe((name, payload) => {
      if (name === 'awsProfileVerified') this.#verifications.record(payload as EventPayload<'awsProfileVerified'>);
    });
  }

  listAwsProfiles(): Promise<MethodOutput<'listAwsProfiles'>> {
    return this.catalog.list();
  }

  listAwsVerifications(): MethodOutput<'listAwsVerifications'> {
    return this.#verifications.list();
  }

  /** The operator asked from the Credentials page: an MFA code or SSO sign-in may be asked for. */
  verifyAwsProfile({ profile, refresh }: ParsedInput<'verifyAwsProfile'>): Promise<MethodOutput<'verifyAwsProfile'>> {
    return this.#verifier.verify(profile, { refresh, interactive: true });
  }

  verifyAwsProfiles(input: ParsedInput<'verifyAwsProfiles'>): Promise<MethodOutput<'verifyAwsProfiles'>> {
    const { batchId, profiles, concurrency, refresh } = input;
    return this.#verifier.verifyMany(batchId, profiles, { refresh, ...(concurrency ? { concurrency } : {}) });
  }

  cancelAwsVerifyBatch({ batchId }: ParsedInput<'cancelAwsVerifyBatch'>): MethodOutput<'cancelAwsVerifyBatch'> {
    return { cancelled: this.#verifier.cancelBatch(batchId) };
  }

  answerAwsMfa({ requestId, code }: ParsedInput<'answerAwsMfa'>): MethodOutput<'answerAwsMfa'> {
    return { accepted: this.mfa.answer(requestId, code) };
  }

  cancelAwsMfa({ requestId }: ParsedInput<'cancelAwsMfa'>): MethodOutput<'cancelAwsMfa'> {
    return { cancelled: this.mfa.cancel(requestId) };
  }

  startAwsSsoSignIn({ profile }: ParsedInput<'startAwsSsoSignIn'>): Promise<MethodOutput<'startAwsSsoSignIn'>> {
    return this.#sso.start(profile);
  }

  cancelAwsSsoSignIn({ signInId }: ParsedInput<'cancelAwsSsoSignIn'>): MethodOutput<'cancelAwsSsoSignIn'> {
    return { cancelled: this.#sso.cancel(signInId) };
  }

  openAwsSsoVerificationPage({
    signInId,
  }: ParsedInput<'openAwsSsoVerificationPage'>): Promise<MethodOutput<'openAwsSsoVerificationPage'>> {
    return this.#sso.openVerificationPage(signInId);
  }

  /** Stops watching the files and ends every prompt, batch and sign-in. */
  close(): void {
    this.#stopKeepingVerifications();
    this.catalog.close();
    this.mfa.cancelAll();
    this.#verifier.close();
    this.#sso.cancelAll();
  }
}
