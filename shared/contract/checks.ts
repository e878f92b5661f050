import { z } from 'zod';
import { isoTimestampSchema } from '../model';
import { environmentSchema } from '../terraform/platform-environment';
import { associationIdSchema } from './associations';
import { launchTokenSchema } from './program-confirmation';
import { platformStandingSchema } from '../platform/platform-standing';

/*
 * Checks: proof that an association works. Static steps read the cloud's IAM configuration and
 * evaluate it; the live step (only with a token command) impersonates the canary for real.
 */

export const checkVerdicts = ['success', 'configured', 'failing', 'needs-sign-in', 'error'] as const;
export const checkVerdictSchema = z.enum(checkVerdicts);
export type CheckVerdict = z.infer<typeof checkVerdictSchema>;

/** What the UI and the CLI call each verdict. */
export const CHECK_VERDICT_LABELS: Readonly<Record<CheckVerdict, string>> = {
  success: 'Success',
  configured: 'Configured',
  failing: 'Failing',
  'needs-sign-in': 'Needs sign-in',
  error: 'Error',
};

/** What each verdict means, where the UI first shows it (the dashboard's counts). */
export const CHECK_VERDICT_EXPLANATIONS: Readonly<Record<CheckVerdict, string>> = {
  success: 'Every static check passed, and the canary was impersonated live with a token from the issuer.',
  configured:
    'Every static check passed (OIDC provider or pool, roles, trust, permissions), but impersonation was not tried live: set a token command in Settings → Checks to prove it.',
  failing: 'A check found something missing or wrong; each row names the step and how to fix it.',
  'needs-sign-in': 'The credentials need a sign-in (SSO or an MFA code) before the account or project can be read.',
  error: 'The check could not finish: the network, a permission to read, or a service error.',
};

export const checkStepStatusSchema = z.enum(['passed', 'warning', 'failed', 'needs-sign-in', 'error', 'skipped']);
export type CheckStepStatus = z.infer<typeof checkStepStatusSchema>;

export const checkStepSchema = z.object({
  /** Stable per kind: `credentials`, `oidc-provider`, `role:<name>`, `policies:<name>`, `pool`, `live`, ... */
  id: z.string(),
  title: z.string(),
  status: checkStepStatusSchema,
  detail: z.string(),
  remediation: z.string().optional(),
  /** Verified by impersonating for real (the live step), not by reading configuration. */
  live: z.boolean(),
  /** The Platform step's typed outcome (the dashboard's Platform column), set by that step only. */
  platform: platformStandingSchema.optional(),
  startedAt: isoTimestampSchema,
  durationMs: z.number().int().nonnegative(),
});
export type CheckStep = z.infer<typeof checkStepSchema>;

/** The cloud API's (or the platform's) failure behind an `error` step or the Error verdict. */
export const checkErrorSchema = z.object({ code: z.string(), message: z.string() });
export type CheckError = z.infer<typeof checkErrorSchema>;

export const checkResultSchema = z.object({
  id: z.uuid(),
  associationId: associationIdSchema,
  cloud: z.enum(['aws', 'gcp']),
  groupId: z.string(),
  /** The AWS account id or the GCP project id. */
  target: z.string(),
  verdict: checkVerdictSchema,
  /** One sentence for the verdict, exactly as the UI and the CLI show it. */
  headline: z.string(),
  /** The seed-style line, only for a live success: `2022/09/01 11:26:47 AWS role impersonation was successful!` */
  successLine: z.string().optional(),
  /** The cloud API's failure, for the Error verdict. */
  error: checkErrorSchema.optional(),
  steps: z.array(checkStepSchema),
  startedAt: isoTimestampSchema,
  finishedAt: isoTimestampSchema,
  durationMs: z.number().int().nonnegative(),
});
export type CheckResult = z.infer<typeof checkResultSchema>;

export const TOKEN_COMMAND_DEFAULT_TIMEOUT_SECONDS = 30;

/** Prints an OIDC identity token from the issuer for the audience it is given (`{audience}` or $LIAISON_TOKEN_AUDIENCE). */
export const tokenCommandSchema = z.object({
  environment: environmentSchema,
  command: z.string().trim().min(1, 'Enter the command that prints a token').max(2000, 'Too long'),
  timeoutSeconds: z.number().int().min(1).max(600).default(TOKEN_COMMAND_DEFAULT_TIMEOUT_SECONDS),
  /** Through the system shell (pipes, variables) only when the operator asks; else split into arguments. */
  shell: z.boolean().default(false),
});
export type TokenCommand = z.infer<typeof tokenCommandSchema>;

/** A saved token command; `confirmed` is false for one saved before confirmation existed: it does not run. */
export const savedTokenCommandSchema = tokenCommandSchema.extend({ confirmed: z.boolean() });
export type SavedTokenCommand = z.infer<typeof savedTokenCommandSchema>;

export const checkErrorCodes = {
  notCheckable: 'CHECK_NOT_CHECKABLE',
  tokenCommandFailed: 'CHECK_TOKEN_COMMAND_FAILED',
} as const;

export const checkMethods = {
  /** Runs every step for one generated association, stores the result and returns it. Never prompts. */
  runAssociationCheck: { input: z.object({ associationId: associationIdSchema }), output: checkResultSchema },
  /** Stored results, newest first. */
  listAssociationChecks: {
    input: z.object({ associationId: associationIdSchema, limit: z.number().int().min(1).max(500).default(20) }),
    output: z.array(checkResultSchema),
  },
  listTokenCommands: { input: z.object({}), output: z.array(savedTokenCommandSchema) },
  /** Takes effect only once confirmed: a native dialog in Electron, `launchToken` in the web host. */
  setTokenCommand: {
    input: tokenCommandSchema.extend({ launchToken: launchTokenSchema }),
    output: savedTokenCommandSchema,
  },
  removeTokenCommand: {
    input: z.object({ environment: environmentSchema }),
    output: z.object({ removed: z.boolean() }),
  },
  /** Runs the saved, confirmed command once for the AWS audience and says whose token it printed (never the token). */
  testTokenCommand: {
    input: z.object({ environment: environmentSchema }),
    output: z.object({
      audience: z.string(),
      issuer: z.string().optional(),
      subject: z.string().optional(),
      tokenAudience: z.array(z.string()),
      /** The token's issuer is https://issuer.<environment>, which the cloud side trusts. */
      issuerMatches: z.boolean(),
    }),
  },
};

export const checkEvents = {
  associationCheckChanged: z.object({ associationId: z.string(), checkId: z.string(), verdict: checkVerdictSchema }),
};
