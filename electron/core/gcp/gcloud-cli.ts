import { execFile } from 'node:child_process';
import { constants } from 'node:fs';
import { access } from 'node:fs/promises';
import { delimiter, join } from 'node:path';
import { z } from 'zod';
import { gcpErrorCodes } from '../../../shared/contract/gcp';
import { CoreError } from '../core-error';
import { loginCommand } from './google-error';

const GCLOUD_TIMEOUT_MS = 60_000;

/** The gcloud executable on PATH, found without running it; undefined when it is not installed. */
export async function findGcloud(
  env: NodeJS.ProcessEnv,
  platform: NodeJS.Platform = process.platform,
): Promise<string | undefined> {
  const names = platform === 'win32' ? ['gcloud.cmd', 'gcloud.exe'] : ['gcloud'];
  for (const dir of (env.PATH ?? '').split(delimiter).filter(Boolean)) {
    for (const name of names) {
      const candidate = join(dir, name);
      const executable = await access(candidate, platform === 'win32' ? constants.F_OK : constants.X_OK).then(
        () => true,
        () => false,
      );
      if (executable) return candidate;
    }
  }
  return undefined;
}

/** The part of `gcloud config config-helper --format json` Liaison uses. */
const configHelperSchema = z.object({
  configuration: z.object({
    active_configuration: z.string().optional(),
    properties: z.record(z.string(), z.record(z.string(), z.unknown())).optional(),
  }),
  credential: z.object({
    access_token: z.string().min(1),
    token_expiry: z.string().nullish(),
  }),
});

export interface ConfigHelperResult {
  /** Secret: stays in the main process, used for the calls that follow and then dropped. */
  accessToken: string;
  expiresAt: Date | undefined;
  account: string | undefined;
  project: string | undefined;
  impersonateServiceAccount: string | undefined;
  quotaProject: string | undefined;
}

/**
 * gcloud's documented integration point for other tools: a token (and the effective properties)
 * for one named configuration, refreshed by gcloud itself, so whatever gcloud supports works here.
 */
export async function runConfigHelper(options: {
  gcloud: string;
  configDir: string;
  configuration: string;
  account: string | undefined;
  env: NodeJS.ProcessEnv;
  forceRefresh: boolean;
}): Promise<ConfigHelperResult> {
  const args = ['config', 'config-helper', '--configuration', options.configuration, '--format', 'json'];
  if (options.forceRefresh) args.push('--force-auth-refresh');
  const env = { ...options.env, CLOUDSDK_CONFIG: options.configDir, CLOUDSDK_CORE_DISABLE_PROMPTS: '1' };
  const { stdout, stderr, failure } = await new Promise<{ stdout: string; stderr: string; failure?: Error }>(
    (resolve) => {
      execFile(
        options.gcloud,
        args,
        { env, timeout: GCLOUD_TIMEOUT_MS, maxBuffer: 4 * 1024 * 1024, windowsHide: true },
        (error, out, err) =>
          resolve({ stdout: String(out), stderr: String(err), ...(error ? { failure: error } : {}) }),
      );
    },
  );
  const context = {
    credential: { kind: 'configuration' as const, name: options.configuration },
    account: options.account,
  };
  if (failure) throw configHelperFailure(failure, stderr, context);
  let parsed: z.infer<typeof configHelperSchema>;
  try {
    parsed = configHelperSchema.parse(JSON.parse(stdout));
  } catch {
    throw new CoreError({
      code: gcpErrorCodes.gcloudFailed,
      message: `gcloud config config-helper returned output Liaison does not understand for configuration ${options.configuration}.`,
      remediation: 'Update the Google Cloud CLI (`gcloud components update`) and try again.',
    });
  }
  const properties = parsed.configuration.properties ?? {};
  const property = (section: string, key: string): string | undefined => {
    const value = properties[section]?.[key];
    return typeof value === 'string' && value !== '' ? value : undefined;
  };
  const expiry = parsed.credential.token_expiry ? new Date(parsed.credential.token_expiry) : undefined;
  return {
    accessToken: parsed.credential.access_token,
    expiresAt: expiry && !Number.isNaN(expiry.getTime()) ? expiry : undefined,
    account: property('core', 'account'),
    project: property('core', 'project'),
    impersonateServiceAccount: property('auth', 'impersonate_service_account'),
    quotaProject: property('billing', 'quota_project'),
  };
}

function configHelperFailure(
  failure: Error,
  stderr: string,
  context: { credential: { kind: 'configuration'; name: string }; account: string | undefined },
): CoreError {
  const name = context.credential.name;
  if ('killed' in failure && failure.killed) {
    return new CoreError({
      code: gcpErrorCodes.gcloudFailed,
      message: `gcloud did not answer within ${GCLOUD_TIMEOUT_MS / 1000} seconds for configuration ${name}.`,
      remediation: `Run \`gcloud config config-helper --configuration ${name}\` in a terminal to see what it waits for.`,
    });
  }
  // gcloud prints "ERROR: (gcloud.config.config-helper) <what went wrong>" and advice after it.
  const line = /ERROR: \([^)]*\) (.*)/.exec(stderr)?.[1]?.trim() ?? failure.message;
  const detail = redactTokens(line).slice(0, 400);
  if (/invalid_grant|invalid_rapt|[Rr]eauthentication|expired or (been )?revoked/.test(stderr)) {
    return new CoreError({
      code: gcpErrorCodes.reauthRequired,
      message: `The sign-in for ${context.account ?? `configuration ${name}`} has expired or was revoked.`,
      remediation: loginCommand(context),
    });
  }
  if (/do not currently have an active account/.test(stderr)) {
    return new CoreError({
      code: gcpErrorCodes.noCredentials,
      message: `Configuration ${name} has no account signed in.`,
      remediation: `Run \`gcloud auth login\` or \`gcloud config set account ACCOUNT --configuration ${name}\`.`,
    });
  }
  const permission = /Permission '([^']+)'|permission ([a-z]+\.[a-zA-Z.]+)/.exec(stderr);
  if (/PERMISSION_DENIED|[Ff]ailed to impersonate/.test(stderr)) {
    const missing = permission?.[1] ?? permission?.[2];
    return new CoreError({
      code: gcpErrorCodes.permissionDenied,
      message: missing
        ? `gcloud could not use configuration ${name}: ${context.account ?? 'its account'} lacks ${missing}.`
        : `gcloud could not use configuration ${name}: ${detail}`,
      remediation:
        missing === 'iam.serviceAccounts.getAccessToken'
          ? `Grant ${context.account ?? 'the account'} roles/iam.serviceAccountTokenCreator on the service account in auth/impersonate_service_account, or unset it.`
          : 'Ask an administrator for the missing permission, or use another configuration.',
    });
  }
  return new CoreError({
    code: gcpErrorCodes.gcloudFailed,
    message: `gcloud could not get a token for configuration ${name}: ${detail}`,
    remediation: `Run \`gcloud config config-helper --configuration ${name}\` in a terminal for the details.`,
  });
}

function redactTokens(text: string): string {
  return text.replace(/(ya29\.|1\/\/)[\w.-]+/g, '[redacted]').replace(/eyJ[\w-]+\.[\w-]+\.[\w-]*/g, '[redacted]');
}
