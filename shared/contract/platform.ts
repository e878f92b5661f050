import { z } from 'zod';
import { consoleApiUrlSchema } from '../platform/console-api-url-rule';
import { environmentSchema } from '../terraform/platform-environment';
import { groupDescriptionSchema, groupNameSchema, uidpSchema } from '../validation';
import { associationIdSchema } from './associations';

/*
 * The platform connection: the operator's own chainctl sign-in, used to read groups, register
 * associations and ask the platform's own check. The token itself never crosses this contract.
 */

export const platformErrorCodes = {
  chainctlMissing: 'PLATFORM_CHAINCTL_MISSING',
  signedOut: 'PLATFORM_SIGNED_OUT',
  chainctlFailed: 'PLATFORM_CHAINCTL_FAILED',
  chainctlTimeout: 'PLATFORM_CHAINCTL_TIMEOUT',
  unauthenticated: 'PLATFORM_UNAUTHENTICATED',
  forbidden: 'PLATFORM_FORBIDDEN',
  notFound: 'PLATFORM_NOT_FOUND',
  conflict: 'PLATFORM_CONFLICT',
  unavailable: 'PLATFORM_UNAVAILABLE',
  unreachable: 'PLATFORM_UNREACHABLE',
  badResponse: 'PLATFORM_BAD_RESPONSE',
  badRequest: 'PLATFORM_BAD_REQUEST',
  replaceNotConfirmed: 'PLATFORM_REPLACE_NOT_CONFIRMED',
} as const;

/** Errors that mean "sign in again" rather than "something is broken". */
export const PLATFORM_SIGN_IN_CODES: readonly string[] = [
  platformErrorCodes.signedOut,
  platformErrorCodes.unauthenticated,
];

export const platformConnectionSchema = z.object({
  environment: z.string(),
  apiUrl: z.string(),
  /** Where the API URL came from: derived from the environment, saved in Settings, or CHAINGUARD_CONSOLE_API. */
  apiUrlSource: z.enum(['derived', 'saved', 'env']),
  state: z.enum(['signed-in', 'signed-out', 'chainctl-missing', 'chainctl-failed']),
  /** Whose token it is (from its claims; the token itself never leaves the main process). */
  identity: z
    .object({ subject: z.string(), email: z.string().optional(), expiresAt: z.string().optional() })
    .optional(),
  /** The exact sign-in command, as an argument list (first element: the program). */
  loginCommand: z.array(z.string()),
  message: z.string(),
  remediation: z.string().optional(),
});
export type PlatformConnection = z.infer<typeof platformConnectionSchema>;

/** One environment in Settings → Platform: the URL it would derive, the one saved, and the one used. */
export const platformEnvironmentSettingSchema = z.object({
  environment: z.string(),
  derivedApiUrl: z.string(),
  /** Saved in Settings; absent when the environment uses the derived URL. */
  savedApiUrl: z.string().optional(),
  /** What every platform call for this environment uses (CHAINGUARD_CONSOLE_API wins when set). */
  apiUrl: z.string(),
  apiUrlSource: z.enum(['derived', 'saved', 'env']),
});
export type PlatformEnvironmentSetting = z.infer<typeof platformEnvironmentSettingSchema>;

export const platformSettingsSchema = z.object({
  /** The environment the wizard proposes and the Groups page and sign-in use. */
  current: z.string(),
  /** The current environment first, then every other saved one. */
  environments: z.array(platformEnvironmentSettingSchema),
  /** CHAINGUARD_CONSOLE_API, when it is set and overrides every environment's URL. */
  envOverride: z.string().optional(),
});
export type PlatformSettings = z.infer<typeof platformSettingsSchema>;

export const platformGroupSchema = z.object({ id: uidpSchema, name: z.string(), description: z.string() });
export type PlatformGroup = z.infer<typeof platformGroupSchema>;

const recordHalfSchema = z.object({
  amazon: z.object({ account: z.string() }).optional(),
  google: z.object({ projectId: z.string(), projectNumber: z.string().optional() }).optional(),
});

/** Which account and project a group's platform record holds (the one-per-group rule's other half). */
export const platformHoldingSchema = z.object({
  group: z.string(),
  aws: z.string().optional(),
  gcp: z.string().optional(),
});
export type PlatformHolding = z.infer<typeof platformHoldingSchema>;

export const registrationPlanSchema = z.object({
  associationId: z.string(),
  group: uidpSchema,
  cloud: z.enum(['aws', 'gcp']),
  kind: z.enum(['create', 'add', 'unchanged', 'replace']),
  /** The platform's record before and after (only the cloud halves; other fields are kept as they are). */
  before: recordHalfSchema.optional(),
  after: recordHalfSchema,
  /** For `replace`: the account or project the platform holds now. */
  replaces: z.string().optional(),
});
export type RegistrationPlanView = z.infer<typeof registrationPlanSchema>;

export const platformCheckSchema = z.object({
  ready: z.enum(['Ready', 'NotReady', 'UNKNOWN']),
  reason: z.string(),
  message: z.string(),
});

export const platformMethods = {
  /** Settings → Platform: the current environment and each saved environment's API URL. */
  getPlatformSettings: {
    input: z.object({}),
    output: platformSettingsSchema,
  },
  /** Saves the environment's API URL (absent: the derived one) and makes it the current environment. */
  savePlatformSettings: {
    input: z.object({ environment: environmentSchema, apiUrl: consoleApiUrlSchema.optional() }),
    output: platformSettingsSchema,
  },
  /** Who is signed in for the environment (runs `chainctl auth token`; never returns the token). */
  getPlatformConnection: {
    input: z.object({ environment: environmentSchema }),
    output: platformConnectionSchema,
  },
  /** Runs `chainctl auth login` (argument list, no shell); chainctl opens the browser. */
  signInToPlatform: {
    input: z.object({ environment: environmentSchema }),
    output: platformConnectionSchema,
  },
  listPlatformGroups: {
    input: z.object({ environment: environmentSchema }),
    output: z.array(platformGroupSchema),
  },
  /** Every association record the operator can see: which AWS account and GCP project each group holds. */
  listPlatformAssociations: {
    input: z.object({ environment: environmentSchema }),
    output: z.array(platformHoldingSchema),
  },
  createPlatformFolder: {
    input: z.object({
      environment: environmentSchema,
      parentId: uidpSchema,
      name: groupNameSchema,
      description: groupDescriptionSchema.optional().default(''),
    }),
    output: platformGroupSchema,
  },
  /** Reads the group's record and says what registering this association would change. */
  planPlatformRegistration: {
    input: z.object({ associationId: associationIdSchema }),
    output: registrationPlanSchema,
  },
  /** Writes the record; replacing another account or project needs `confirmReplace`. */
  registerPlatformAssociation: {
    input: z.object({ associationId: associationIdSchema, confirmReplace: z.string().optional() }),
    output: z.object({ plan: registrationPlanSchema, check: platformCheckSchema.optional() }),
  },
  /** Takes this association's cloud out of the group's record, keeping the other cloud's half. */
  unsetPlatformAssociation: {
    input: z.object({ associationId: associationIdSchema }),
    output: z.object({ outcome: z.enum(['deleted', 'updated', 'nothing']), detail: z.string() }),
  },
};

export const platformEvents = {};
