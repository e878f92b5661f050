import { describe, expect, it } from 'vitest';
import { CoreError } from '../core-error';
import { programFingerprint } from '../programs/program-confirmation';
import { runTokenCommand, tokenCommandProgram } from './token-command';

const JWT = 'eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOiJodHRwczovL2lzc3Vlci5lbmZvcmNlLmRldiIsInN1YiI6ImNhbmFyeTp4In0.c2ln';
/** A confirmed token command run through the shell (these tests use its syntax: `&&`, `>&2`, quotes). */
const setting = (command: string, timeoutSeconds = 5) => {
  const saved = { environment: 'enforce.dev', command, timeoutSeconds, shell: true };
  return { ...saved, fingerprint: programFingerprint(tokenCommandProgram(saved).kind, command) };
};

describe('runTokenCommand', () => {
  it('passes the audience as {audience} and $LIAISON_TOKEN_AUDIENCE and reads a bare JWT', async () => {
    const token = await runTokenCommand(
      setting(`test "{audience}" = amazon && test "$LIAISON_TOKEN_AUDIENCE" = amazon && echo ${JWT}`),
      'amazon',
      process.env,
    );
    expect(token.token).toBe(JWT);
    expect(token.claims).toEqual({ iss: 'https://issuer.enforce.dev', sub: 'canary:x' });
  });

  it('reads {"token": ...} JSON', async () => {
    const token = await runTokenCommand(setting(`echo '{"token":"${JWT}"}'`), 'google', process.env);
    expect(token.token).toBe(JWT);
  });

  it('refuses output that is not a JWT, without echoing it', async () => {
    const error = await runTokenCommand(setting('echo hunter2-not-a-token'), 'amazon', process.env).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(CoreError);
    expect((error as CoreError).message).toBe(
      'The token command for enforce.dev did not print a JWT (nothing on stderr)',
    );
  });

  it('stops a command that runs past its timeout and says so', async () => {
    const started = Date.now();
    const error = await runTokenCommand(setting('sleep 30', 1), 'amazon', process.env).catch((e: unknown) => e);
    expect((error as CoreError).message).toBe(
      'The token command for enforce.dev did not finish within 1 s (nothing on stderr)',
    );
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('redacts secrets from the stderr it shows', async () => {
    const error = await runTokenCommand(
      setting(`echo "refresh_token=abc123secret ${JWT}" >&2; exit 4`),
      'amazon',
      process.env,
    ).catch((e: unknown) => e);
    const message = (error as CoreError).message;
    expect(message).toMatch(/^The token command for enforce.dev exited with code 4; its stderr: /);
    expect(message).not.toContain('abc123secret');
    expect(message).not.toContain(JWT);
  });
});
