import { describe, expect, it } from 'vitest';
import { CoreError } from '../core-error';
import { programFingerprint } from '../programs/program-confirmation';
import { tokenCommandProgram } from './token-command';
import { testTokenCommand } from './token-command-test';

// {"iss":"https://issuer.enforce.dev","sub":"canary:x"}
const JWT = 'eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOiJodHRwczovL2lzc3Vlci5lbmZvcmNlLmRldiIsInN1YiI6ImNhbmFyeTp4In0.c2ln';

const confirmed = (environment: string, command: string) => {
  const saved = { environment, command, timeoutSeconds: 5, shell: true };
  return { ...saved, fingerprint: programFingerprint(tokenCommandProgram(saved).kind, command) };
};

describe('testing a saved token command', () => {
  it('runs it for the AWS audience and says whose token it printed, never the token', async () => {
    const result = await testTokenCommand(
      confirmed('enforce.dev', `test "$LIAISON_TOKEN_AUDIENCE" = amazon && echo ${JWT}`),
      'enforce.dev',
      process.env,
    );
    expect(result).toEqual({
      audience: 'amazon',
      issuer: 'https://issuer.enforce.dev',
      subject: 'canary:x',
      tokenAudience: [],
      issuerMatches: true,
    });
    expect(JSON.stringify(result)).not.toContain(JWT.split('.')[1]);
  });

  it('says when the token comes from another issuer than the environment’s', async () => {
    const result = await testTokenCommand(
      confirmed('staging.enforce.dev', `echo ${JWT}`),
      'staging.enforce.dev',
      process.env,
    );
    expect(result.issuerMatches).toBe(false);
    expect(result.issuer).toBe('https://issuer.enforce.dev');
  });

  it('runs nothing that was not confirmed, and names the missing command', async () => {
    const unconfirmed = { ...confirmed('enforce.dev', `echo ${JWT}`), fingerprint: null };
    await expect(testTokenCommand(unconfirmed, 'enforce.dev', process.env)).rejects.toThrow(/has not been confirmed/);
    const missing = await testTokenCommand(undefined, 'enforce.dev', process.env).catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(CoreError);
    expect((missing as CoreError).field).toBe('environment');
  });
});
