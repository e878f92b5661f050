import { request as httpRequest } from 'node:http';
import { expect, test } from './fixtures/test';
import type { WebHostProcess } from './fixtures/web-host';

interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

interface Probe {
  name: string;
  method?: string;
  path: string;
  headers?: Record<string, string>;
  body?: string;
  /** True when the host refused what the probe tried; the reason is printed when it did not. */
  refused: (response: RawResponse) => boolean;
}

// Raw HTTP, not the browser: a hostile client picks its own Host, Origin, path and cookie.
function send(port: number, probe: Omit<Probe, 'name' | 'refused'>): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port,
        path: probe.path,
        method: probe.method ?? 'GET',
        headers: probe.headers,
        setHost: false,
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
    req.end(probe.body);
  });
}

const sessionOf = (response: RawResponse): string =>
  ([response.headers['set-cookie'] ?? []].flat()[0] ?? '').split(';')[0] ?? '';

const redirectsOffOrigin = (response: RawResponse, own: string): boolean => {
  const location = response.headers.location;
  if (typeof location !== 'string') return false;
  return /^[/\\]{2}/.test(location) || new URL(location, `http://${own}`).host !== own;
};

async function exchange(liaison: WebHostProcess): Promise<string> {
  const token = new URL(liaison.url).searchParams.get('token') ?? '';
  const own = `127.0.0.1:${liaison.port}`;
  return sessionOf(await send(liaison.port, { path: `/?token=${token}`, headers: { host: own } }));
}

test('the web host refuses every hostile probe', async ({ liaison }) => {
  const token = new URL(liaison.url).searchParams.get('token') ?? '';
  const own = `127.0.0.1:${liaison.port}`;
  const cookie = await exchange(liaison);
  expect(cookie).toMatch(/^liaison_session=/);
  const write = { 'content-type': 'application/json', host: own, cookie };
  const createGroup = JSON.stringify({ mode: 'root', name: 'probe' });

  const probes: Probe[] = [
    { name: 'no cookie', path: '/', headers: { host: own }, refused: (r) => r.status === 401 },
    { name: 'wrong token', path: '/?token=guess', headers: { host: own }, refused: (r) => r.status === 401 },
    {
      name: 'launch token as cookie',
      path: '/api/call/listGroups',
      method: 'POST',
      headers: { ...write, origin: `http://${own}`, cookie: `liaison_session=${token}` },
      body: '{}',
      refused: (r) => r.status === 401,
    },
    {
      name: 'token on a POST is no exchange',
      path: `/api/call/listGroups?token=${token}`,
      method: 'POST',
      headers: { host: own, origin: `http://${own}`, 'content-type': 'application/json' },
      body: '{}',
      refused: (r) => r.status === 401 && sessionOf(r) === '',
    },
    { name: 'events without cookie', path: '/api/events', headers: { host: own }, refused: (r) => r.status === 401 },
    ...['evil.example', `evil.example:${liaison.port}`, '127.0.0.1', `localhost.evil.example:${liaison.port}`].map(
      (host): Probe => ({
        name: `Host ${host} (DNS rebinding)`,
        path: '/',
        headers: { host, cookie },
        refused: (r) => r.status === 403,
      }),
    ),
    {
      name: 'token exchange under a foreign Host',
      path: `/?token=${token}`,
      headers: { host: 'evil.example' },
      refused: (r) => r.status === 403 && sessionOf(r) === '',
    },
    ...['https://evil.example', 'null', `http://localhost.evil.example:${liaison.port}`].map((origin): Probe => ({
      name: `write from Origin ${origin}`,
      path: '/api/call/createGroup',
      method: 'POST',
      headers: { ...write, origin },
      body: createGroup,
      refused: (r) => r.status === 403,
    })),
    {
      name: 'write without Origin',
      path: '/api/call/createGroup',
      method: 'POST',
      headers: write,
      body: createGroup,
      refused: (r) => r.status === 403,
    },
    ...['//evil.example/', '/\\evil.example/', '/.//evil.example/', '///evil.example/', '/%5Cevil.example/'].map(
      (path): Probe => ({
        name: `open redirect through ${path}?token=…`,
        path: `${path}?token=${token}`,
        headers: { host: own },
        refused: (r) => r.status === 303 && !redirectsOffOrigin(r, own),
      }),
    ),
    {
      name: 'a call over GET',
      path: '/api/call/listGroups',
      headers: { host: own, cookie },
      refused: (r) => r.status === 404,
    },
    {
      name: 'path traversal',
      path: '/../../../../etc/passwd',
      headers: { host: own, cookie },
      refused: (r) => !r.body.includes('root:'),
    },
    {
      name: 'oversized body',
      path: '/api/call/createGroup',
      method: 'POST',
      headers: { ...write, origin: `http://${own}` },
      body: JSON.stringify({ mode: 'root', name: 'x'.repeat(2 * 1024 * 1024) }),
      refused: (r) => r.status === 413 || r.status === 400,
    },
    {
      name: 'CORS preflight from a foreign origin',
      method: 'OPTIONS',
      path: '/api/call/listGroups',
      headers: { host: own, cookie, origin: 'https://evil.example', 'access-control-request-method': 'POST' },
      refused: (r) => r.headers['access-control-allow-origin'] === undefined,
    },
  ];

  const outcomes: string[] = [];
  let refused = 0;
  for (const probe of probes) {
    const response = await send(liaison.port, probe);
    if (probe.refused(response)) refused += 1;
    else outcomes.push(`${probe.name}: ${response.status} ${String(response.headers.location ?? '')}`);
  }

  // Two more that need more than one request: a session per exchange, and sessions that end with the host.
  const second = await exchange(liaison);
  const sessionsDiffer = second !== '' && second !== cookie;
  if (sessionsDiffer) refused += 1;
  else outcomes.push('the same session cookie for two exchanges');

  const port = liaison.port;
  await liaison.stop();
  await liaison.start(port);
  const stale = await send(port, {
    path: '/api/call/listGroups',
    method: 'POST',
    headers: { 'content-type': 'application/json', host: own, origin: `http://${own}`, cookie },
    body: '{}',
  });
  if (stale.status === 401) refused += 1;
  else outcomes.push(`the previous launch's cookie: ${stale.status}`);

  const tried = probes.length + 2;
  console.log(`hostile web probes refused ${refused} / tried ${tried}`);
  test.info().annotations.push({ type: 'hostile web probes', description: `refused ${refused} / tried ${tried}` });
  expect(outcomes, 'probes the host did not refuse').toEqual([]);
  expect(refused).toBe(tried);
});
