import { timingSafeEqual } from 'node:crypto';
import { CONTENT_SECURITY_POLICY } from '../../shared/content-security-policy';

export const SESSION_COOKIE = 'liaison_session';

export const SECURITY_HEADERS: Record<string, string> = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'permissions-policy': 'camera=(), microphone=(), geolocation=(), usb=(), serial=(), hid=()',
  'cache-control': 'no-store',
};

/** The only Host values the loopback server answers to: anything else may be a DNS-rebinding page. */
export function allowedHosts(port: number): string[] {
  return [`127.0.0.1:${port}`, `localhost:${port}`];
}

export function isAllowedHost(host: string | undefined, port: number): boolean {
  return host !== undefined && allowedHosts(port).includes(host.toLowerCase());
}

/** A state-changing request must come from a page the host served itself. */
export function isSameOrigin(origin: string | undefined, host: string): boolean {
  return origin !== undefined && origin.toLowerCase() === `http://${host.toLowerCase()}`;
}

export function isSafeMethod(method: string): boolean {
  return method === 'GET' || method === 'HEAD' || method === 'OPTIONS';
}

export function secretsEqual(given: string | undefined, expected: string): boolean {
  if (given === undefined) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Where to send the browser after the token exchange: the request's own path, never another origin.
 * `//evil.example/`, `/\evil.example/` and `/.//evil.example/` all resolve off-origin or to a
 * protocol-relative path, so anything but one leading slash collapses to it.
 */
export function sameOriginPath(requestUrl: string): string {
  const base = 'http://liaison.invalid';
  let target: URL;
  try {
    target = new URL(requestUrl, base);
  } catch {
    return '/';
  }
  if (target.origin !== base) return '/';
  return target.pathname.replace(/^[/\\]+/, '/');
}
