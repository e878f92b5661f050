import {
  consoleApiUrlProblem,
  derivedConsoleApiUrl,
  normalizeConsoleApiUrl,
} from '../../../shared/platform/console-api-url-rule';

/** The platform API for an environment: CHAINGUARD_CONSOLE_API, else the URL saved in Settings, else derived. */
export interface ConsoleApi {
  /** The base URL without a trailing slash; also the token audience. */
  url: string;
  source: 'derived' | 'saved' | 'env';
}

/**
 * CHAINGUARD_CONSOLE_API overrides the base, as it does for the platform's Terraform provider; then the
 * URL saved for the environment in Settings → Platform; then `https://console-api.<environment>`. An
 * override must pass the same rule as a saved URL (https, or plain http only on loopback); one that does
 * not is ignored.
 */
export function consoleApiFor(environment: string, env: NodeJS.ProcessEnv, saved?: string): ConsoleApi {
  const override = envOverride(env);
  if (override) return { url: override, source: 'env' };
  if (saved && consoleApiUrlProblem(saved) === undefined)
    return { url: normalizeConsoleApiUrl(saved), source: 'saved' };
  return { url: derivedConsoleApiUrl(environment), source: 'derived' };
}

/** CHAINGUARD_CONSOLE_API when it is set to a usable URL (it then wins over every environment's setting). */
export function envOverride(env: NodeJS.ProcessEnv): string | undefined {
  const value = env.CHAINGUARD_CONSOLE_API?.trim();
  if (!value || consoleApiUrlProblem(value) !== undefined) return undefined;
  return normalizeConsoleApiUrl(value);
}
