import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { events } from '../../shared/api';
import { programConfirmationCodes } from '../../shared/contract/program-confirmation';
import { errorCodes, type ApiError, type CallResult } from '../../shared/errors';
import type { Core } from '../core/core';
import { dispatchCall } from '../core/dispatch';
import { redactText } from '../core/redact-value';
import {
  SECURITY_HEADERS,
  SESSION_COOKIE,
  isAllowedHost,
  isSafeMethod,
  isSameOrigin,
  sameOriginPath,
  secretsEqual,
} from './security';

export interface WebHostOptions {
  core: Core;
  /** 0 picks a free port. */
  port?: number;
  /** The built renderer; when absent the API still works (tests) and `/` says the UI is not built. */
  staticDir?: string;
  /** The launch token (the CLI shares it with the platform that confirms programs); random otherwise. */
  token?: string;
}

export interface WebHost {
  readonly app: FastifyInstance;
  readonly port: number;
  /** The URL to open: holds the launch token, traded for a cookie on first use. */
  readonly url: string;
  readonly token: string;
  close(): Promise<void>;
}

const STATUS_BY_CODE: Record<string, number> = {
  [errorCodes.invalidInput]: 400,
  [errorCodes.unknownMethod]: 404,
  [errorCodes.notFound]: 404,
  [errorCodes.conflict]: 409,
  [errorCodes.forbidden]: 403,
  [errorCodes.unauthorized]: 401,
  [programConfirmationCodes.notConfirmed]: 403,
};

/**
 * The loopback web host: the same contract as Electron's IPC over HTTP (one POST per call) and
 * server-sent events, guarded by a per-launch token/cookie, Host and Origin checks.
 */
export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  // Each token exchange mints its own session; only their hashes are kept, in memory, so every session
  // ends with this host and a lookup by hash leaks nothing about a stored secret through timing.
  const sessions = new Set<string>();
  // forceCloseConnections: an idle keep-alive socket must not hold up Ctrl+C.
  const app = Fastify({ logger: false, bodyLimit: 1024 * 1024, return503OnClosing: true, forceCloseConnections: true });
  const streams = new Set<ServerResponse>();
  let port = options.port ?? 0;

  await app.register(fastifyCookie);

  app.addHook('onRequest', async (request, reply) => {
    reply.headers(SECURITY_HEADERS);
    const host = request.headers.host;
    if (!isAllowedHost(host, port)) return deny(request, reply, 403, errorCodes.forbidden, 'Unexpected Host header');
    const query = request.query as Record<string, unknown>;
    if (request.method === 'GET' && typeof query.token === 'string' && secretsEqual(query.token, token)) {
      // Trade the launch token for a cookie and drop it from the address bar.
      const session = randomBytes(32).toString('base64url');
      sessions.add(hashSession(session));
      reply.setCookie(SESSION_COOKIE, session, { httpOnly: true, sameSite: 'strict', path: '/' });
      return reply.redirect(sameOriginPath(request.url), 303);
    }
    const cookie = request.cookies[SESSION_COOKIE];
    if (cookie === undefined || !sessions.has(hashSession(cookie))) {
      return deny(
        request,
        reply,
        401,
        errorCodes.unauthorized,
        'Open Liaison with the URL it printed when it started (it holds a one-launch token).',
      );
    }
    if (!isSafeMethod(request.method) && !isSameOrigin(request.headers.origin, host as string)) {
      return deny(request, reply, 403, errorCodes.forbidden, 'Cross-origin request refused');
    }
    return undefined;
  });

  app.setErrorHandler((error: { statusCode?: number; message: string }, _request, reply) => {
    const status = error.statusCode && error.statusCode < 500 ? error.statusCode : 500;
    const code =
      status === 400 || status === 415
        ? errorCodes.invalidInput
        : status === 413
          ? errorCodes.invalidInput
          : errorCodes.internal;
    const message = status === 500 ? 'Internal error' : `Malformed request: ${redactText(error.message)}`;
    void reply.code(status).send({ ok: false, error: { code, message } } satisfies CallResult<never>);
  });

  app.post<{ Params: { method: string } }>('/api/call/:method', async (request, reply) => {
    const result = await dispatchCall(options.core, request.params.method, request.body);
    return reply.code(result.ok ? 200 : (STATUS_BY_CODE[result.error.code] ?? 500)).send(result);
  });

  app.get('/api/events', (request, reply) => {
    reply.hijack();
    const raw = reply.raw;
    // Subscribed in the same tick as the head is written: once the browser sees the stream open, every
    // later event reaches it. The renderer asks for its first data only then (app/start-app.ts).
    const unsubscribe = options.core.events.subscribe((name, payload) => {
      // As on IPC: only what the contract declares for the event crosses.
      const parsed = events[name].safeParse(payload);
      if (parsed.success) raw.write(`event: ${name}\ndata: ${JSON.stringify(parsed.data)}\n\n`);
    });
    streams.add(raw);
    raw.writeHead(200, {
      ...SECURITY_HEADERS,
      'content-type': 'text/event-stream; charset=utf-8',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    raw.write(': connected\n\n');
    const heartbeat = setInterval(() => raw.write(': ping\n\n'), 25_000);
    request.raw.on('close', () => {
      clearInterval(heartbeat);
      unsubscribe();
      streams.delete(raw);
    });
  });

  if (options.staticDir && existsSync(options.staticDir)) {
    await app.register(fastifyStatic, { root: options.staticDir, index: ['index.html'], wildcard: true });
  } else {
    app.get('/', (_request, reply) =>
      reply.type('text/plain').send('The Liaison UI is not built. Run `npm run build`, then start the host again.'),
    );
  }

  await app.listen({ host: '127.0.0.1', port });
  const address = app.server.address();
  port = typeof address === 'object' && address ? address.port : port;

  return {
    app,
    port,
    token,
    url: `http://127.0.0.1:${port}/?token=${token}`,
    close: async () => {
      for (const stream of streams) stream.end();
      sessions.clear();
      await app.close();
    },
  };
}

function hashSession(session: string): string {
  return createHash('sha256').update(session).digest('base64url');
}

/** API clients get the typed error; a browser navigating here gets a sentence it can read. */
function deny(
  request: FastifyRequest,
  reply: FastifyReply,
  status: number,
  code: string,
  message: string,
): FastifyReply {
  if (request.headers.accept?.includes('text/html')) {
    return reply.code(status).type('text/plain; charset=utf-8').send(`Liaison: ${message}\n`);
  }
  const error: ApiError = { code, message };
  return reply.code(status).type('application/json').send({ ok: false, error });
}
