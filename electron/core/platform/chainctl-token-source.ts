import { execFile, type ExecFileException } from 'node:child_process';
import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, isAbsolute, join } from 'node:path';
import { platformErrorCodes } from '../../../shared/contract/platform';
import { redactSecrets } from '../aws/redact-secrets';
import { CoreError } from '../core-error';

/** The claims Liaison shows (never the token). */
export interface TokenClaims {
  subject: string;
  email?: string;
  issuer?: string;
  /** Seconds since the epoch. */
  expiresAt?: number;
}

export interface PlatformToken {
  /** Held in memory only: never stored, logged or sent to the renderer. */
  readonly value: string;
  readonly claims: TokenClaims;
}

export interface ChainctlOptions {
  env: NodeJS.ProcessEnv;
  timeoutMs?: number;
  now?: () => Date;
}

const DEFAULT_TIMEOUT_MS = 30_000;
/** A token this close to `exp` is fetched again rather than sent. */
const REFRESH_MARGIN_SECONDS = 60;
const MAX_OUTPUT = 64 * 1024;
/** A failed `auth token` is remembered this long, so a check-all of hundreds does not run chainctl hundreds of times. */
const FAILURE_MEMORY_MS = 30_000;

/** What chainctl needs from the environment to find its config, cache and browser; no cloud secrets. */
const PASSED_VARIABLES = [
  'PATH',
  'HOME',
  'USER',
  'LOGNAME',
  'TMPDIR',
  'LANG',
  'XDG_CONFIG_HOME',
  'XDG_CACHE_HOME',
  'XDG_RUNTIME_DIR',
  'DISPLAY',
  'WAYLAND_DISPLAY',
  'BROWSER',
  'SSL_CERT_FILE',
  'SSL_CERT_DIR',
  'HTTPS_PROXY',
  'https_proxy',
  'HTTP_PROXY',
  'http_proxy',
  'NO_PROXY',
  'no_proxy',
  'APPDATA',
  'LOCALAPPDATA',
  'USERPROFILE',
  'SystemRoot',
];

export function chainctlEnvironment(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const child: NodeJS.ProcessEnv = {};
  for (const name of PASSED_VARIABLES) if (env[name] !== undefined) child[name] = env[name];
  return child;
}

export const CHAINCTL_INSTALL =
  'Install chainctl (https://edu.chainguard.dev/chainguard/chainctl-usage/how-to-install-chainctl/) and sign in; until then Liaison works offline with pasted group ids.';

/** `chainctl` on PATH, or the file LIAISON_CHAINCTL names; undefined when there is none. */
export function findChainctl(env: NodeJS.ProcessEnv): string | undefined {
  const configured = env.LIAISON_CHAINCTL?.trim();
  if (configured) return isAbsolute(configured) && isExecutable(configured) ? configured : undefined;
  const names = process.platform === 'win32' ? ['chainctl.exe', 'chainctl'] : ['chainctl'];
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    for (const name of names) {
      const candidate = join(dir, name);
      if (isExecutable(candidate)) return candidate;
    }
  }
  return undefined;
}

function isExecutable(path: string): boolean {
  try {
    if (!statSync(path).isFile()) return false;
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The exact sign-in command for an audience (argument list; the default audience needs no flag). */
export function loginCommand(audience: string): string[] {
  return audience === 'https://console-api.enforce.dev'
    ? ['chainctl', 'auth', 'login']
    : ['chainctl', 'auth', 'login', '--audience', audience];
}

/** Why output that is not a JWT, or a failed run, means "signed out" rather than "chainctl broke". */
const SIGNED_OUT = /(not logged in|log ?in|sign ?in|expired|unauthenticated|no (cached )?token)/i;

/**
 * Tokens for the platform API from the operator's own `chainctl auth token --audience <api>`, the way
 * the platform's SDK and Terraform provider get them. chainctl owns login, caching and refresh; this
 * keeps the last token in memory until shortly before its `exp`.
 */
export class ChainctlTokenSource {
  readonly #options: ChainctlOptions;
  readonly #cache = new Map<string, PlatformToken>();
  readonly #pending = new Map<string, Promise<PlatformToken>>();
  readonly #failures = new Map<string, { error: unknown; at: number }>();

  constructor(options: ChainctlOptions) {
    this.#options = options;
  }

  /** A token for the audience; `fresh` skips the cache (after a 401). */
  token(audience: string, fresh = false): Promise<PlatformToken> {
    if (!fresh) {
      const cached = this.#cache.get(audience);
      if (cached && !this.#expiring(cached)) return Promise.resolve(cached);
      const pending = this.#pending.get(audience);
      if (pending) return pending;
      const failure = this.#failures.get(audience);
      if (failure && this.#now().getTime() - failure.at < FAILURE_MEMORY_MS)
        return Promise.reject(failure.error as Error);
    }
    this.#cache.delete(audience);
    this.#failures.delete(audience);
    const fetching = this.#fetch(audience).finally(() => this.#pending.delete(audience));
    this.#pending.set(audience, fetching);
    return fetching.then(
      (token) => {
        this.#cache.set(audience, token);
        return token;
      },
      (error: unknown) => {
        this.#failures.set(audience, { error, at: this.#now().getTime() });
        throw error;
      },
    );
  }

  forget(audience: string): void {
    this.#cache.delete(audience);
  }

  /** Runs `chainctl auth login` for the audience; chainctl opens the browser and waits for it. */
  login(audience: string, timeoutMs = 5 * 60_000): Promise<void> {
    const binary = this.#binary();
    const [, ...args] = loginCommand(audience);
    return new Promise((resolve, reject) => {
      execFile(
        binary,
        args,
        { env: chainctlEnvironment(this.#options.env), timeout: timeoutMs, maxBuffer: MAX_OUTPUT, windowsHide: true },
        (error, _stdout, stderr) => {
          this.#cache.delete(audience);
          this.#failures.delete(audience);
          if (!error) return resolve();
          reject(this.#runFailure(error, String(stderr), 'auth login', timeoutMs));
        },
      );
    });
  }

  #expiring(token: PlatformToken): boolean {
    const exp = token.claims.expiresAt;
    if (exp === undefined) return false;
    return exp - REFRESH_MARGIN_SECONDS <= this.#now().getTime() / 1000;
  }

  #now(): Date {
    return this.#options.now ? this.#options.now() : new Date();
  }

  #binary(): string {
    const binary = findChainctl(this.#options.env);
    if (!binary) {
      throw new CoreError({
        code: platformErrorCodes.chainctlMissing,
        message: 'chainctl was not found on PATH, so Liaison cannot sign in to the platform.',
        remediation: CHAINCTL_INSTALL,
      });
    }
    return binary;
  }

  #fetch(audience: string): Promise<PlatformToken> {
    let binary: string;
    try {
      binary = this.#binary();
    } catch (error) {
      return Promise.reject(error as Error);
    }
    const timeoutMs = this.#options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    return new Promise((resolve, reject) => {
      execFile(
        binary,
        ['auth', 'token', '--audience', audience],
        {
          env: chainctlEnvironment(this.#options.env),
          timeout: timeoutMs,
          killSignal: 'SIGKILL',
          maxBuffer: MAX_OUTPUT,
          windowsHide: true,
          encoding: 'utf8',
        },
        (error, stdout, stderr) => {
          if (error) return reject(this.#runFailure(error, stderr, 'auth token', timeoutMs, audience));
          const value = stdout.trim();
          const claims = /^[\w-]+\.[\w-]+\.[\w-]*$/.test(value) ? decodeClaims(value) : undefined;
          if (!claims) {
            return reject(
              new CoreError({
                code: platformErrorCodes.chainctlFailed,
                message: '`chainctl auth token` did not print a token.',
                remediation: `Run \`${loginCommand(audience).join(' ')}\`, then try again.`,
              }),
            );
          }
          resolve({ value, claims });
        },
      );
    });
  }

  #runFailure(error: ExecFileException, stderr: string, what: string, timeoutMs: number, audience?: string): CoreError {
    const detail = redactSecrets(stderr.trim()).slice(0, 500);
    const login = loginCommand(audience ?? 'https://console-api.enforce.dev').join(' ');
    if (error.killed) {
      return new CoreError({
        code: platformErrorCodes.chainctlTimeout,
        message: `\`chainctl ${what}\` did not finish within ${Math.round(timeoutMs / 1000)} s.`,
        remediation: `Run \`chainctl ${what}\` in a terminal to see what it waits for (a browser sign-in, a network proxy).`,
      });
    }
    if (error.code === 'ENOENT' || error.code === 'EACCES') {
      return new CoreError({
        code: platformErrorCodes.chainctlMissing,
        message: `chainctl could not be started (${error.code}).`,
        remediation: CHAINCTL_INSTALL,
      });
    }
    if (what === 'auth token' && SIGNED_OUT.test(detail)) {
      return new CoreError({
        code: platformErrorCodes.signedOut,
        message: `You are not signed in to the platform${detail ? ` (chainctl: ${detail})` : ''}.`,
        remediation: `Run \`${login}\` (or use Sign in in Settings → Platform), then try again.`,
      });
    }
    return new CoreError({
      code: platformErrorCodes.chainctlFailed,
      message: `\`chainctl ${what}\` failed (exit code ${String(error.code)})${detail ? `: ${detail}` : ''}.`,
      remediation: `Run \`chainctl ${what}\` in a terminal to see the full error; \`${login}\` signs in again.`,
    });
  }
}

/** The token's claims, decoded without verification: for display and for `exp`, never for trust. */
export function decodeClaims(token: string): TokenClaims | undefined {
  try {
    const payload = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as unknown;
    if (typeof payload !== 'object' || payload === null) return undefined;
    const claims = payload as Record<string, unknown>;
    const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : undefined);
    const email = text(claims.email);
    const issuer = text(claims.iss);
    return {
      subject: text(claims.sub) ?? 'an unknown subject',
      ...(email ? { email } : {}),
      ...(issuer ? { issuer } : {}),
      ...(typeof claims.exp === 'number' ? { expiresAt: claims.exp } : {}),
    };
  } catch {
    return undefined;
  }
}
