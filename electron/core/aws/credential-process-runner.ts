import { exec, type ExecException } from 'node:child_process';
import { externalDataInterceptor } from '@smithy/shared-ini-file-loader';
import { redactSecrets } from './redact-secrets';

export const CREDENTIAL_PROCESS_TIMEOUT_MS = 60_000;
export const CREDENTIAL_PROCESS_FAILURE =
  /^credential_process (exited with code (\d+)|was stopped by (\w+)|could not start)/;

type ExecCallback = (error: Error | null, result?: { stdout: string; stderr: string }) => void;

/**
 * The SDK runs `credential_process` with a bare `exec` and keeps only `error.message`, which has
 * neither the exit code nor a bound on run time. It looks for a replacement `exec` on its
 * `externalDataInterceptor` token record; this puts one there that runs the command the same way
 * (through the shell) with a timeout and an output cap, and fails with the exit code and redacted
 * stderr in the message the SDK passes on. (That record is keyed by SSO session name, so a session
 * literally named `exec` would collide; no such name is plausible enough to guard against.)
 */
export function installCredentialProcessRunner(timeoutMs = CREDENTIAL_PROCESS_TIMEOUT_MS): void {
  const record = externalDataInterceptor.getTokenRecord() as unknown as Record<string, unknown>;
  record.exec = (command: string, callback: ExecCallback): void => {
    exec(
      command,
      { timeout: timeoutMs, maxBuffer: 1024 * 1024, windowsHide: true, encoding: 'utf8' },
      (error, stdout, stderr) => {
        if (!error) {
          callback(null, { stdout, stderr });
          return;
        }
        callback(new Error(describeFailure(error, stderr, timeoutMs)));
      },
    );
  };
}

function describeFailure(error: ExecException, stderr: string, timeoutMs: number): string {
  const detail = redactSecrets(stderr.trim());
  const suffix = detail ? `: ${detail}` : ' (no output on stderr)';
  if (error.signal) {
    const after = error.killed ? ` after ${Math.round(timeoutMs / 1000)} s without finishing` : '';
    return `credential_process was stopped by ${error.signal}${after}${suffix}`;
  }
  if (typeof error.code === 'number') return `credential_process exited with code ${error.code}${suffix}`;
  return `credential_process could not start (${String(error.code ?? 'unknown error')})${suffix}`;
}
