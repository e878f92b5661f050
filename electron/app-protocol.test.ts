import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../shared/content-security-policy';
import { originOf, registerAppProtocol, resolveAppRequest, serveAppRequest } from './app-protocol';

const SECRET = 'root:x:0:0:the-secret-outside-the-build';
let root: string;
let rendererDir: string;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'liaison-protocol-'));
  rendererDir = join(root, 'renderer');
  mkdirSync(join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Liaison</title>');
  writeFileSync(join(rendererDir, 'assets', 'index-abc.js'), 'console.log(1)');
  writeFileSync(join(rendererDir, 'assets', 'index-abc.css'), 'body{}');
  writeFileSync(join(rendererDir, 'assets', 'blob.bin'), 'bytes');
  writeFileSync(join(root, 'secret.txt'), SECRET);
  symlinkSync(join(root, 'secret.txt'), join(rendererDir, 'leak.txt'));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

const get = (url: string, method = 'GET') => serveAppRequest(new Request(url, { method }), rendererDir);

describe('resolveAppRequest', () => {
  it('maps app://liaison paths into the build, with index.html for directories', () => {
    expect(resolveAppRequest('app://liaison/index.html', rendererDir)).toBe(join(rendererDir, 'index.html'));
    expect(resolveAppRequest('app://liaison/', rendererDir)).toBe(join(rendererDir, 'index.html'));
    expect(resolveAppRequest('app://liaison', rendererDir)).toBe(join(rendererDir, 'index.html'));
    expect(resolveAppRequest('app://liaison/assets/index-abc.js?v=1#x', rendererDir)).toBe(
      join(rendererDir, 'assets', 'index-abc.js'),
    );
  });

  it.each([
    ['another host', 'app://evil/index.html'],
    ['another scheme', 'https://liaison/index.html'],
    ['an encoded slash climbing out', 'app://liaison/..%2f..%2fsecret.txt'],
    ['fully encoded dots and slash', 'app://liaison/%2e%2e%2fsecret.txt'],
    ['a NUL byte', 'app://liaison/index.html%00.js'],
    ['malformed percent-encoding', 'app://liaison/%E0%A4%A'],
    ['not a URL', 'app//liaison'],
  ])('refuses %s', (_label, url) => {
    expect(resolveAppRequest(url, rendererDir)).toBeNull();
  });
});

describe('serveAppRequest', () => {
  it('serves the page with the one CSP, nosniff and its content type', async () => {
    const response = await get('app://liaison/index.html');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await response.text()).toContain('<title>Liaison</title>');
  });

  it.each([
    ['assets/index-abc.js', 'text/javascript; charset=utf-8'],
    ['assets/index-abc.css', 'text/css; charset=utf-8'],
    ['assets/blob.bin', 'application/octet-stream'],
  ])('gives %s the type %s', async (path, type) => {
    const response = await get(`app://liaison/${path}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(type);
  });

  it.each([
    'app://liaison/../../etc/passwd',
    'app://liaison/../secret.txt',
    'app://liaison/%2e%2e/secret.txt',
    'app://liaison/%2e%2e/%2e%2e/etc/passwd',
    'app://liaison/..%2fsecret.txt',
    'app://liaison/assets/..%2f..%2fsecret.txt',
    'app://liaison/..%5csecret.txt',
    'app://liaison/leak.txt',
  ])('answers %s with 404 and never the file outside the build', async (url) => {
    const response = await get(url);
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain(SECRET);
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });

  it('answers a missing file, a directory and another host with 404', async () => {
    expect((await get('app://liaison/nope.js')).status).toBe(404);
    expect((await get('app://liaison/assets')).status).toBe(404);
    expect((await get('app://other/index.html')).status).toBe(404);
  });

  it('refuses methods other than GET and HEAD', async () => {
    expect((await get('app://liaison/index.html', 'POST')).status).toBe(405);
    const head = await get('app://liaison/index.html', 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });
});

describe('registerAppProtocol', () => {
  it('handles the app scheme by serving from the build', async () => {
    const protocol = { handle: vi.fn() };
    registerAppProtocol(protocol, rendererDir);
    expect(protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
    const handler = protocol.handle.mock.calls[0]![1] as (request: Request) => Promise<Response>;
    const response = await handler(new Request('app://liaison/'));
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('Liaison');
  });
});

describe('originOf', () => {
  it('gives scheme://host for the app scheme, where URL.origin would say "null"', () => {
    expect(new URL('app://liaison/index.html').origin).toBe('null');
    expect(originOf('app://liaison/index.html')).toBe('app://liaison');
    expect(originOf('http://localhost:5173/src/main.tsx')).toBe('http://localhost:5173');
    expect(originOf('https://evil.example/')).toBe('https://evil.example');
    expect(originOf('about:blank')).toBeNull();
    expect(originOf('file:///etc/passwd')).toBeNull();
    expect(originOf('not a url')).toBeNull();
  });
});
