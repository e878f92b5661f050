import { request as httpRequest } from 'node:http';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestCore } from '../../test-support/core/test-core';
import { startWebHost, type WebHost } from './server';
import { SESSION_COOKIE } from './security';

interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

let host: WebHost;
let dispose: () => void;
let cookie: string;

function send(
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port: host.port,
        path,
        method: options.method ?? 'GET',
        headers: options.headers,
        setHost: false,
        // No pooled keep-alive socket: one test restarts the host on the same port.
        agent: false,
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

const own = () => `127.0.0.1:${host.port}`;
const call = (method: string, body: unknown, headers: Record<string, string> = {}) =>
  send(`/api/call/${method}`, {
    method: 'POST',
    headers: {
      host: own(),
      origin: `http://${own()}`,
      cookie,
      'content-type': 'application/json',
      ...headers,
    },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

beforeEach(async () => {
  const test = createTestCore();
  dispose = test.dispose;
  host = await startWebHost({ core: test.core, port: 0, token: 'launch-token' });
  const exchange = await send('/?token=launch-token', { headers: { host: own() } });
  const setCookie = [exchange.headers['set-cookie'] ?? []].flat()[0] ?? '';
  cookie = setCookie.split(';')[0] ?? '';
});
afterEach(async () => {
  await host.close();
  dispose();
});

describe('web host: the launch token', () => {
  it('prints a loopback URL that holds the token', () => {
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/?token=launch-token`);
  });

  it('trades the token for an HttpOnly, SameSite=Strict cookie and drops it from the address', async () => {
    const exchange = await send('/?token=launch-token', { headers: { host: own() } });
    expect(exchange.status).toBe(303);
    expect(exchange.headers.location).toBe('/');
    const setCookie = [exchange.headers['set-cookie'] ?? []].flat()[0] ?? '';
    expect(setCookie).toMatch(new RegExp(`^${SESSION_COOKIE}=`));
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Strict/i);
    expect(setCookie).not.toContain('launch-token');
  });

  it('answers 401 without the cookie, with a wrong token, and with a forged cookie', async () => {
    expect((await send('/', { headers: { host: own() } })).status).toBe(401);
    expect((await send('/?token=guess', { headers: { host: own() } })).status).toBe(401);
    expect((await send('/api/events', { headers: { host: own() } })).status).toBe(401);
    const forged = await call('listGroups', {}, { cookie: `${SESSION_COOKIE}=launch-token` });
    expect(forged.status).toBe(401);
    expect(JSON.parse(forged.body)).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
  });
});

describe('web host: the token exchange cannot be turned against the user', () => {
  it.each(['//evil.example/', '/\\evil.example/', '/.//evil.example/', '///evil.example/x', '/%2F%2Fevil.example/'])(
    'redirects %s?token=… to a same-origin path, never to another host',
    async (path) => {
      const exchange = await send(`${path}?token=launch-token`, { headers: { host: own() } });
      expect(exchange.status).toBe(303);
      const location = String(exchange.headers.location);
      expect(location).toMatch(/^\/(?![/\\])/);
      expect(new URL(location, `http://${own()}`).host).toBe(own());
    },
  );

  it('keeps the requested path when it is a plain same-origin path', async () => {
    const exchange = await send('/workspaces?token=launch-token', { headers: { host: own() } });
    expect(exchange.headers.location).toBe('/workspaces');
  });

  it('mints a fresh session for every exchange, each of which works', async () => {
    const cookies = await Promise.all(
      [1, 2, 3].map(async () => {
        const exchange = await send('/?token=launch-token', { headers: { host: own() } });
        return ([exchange.headers['set-cookie'] ?? []].flat()[0] ?? '').split(';')[0] ?? '';
      }),
    );
    expect(new Set([cookie, ...cookies]).size).toBe(4);
    for (const each of cookies) expect((await call('listGroups', {}, { cookie: each })).status).toBe(200);
  });

  it('ends every session with the host: a new host on the same port refuses the old cookie', async () => {
    const port = host.port;
    expect((await call('listGroups', {})).status).toBe(200);
    await host.close();
    const test = createTestCore();
    const previousDispose = dispose;
    dispose = () => {
      test.dispose();
      previousDispose();
    };
    host = await startWebHost({ core: test.core, port, token: 'launch-token' });
    const refused = await call('listGroups', {});
    expect(refused.status).toBe(401);
  });
});

describe('web host: Host and Origin', () => {
  it.each(['evil.example', `evil.example:${0}`, '127.0.0.1', '127.0.0.1:1', 'localhost.evil.example'])(
    'refuses Host %s with 403 (DNS rebinding), even with the cookie',
    async (badHost) => {
      const response = await send('/', { headers: { host: badHost.replace(':0', `:${host.port}`), cookie } });
      expect(response.status).toBe(403);
    },
  );

  it('accepts localhost:<port> as well as 127.0.0.1:<port>', async () => {
    const response = await send('/api/call/listGroups', {
      method: 'POST',
      headers: {
        host: `localhost:${host.port}`,
        origin: `http://localhost:${host.port}`,
        cookie,
        'content-type': 'application/json',
      },
      body: '{}',
    });
    expect(response.status).toBe(200);
  });

  it('refuses a write from a foreign Origin, or with no Origin, with 403 and writes nothing', async () => {
    const foreign = await call('createGroup', { mode: 'root', name: 'x' }, { origin: 'https://evil.example' });
    expect(foreign.status).toBe(403);
    const missing = await send('/api/call/createGroup', {
      method: 'POST',
      headers: { host: own(), cookie, 'content-type': 'application/json' },
      body: JSON.stringify({ mode: 'root', name: 'x' }),
    });
    expect(missing.status).toBe(403);
    expect(JSON.parse((await call('listGroups', {})).body)).toEqual({ ok: true, value: [] });
  });

  it('sets the security headers on every response, refusals included', async () => {
    const responses = [
      await send('/', { headers: { host: 'evil.example' } }),
      await send('/', { headers: { host: own() } }),
      await call('listGroups', {}),
      await call('nope', {}),
    ];
    expect(responses.map((r) => r.status)).toEqual([403, 401, 200, 404]);
    for (const response of responses) {
      expect(response.headers['content-security-policy']).toContain("script-src 'self'");
      expect(response.headers['content-security-policy']).toContain("frame-ancestors 'none'");
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['x-frame-options']).toBe('DENY');
    }
  });
});

describe('web host: calls', () => {
  it('round-trips a call', async () => {
    const created = await call('createGroup', { mode: 'root', name: 'Team' });
    expect(created.status).toBe(200);
    const group = JSON.parse(created.body).value;
    expect(JSON.parse((await call('listGroups', {})).body)).toEqual({ ok: true, value: [group] });
  });

  it('answers a body that does not match the schema with 400 and the failing field', async () => {
    const response = await call('createGroup', { mode: 'existing', id: 'xyz', name: 'n' });
    expect(response.status).toBe(400);
    expect(JSON.parse(response.body)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'id' } });
  });

  it('answers malformed JSON and a wrong content type with 400, never 500', async () => {
    const malformed = await call('createGroup', '{"mode": "root", ');
    expect(malformed.status).toBe(400);
    expect(JSON.parse(malformed.body)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const wrongType = await call('createGroup', 'mode=root', { 'content-type': 'application/x-www-form-urlencoded' });
    expect(wrongType.status).toBeGreaterThanOrEqual(400);
    expect(wrongType.status).toBeLessThan(500);
  });

  it('maps not found and conflicts to 404 and 409', async () => {
    expect((await call('deleteGroup', { id: 'a'.repeat(40) })).status).toBe(404);
    await call('createGroup', { mode: 'existing', id: 'b'.repeat(40), name: 'B' });
    expect((await call('createGroup', { mode: 'existing', id: 'b'.repeat(40), name: 'B' })).status).toBe(409);
  });
});

describe('web host: events', () => {
  it('streams core events to an authenticated EventSource', async () => {
    const received = new Promise<string>((resolve, reject) => {
      const req = httpRequest(
        { host: '127.0.0.1', port: host.port, path: '/api/events', headers: { host: own(), cookie }, setHost: false },
        (res) => {
          expect(res.headers['content-type']).toMatch(/text\/event-stream/);
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => {
            text += chunk;
            if (text.includes('event: groupsChanged')) {
              req.destroy();
              resolve(text);
            }
          });
          res.once('data', () => void call('createGroup', { mode: 'root', name: 'Evented' }));
        },
      );
      req.on('error', reject);
      req.end();
    });
    const text = await received;
    expect(text).toMatch(/event: groupsChanged\ndata: \{"ids":\["[0-9a-f]{40}"\]\}/);
  });
});
