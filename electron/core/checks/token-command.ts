import { exec, execFile, type ExecFileException } from 'node:child_process';
import { parse } from 'shell-quote';
import { checkErrorCodes, type TokenCommand } from '../../../shared/contract/checks';
import { errorCodes } from '../../../shared/errors';
import { CoreError } from '../core-error';
import { redactSecrets } from '../aws/redact-secrets';
import { minimalProgramEnv } from '../programs/minimal-env';
import { isConfirmed, type ProgramToConfirm } from '../programs/program-confirmation';

const MAX_OUTPUT = 256 * 1024;
const AUDIENCE = '{audience}';
const AUDIENCE_VARIABLE = 'LIAISON_TOKEN_AUDIENCE';

/** A token command as stored: with the fingerprint of what the operator confirmed (null: never confirmed). */
export interface StoredTokenCommand extends TokenCommand {
  fingerprint: string | null;
}

export interface IdentityToken {
  /** The JWT itself: kept in memory only for the exchange, never stored, logged or returned. */
  token: string;
  /** Claims safe to show (issuer, subject, audience). */
  claims: { iss?: string; sub?: string; aud?: string | string[] };
}

/** What the operator confirms for a token command: exactly the line that will run, and how. */
export function tokenCommandProgram(
  command: Pick<TokenCommand, 'environment' | 'command' | 'shell'>,
): ProgramToConfirm {
  return {
    kind: `token-command:${command.environment}:${command.shell ? 'shell' : 'arguments'}`,
    purpose: `the token command for ${command.environment}${command.shell ? ', through the shell' : ''}`,
    program: command.command,
  };
}

/**
 * Splits a command line into arguments the way a POSIX shell would (quotes, escapes) with shell-quote,
 * but refuses what only a shell can do (pipes, redirections, `;`, `&&`, globs, variables other than
 * $LIAISON_TOKEN_AUDIENCE): those need the operator to opt into the shell.
 */
export function splitTokenCommand(command: string): string[] {
  const variables: string[] = [];
  const parts = parse(command, (name) => {
    if (name === AUDIENCE_VARIABLE) return AUDIENCE;
    variables.push(`$${name}`);
    return '';
  });
  const shellOnly = parts.flatMap((part) =>
    typeof part === 'string' ? [] : ['op' in part ? (part.op === 'glob' ? part.pattern : part.op) : '#'],
  );
  if (variables.length > 0 || shellOnly.length > 0) {
    const what = [...new Set([...shellOnly, ...variables])].map((each) => `"${each}"`).join(', ');
    throw new CoreError({
      code: errorCodes.invalidInput,
      field: 'command',
      message: `${what} needs a shell, and Liaison runs the command without one: write the values themselves, or choose "Run through the shell".`,
    });
  }
  const argv = parts.filter((part): part is string => typeof part === 'string');
  if (argv.length === 0) {
    throw new CoreError({
      code: errorCodes.invalidInput,
      field: 'command',
      message: 'Enter the command that prints a token',
    });
  }
  return argv;
}

/**
 * Runs the environment's token command, only if it is the one the operator confirmed: split into an
 * argument list (or, if they chose it, through the shell), with a minimal environment, a timeout and an
 * output cap. The audience goes in as `{audience}` and as `$LIAISON_TOKEN_AUDIENCE`. It prints a JWT,
 * or JSON with a `token`/`id_token` field.
 */
export function runTokenCommand(
  setting: StoredTokenCommand,
  audience: string,
  env: NodeJS.ProcessEnv,
  signal?: AbortSignal,
): Promise<IdentityToken> {
  const program = tokenCommandProgram(setting);
  if (!isConfirmed(program.kind, program.program, setting.fingerprint)) {
    return Promise.reject(
      failure(
        `The token command for ${setting.environment} has not been confirmed, so Liaison did not run it`,
        'Save it again in Settings → Checks and confirm it.',
      ),
    );
  }
  const timeoutMs = setting.timeoutSeconds * 1000;
  const options = {
    timeout: timeoutMs,
    maxBuffer: MAX_OUTPUT,
    windowsHide: true,
    encoding: 'utf8' as const,
    env: minimalProgramEnv(env, { [AUDIENCE_VARIABLE]: audience }),
    ...(signal ? { signal } : {}),
  };
  return new Promise((resolve, reject) => {
    const done = (error: ExecFileException | null, stdout: string, stderr: string): void => {
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
    };
    if (setting.shell) {
      exec(setting.command.replaceAll(AUDIENCE, audience), options, done);
      return;
    }
    const [file, ...args] = splitTokenCommand(setting.command).map((arg) => arg.replaceAll(AUDIENCE, audience));
    execFile(file as string, args, options, done);
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

function failure(
  message: string,
  remediation = 'Run the command in a terminal to see what it needs, or change it in Settings → Checks.',
): CoreError {
  return new CoreError({ code: checkErrorCodes.tokenCommandFailed, message, remediation });
}

/** For a step's detail: whose token it is (never the token). */
export function describeToken(token: IdentityToken): string {
  const aud = Array.isArray(token.claims.aud) ? token.claims.aud.join(', ') : token.claims.aud;
  return `a token for ${token.claims.sub ?? 'an unknown subject'} from ${token.claims.iss ?? 'an unknown issuer'} (audience ${aud ?? 'unknown'})`;
}
