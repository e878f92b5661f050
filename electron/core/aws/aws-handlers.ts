import type { awsMethods } from '../../../shared/contract/aws';
import type { EventBus } from '../event-bus';
import type { HandlersFor } from '../handler-types';
import type { Logger } from '../logger';
import type { HostPlatform } from '../platform';
import { AwsIdentityVerifier } from './aws-identity-verifier';
import { AwsMfaPrompts } from './aws-mfa-prompts';
import { AwsProfileCatalog } from './aws-profile-catalog';
import { AwsSsoSignIns } from './aws-sso-sign-in';
import type { AwsVerificationRepository } from './aws-verification-repository';
import { installCredentialProcessRunner } from './credential-process-runner';

export interface AwsServices {
  catalog: AwsProfileCatalog;
  verifier: AwsIdentityVerifier;
  mfa: AwsMfaPrompts;
  sso: AwsSsoSignIns;
  /** Stops watching the files and ends every prompt, batch and sign-in. */
  close(): void;
}

export function createAwsServices(options: {
  events: EventBus;
  logger: Logger;
  platform: HostPlatform;
  env?: NodeJS.ProcessEnv;
}): AwsServices {
  installCredentialProcessRunner();
  const { events, logger } = options;
  const catalog = new AwsProfileCatalog({
    events,
    logger,
    ...(options.env ? { env: options.env } : {}),
    // Only ever called after a reload, long after `verifier` exists.
    onChange: () => verifier.forget(),
  });
  const mfa = new AwsMfaPrompts(events);
  const verifier = new AwsIdentityVerifier({ catalog, events, mfa, logger });
  const sso = new AwsSsoSignIns({ catalog, events, logger, platform: options.platform });
  const services: AwsServices = {
    catalog,
    verifier,
    mfa,
    sso,
    close: () => {
      catalog.close();
      mfa.cancelAll();
      verifier.close();
      sso.cancelAll();
    },
  };
  return services;
}

export function awsHandlers(
  aws: AwsServices,
  verifications: AwsVerificationRepository,
): HandlersFor<typeof awsMethods> {
  return {
    listAwsProfiles: () => aws.catalog.list(),
    listAwsVerifications: () => verifications.list(),
    verifyAwsProfile: ({ profile, refresh }) => aws.verifier.verify(profile, { refresh, interactive: true }),
    verifyAwsProfiles: ({ batchId, profiles, concurrency, refresh }) =>
      aws.verifier.verifyMany(batchId, profiles, { refresh, ...(concurrency ? { concurrency } : {}) }),
    cancelAwsVerifyBatch: ({ batchId }) => ({ cancelled: aws.verifier.cancelBatch(batchId) }),
    answerAwsMfa: ({ requestId, code }) => ({ accepted: aws.mfa.answer(requestId, code) }),
    cancelAwsMfa: ({ requestId }) => ({ cancelled: aws.mfa.cancel(requestId) }),
    startAwsSsoSignIn: ({ profile }) => aws.sso.start(profile),
    cancelAwsSsoSignIn: ({ signInId }) => ({ cancelled: aws.sso.cancel(signInId) }),
    openAwsSsoVerificationPage: ({ signInId }) => aws.sso.openVerificationPage(signInId),
  };
}
