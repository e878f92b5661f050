/** The platform API for an environment: `https://console-api.<environment>`, or CHAINGUARD_CONSOLE_API. */
export interface ConsoleApi {
  /** The base URL without a trailing slash; also the token audience. */
  url: string;
  source: 'derived' | 'env';
}

/**
 * CHAINGUARD_CONSOLE_API overrides the base, as it does for the platform's Terraform provider. It must
 * be https, or plain http only on loopback (the test stand-in); anything else falls back to the derived URL.
 */
export function consoleApiFor(environment: string, env: NodeJS.ProcessEnv): ConsoleApi {
  const override = env.CHAINGUARD_CONSOLE_API?.trim();
  if (override && acceptableOverride(override)) return { url: override.replace(/\/+$/, ''), source: 'env' };
  return { url: `https://console-api.${environment}`, source: 'derived' };
}

function acceptableOverride(value: string): boolean {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  if (url.username || url.password || url.search || url.hash) return false;
  if (url.protocol === 'https:') return true;
  return url.protocol === 'http:' && (url.hostname === '127.0.0.1' || url.hostname === 'localhost');
}
