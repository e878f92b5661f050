import { exec } from 'node:child_process';
import { checkErrorCodes, type TokenCommand } from '../../../shared/contract/checks';
import { CoreError } from '../core-error';
import { redactSecrets } from '../aws/redact-secrets';

const MAX_OUTPUT = 256 * 1024;

export interface IdentityToken {
  /** The JWT itself: kept in memory only for the exchange, never stored, logged or returned. */
  token: string;
  /** Claims safe to show (issuer, subject, audience). */
  claims: { iss?: string; sub?: string; aud?: string | string[] };
}

/**
 * Runs the environment's token command the way the SDK runs `credential_process`: through the shell,
 * with a timeout and an output cap. The audience goes in as `{audience}` and as
 * `$LIAISON_TOKEN_AUDIENCE`. It prints a JWT, or JSON with a `token`/`id_token` field.
 */
export function runTokenCommand(
  setting: TokenCommand,
  audience: string,
  env: NodeJS.ProcessEnv,
  signal?: AbortSignal,
): Promise<IdentityToken> {
  const command = setting.command.replaceAll('{audience}', audience);
  const timeoutMs = setting.timeoutSeconds * 1000;
  return new Promise((resolve, reject) => {
    exec(
      command,
      {
        timeout: timeoutMs,
        maxBuffer: MAX_OUTPUT,
        windowsHide: true,
        encoding: 'utf8',
        env: { ...env, LIAISON_TOKEN_AUDIENCE: audience },
        ...(signal ? { signal } : {}),
      },
      (error, stdout, stderr) => {
        const detail = redactSecrets(stderr.trim());
        const suffix = detail ? `; its stderr: ${detail}` : ' (nothing on stderr)';
        if (error) {
          const why = error.killed
            ? `did not finish within ${setting.timeoutSeconds} s`
            : typeof error.code === 'number'
              ? `exited with code ${error.code}`
              : `could not start (${String(error.code ?? error.message)})`;
          reject(failure(`The token command for ${setting.environment} ${why}${suffix}`));
          return;
        }
        const token = extractToken(stdout);
        if (!token) {
          reject(failure(`The token command for ${setting.environment} did not print a JWT${suffix}`));
          return;
        }
        resolve({ token, claims: claimsOf(token) });
      },
    );
  });
}

function extractToken(stdout: string): string | undefined {
  const text = stdout.trim();
  let candidate = text;
  if (text.startsWith('{')) {
    try {
      const json = JSON.parse(text) as Record<string, unknown>;
      const field = json.token ?? json.id_token ?? json.idToken;
      candidate = typeof field === 'string' ? field : '';
    } catch {
      return undefined;
    }
  }
  return /^[\w-]+\.[\w-]+\.[\w-]*$/.test(candidate) ? candidate : undefined;
}

function claimsOf(token: string): IdentityToken['claims'] {
  try {
    const payload = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as Record<
      string,
      unknown
    >;
    const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
    const aud = Array.isArray(payload.aud) ? payload.aud.filter((a) => typeof a === 'string') : text(payload.aud);
    return {
      ...(text(payload.iss) ? { iss: text(payload.iss) } : {}),
      ...(text(payload.sub) ? { sub: text(payload.sub) } : {}),
      ...(aud ? { aud } : {}),
    };
  } catch {
    return {};
  }
}

function failure(message: string): CoreError {
  return new CoreError({
    code: checkErrorCodes.tokenCommandFailed,
    message,
    remediation: 'Run the command in a terminal to see what it needs, or change it in Settings → Checks.',
  });
}

/** For a step's detail: whose token it is (never the token). */
export function describeToken(token: IdentityToken): string {
  const aud = Array.isArray(token.claims.aud) ? token.claims.aud.join(', ') : token.claims.aud;
  return `a token for ${token.claims.sub ?? 'an unknown subject'} from ${token.claims.iss ?? 'an unknown issuer'} (audience ${aud ?? 'unknown'})`;
}
