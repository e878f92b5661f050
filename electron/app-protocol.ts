import { readFile, realpath } from 'node:fs/promises';
import { extname, isAbsolute, join, relative } from 'node:path';
import type { Protocol } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../shared/content-security-policy';

/** The renderer is served from its own origin, never file://, so it gets a real origin and a CSP. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'liaison';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** Registered before `ready`: standard and secure so the page gets an origin, storage and fetch. */
export const APP_SCHEME_PRIVILEGES = { standard: true, secure: true, supportFetchAPI: true } as const;

/** Every response the scheme gives, including errors, carries these. */
export const APP_RESPONSE_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
};

/**
 * What the renderer's build emits. Written by hand rather than pulling in a MIME database: the set
 * is small and known, and anything else is served as opaque bytes (with nosniff, never executed).
 */
const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
};

export function contentTypeFor(file: string): string {
  return CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * `scheme://host` of a URL. Not `URL.origin`: Node reports an opaque "null" origin for schemes it
 * does not know, while Chromium gives a registered standard scheme like `app:` a real one.
 */
export function originOf(raw: string): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  return url.host === '' ? null : `${url.protocol}//${url.host}`;
}

/** The file an `app://liaison/...` URL names inside `rendererDir`, or null when it names nothing there. */
export function resolveAppRequest(rawUrl: string, rendererDir: string): string | null {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return null;
  let path: string;
  try {
    // The URL parser already folds `..` and `%2e%2e`; decoding can still produce `../` from `%2f`.
    path = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  if (path.includes('\0')) return null;
  if (path === '' || path.endsWith('/')) path = path.replace(/\/?$/, '/index.html');
  const file = join(rendererDir, path);
  return isInside(rendererDir, file) ? file : null;
}

function isInside(dir: string, file: string): boolean {
  const fromDir = relative(dir, file);
  return fromDir !== '' && !fromDir.startsWith('..') && !isAbsolute(fromDir);
}

/** Answers one request of the scheme: the file, or a 404/405 that still carries the CSP. */
export async function serveAppRequest(request: Request, rendererDir: string): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return textResponse(405, 'Method not allowed');
  const file = resolveAppRequest(request.url, rendererDir);
  if (file === null) return textResponse(404, 'Not found');
  try {
    // A symlink inside the build must not lead out of it either.
    const [realRoot, realFile] = await Promise.all([realpath(rendererDir), realpath(file)]);
    if (!isInside(realRoot, realFile)) return textResponse(404, 'Not found');
    const body = await readFile(realFile);
    return new Response(request.method === 'HEAD' ? null : body, {
      status: 200,
      headers: { ...APP_RESPONSE_HEADERS, 'content-type': contentTypeFor(realFile) },
    });
  } catch {
    // Missing file, a directory, or unreadable: to the page these are all "not here".
    return textResponse(404, 'Not found');
  }
}

function textResponse(status: number, message: string): Response {
  return new Response(message, {
    status,
    headers: { ...APP_RESPONSE_HEADERS, 'content-type': 'text/plain; charset=utf-8' },
  });
}

export function registerAppProtocol(protocol: Pick<Protocol, 'handle'>, rendererDir: string): void {
  protocol.handle(APP_SCHEME, (request) => serveAppRequest(request, rendererDir));
}
