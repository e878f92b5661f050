import { z } from 'zod';

/** The platform API an environment has unless told otherwise: `https://console-api.<environment>`. */
export function derivedConsoleApiUrl(environment: string): string {
  return `https://console-api.${environment}`;
}

/** The URL as Liaison keeps and uses it: trimmed, without trailing slashes. */
export function normalizeConsoleApiUrl(value: string): string {
  return value.trim().replace(/\/+$/, '');
}

/**
 * Why `value` cannot be a platform API base, or undefined. The token Liaison sends is minted for this
 * URL (its audience), so it must be https; plain http only on loopback (a local stand-in). No user
 * name or password (they would be stored and logged), no query or fragment (paths are appended).
 */
export function consoleApiUrlProblem(value: string): string | undefined {
  const trimmed = value.trim();
  if (trimmed === '') return 'API URL is required (e.g. https://console-api.enforce.dev)';
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return 'API URL must be a full URL such as https://console-api.enforce.dev';
  }
  if (url.username || url.password) return 'API URL must not carry a user name or password';
  if (url.search || url.hash || trimmed.includes('?') || trimmed.includes('#')) {
    return 'API URL must not have a query (?…) or fragment (#…)';
  }
  if (url.protocol === 'https:') return undefined;
  if (url.protocol === 'http:') {
    return isLoopback(url.hostname)
      ? undefined
      : 'API URL must use https (plain http only on this machine: 127.0.0.1 or localhost)';
  }
  return 'API URL must use https';
}

function isLoopback(hostname: string): boolean {
  return hostname === '127.0.0.1' || hostname === 'localhost' || hostname === '[::1]';
}

/** A platform API base as the contract accepts it (normalized). */
export const consoleApiUrlSchema = z
  .string({ error: 'API URL is required' })
  .superRefine((value, ctx) => {
    const problem = consoleApiUrlProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  })
  .transform(normalizeConsoleApiUrl);
