import { z } from 'zod';
import { awsMfaCodeSchema, awsProfileNameSchema } from '../aws-validation';
import { apiErrorSchema } from '../errors';

/** How the SDK would resolve a profile's credentials, in the order `fromIni` tries them. */
export const awsProfileKinds = [
  'role',
  'static',
  'web-identity',
  'process',
  'sso',
  'sso-legacy',
  'login',
  'none',
] as const;
export const awsProfileKindSchema = z.enum(awsProfileKinds);
export type AwsProfileKind = z.infer<typeof awsProfileKindSchema>;

/** A problem with one profile: it never fails the list. */
export const awsProfileWarningSchema = z.object({
  code: z.string(),
  message: z.string(),
  remediation: z.string().optional(),
});
export type AwsProfileWarning = z.infer<typeof awsProfileWarningSchema>;

/**
 * What Liaison knows about a profile without resolving it: no credential, no process, no network.
 * Deliberately declares no key, secret or token field, so none can cross the boundary.
 */
export const awsProfileSchema = z.object({
  name: z.string(),
  kind: awsProfileKindSchema,
  /** Where its sections are: `config`, `credentials` or both. */
  files: z.array(z.enum(['config', 'credentials'])),
  /** The profile the SDK uses when none is named (AWS_PROFILE, else `default`). */
  isActive: z.boolean(),
  region: z.string().optional(),
  /** Known without a call: from `sso_account_id`, the account in `role_arn`, or `aws_account_id`. */
  accountId: z.string().optional(),
  accountIdSource: z.enum(['sso_account_id', 'role_arn', 'aws_account_id']).optional(),
  roleArn: z.string().optional(),
  ssoRoleName: z.string().optional(),
  /** The profiles credentials come through, nearest first (`source_profile` hops), ending at the leaf. */
  sourceChain: z.array(z.string()),
  /** `Environment`, `Ec2InstanceMetadata` or `EcsContainer` when the chain ends in `credential_source`. */
  credentialSource: z.string().optional(),
  /** The kind of the chain's last hop (what supplies the first credentials); `none` when the chain is broken. */
  leafKind: z.enum([...awsProfileKinds, 'credential-source']),
  /** The `sso_session` the profile (or its chain's leaf) belongs to. */
  ssoSession: z.string().optional(),
  ssoStartUrl: z.string().optional(),
  ssoRegion: z.string().optional(),
  /** An MFA code is needed somewhere in the chain. */
  mfaSerial: z.string().optional(),
  endpointUrl: z.string().optional(),
  warnings: z.array(awsProfileWarningSchema),
});
export type AwsProfile = z.infer<typeof awsProfileSchema>;

export const awsSsoSessionSchema = z.object({
  name: z.string(),
  startUrl: z.string().optional(),
  region: z.string().optional(),
  profileCount: z.number().int(),
});
export type AwsSsoSession = z.infer<typeof awsSsoSessionSchema>;

export const awsConfigFileSchema = z.object({ path: z.string(), exists: z.boolean() });

export const awsProfileListSchema = z.object({
  configFile: awsConfigFileSchema,
  credentialsFile: awsConfigFileSchema,
  activeProfile: z.string(),
  profiles: z.array(awsProfileSchema),
  ssoSessions: z.array(awsSsoSessionSchema),
  /** Problems with a whole file (e.g. a section the SDK ignores); per-profile ones are on the profile. */
  warnings: z.array(awsProfileWarningSchema),
  loadedAt: z.iso.datetime(),
});
export type AwsProfileList = z.infer<typeof awsProfileListSchema>;

/** Who a profile really is, from STS GetCallerIdentity. Never the credentials themselves. */
export const awsIdentitySchema = z.object({
  account: z.string(),
  arn: z.string(),
  userId: z.string(),
  verifiedAt: z.iso.datetime(),
  /** When the credentials behind it expire; the identity is cached until then. */
  expiresAt: z.iso.datetime().optional(),
});
export type AwsIdentity = z.infer<typeof awsIdentitySchema>;

export const awsVerificationSchema = z.discriminatedUnion('ok', [
  z.object({ profile: z.string(), ok: z.literal(true), identity: awsIdentitySchema, cached: z.boolean() }),
  z.object({ profile: z.string(), ok: z.literal(false), error: apiErrorSchema }),
]);
export type AwsVerification = z.infer<typeof awsVerificationSchema>;

export const awsSsoSignInSchema = z.object({
  signInId: z.string(),
  profile: z.string(),
  ssoSession: z.string().optional(),
  startUrl: z.string(),
  userCode: z.string(),
  verificationUri: z.string(),
  verificationUriComplete: z.string().optional(),
  expiresAt: z.iso.datetime(),
});
export type AwsSsoSignIn = z.infer<typeof awsSsoSignInSchema>;

/** The error codes AWS calls produce, beyond the generic ones in shared/errors.ts; the UI branches on them (e.g. offers Sign in). */
export const awsErrorCodes = {
  profileNotFound: 'AWS_PROFILE_NOT_FOUND',
  profileInvalid: 'AWS_PROFILE_INVALID',
  noCredentials: 'AWS_NO_CREDENTIALS',
  mfaRequired: 'AWS_MFA_REQUIRED',
  mfaCancelled: 'AWS_MFA_CANCELLED',
  mfaTimedOut: 'AWS_MFA_TIMED_OUT',
  ssoSignInRequired: 'AWS_SSO_SIGN_IN_REQUIRED',
  ssoSignInFailed: 'AWS_SSO_SIGN_IN_FAILED',
  notSso: 'AWS_NOT_SSO',
  credentialProcessFailed: 'AWS_CREDENTIAL_PROCESS_FAILED',
  webIdentityFailed: 'AWS_WEB_IDENTITY_FAILED',
  accessDenied: 'AWS_ACCESS_DENIED',
  expiredCredentials: 'AWS_EXPIRED_CREDENTIALS',
  invalidCredentials: 'AWS_INVALID_CREDENTIALS',
  throttled: 'AWS_THROTTLED',
  network: 'AWS_NETWORK',
  timeout: 'AWS_TIMEOUT',
  serviceError: 'AWS_SERVICE_ERROR',
  credentialsUnresolved: 'AWS_CREDENTIALS_UNRESOLVED',
  cancelled: 'AWS_CANCELLED',
} as const;

const requestIdSchema = z.string().min(1).max(100);

export const AWS_VERIFY_MAX_CONCURRENCY = 16;

export const awsMethods = {
  /** Reads and classifies every profile in the shared config and credentials files. Lazy: resolves nothing. */
  listAwsProfiles: { input: z.object({}), output: awsProfileListSchema },
  /**
   * Resolves one profile's credentials and asks STS who they are. May ask the UI for an MFA code
   * (`awsMfaRequested`). Cached until the credentials expire unless `refresh`.
   */
  verifyAwsProfile: {
    input: z.object({ profile: awsProfileNameSchema, refresh: z.boolean().optional().default(false) }),
    output: awsVerificationSchema,
  },
  /** The last verify result of every profile, kept across restarts (identity or error, never credentials). */
  listAwsVerifications: {
    input: z.object({}),
    output: z.array(z.object({ result: awsVerificationSchema, recordedAt: z.iso.datetime() })),
  },
  /** Verifies many profiles with bounded concurrency, reporting `awsVerifyProgress`; never prompts. */
  verifyAwsProfiles: {
    input: z.object({
      batchId: requestIdSchema,
      profiles: z.array(awsProfileNameSchema).min(1, 'Select at least one profile').max(10_000),
      concurrency: z.number().int().min(1).max(AWS_VERIFY_MAX_CONCURRENCY).optional(),
      refresh: z.boolean().optional().default(false),
    }),
    output: z.object({ results: z.array(awsVerificationSchema), cancelled: z.boolean() }),
  },
  cancelAwsVerifyBatch: { input: z.object({ batchId: requestIdSchema }), output: z.object({ cancelled: z.boolean() }) },
  /** The answer to an `awsMfaRequested` prompt; the pending verify continues with it. */
  answerAwsMfa: {
    input: z.object({ requestId: requestIdSchema, code: awsMfaCodeSchema }),
    output: z.object({ accepted: z.boolean() }),
  },
  /** Ends the pending verify cleanly with an `AWS_MFA_CANCELLED` error. */
  cancelAwsMfa: { input: z.object({ requestId: requestIdSchema }), output: z.object({ cancelled: z.boolean() }) },
  /**
   * Starts the SSO OIDC device authorization for the profile's session: returns the code to show;
   * completion is reported by `awsSsoSignInSettled`, after the token cache is written as `aws sso login` does.
   */
  startAwsSsoSignIn: { input: z.object({ profile: awsProfileNameSchema }), output: awsSsoSignInSchema },
  cancelAwsSsoSignIn: { input: z.object({ signInId: requestIdSchema }), output: z.object({ cancelled: z.boolean() }) },
  /** Opens the verification page the SSO service gave for this sign-in (never a URL from the renderer). */
  /** Opens the page only on an AWS sign-in host (or the configured endpoint's); otherwise `show`s it. */
  openAwsSsoVerificationPage: {
    input: z.object({ signInId: requestIdSchema }),
    output: z.discriminatedUnion('action', [
      z.object({ action: z.literal('opened') }),
      z.object({ action: z.literal('navigate'), url: z.string() }),
      z.object({ action: z.literal('show'), url: z.string(), reason: z.string() }),
    ]),
  },
};

export const awsEvents = {
  /** The shared config or credentials file changed on disk; the list is stale. */
  awsProfilesChanged: z.object({ loadedAt: z.iso.datetime() }),
  awsProfileVerified: awsVerificationSchema,
  awsVerifyProgress: z.object({
    batchId: z.string(),
    done: z.number().int(),
    failed: z.number().int(),
    total: z.number().int(),
  }),
  awsMfaRequested: z.object({
    requestId: z.string(),
    profile: z.string(),
    mfaSerial: z.string(),
    expiresAt: z.iso.datetime(),
  }),
  /** The prompt was answered, cancelled or timed out: every window closes it. */
  awsMfaSettled: z.object({ requestId: z.string() }),
  awsSsoSignInStarted: awsSsoSignInSchema,
  awsSsoSignInSettled: z.object({
    signInId: z.string(),
    profile: z.string(),
    status: z.enum(['completed', 'failed', 'expired', 'cancelled']),
    error: apiErrorSchema.optional(),
  }),
};
