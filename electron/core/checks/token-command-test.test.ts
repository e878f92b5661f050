import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { installTokenCommand } from '../../../test-support/seeders/token-command';
import { CoreError } from '../core-error';
import { programFingerprint } from '../programs/program-confirmation';
import { tokenCommandProgram } from './token-command';
import { testTokenCommand } from './token-command-test';

/*
 * The commands run as Liaison runs every token command by default: an argument list, no shell. The
 * seeded command prints the token for the audience it is given (`{audience}`), one subject each.
 */
const tokenCommand = (environment: string): string =>
  installTokenCommand(mkdtempSync(join(tmpdir(), 'liaison-token-test-')), environment, {
    amazon: 'canary:x',
    google: 'canary:google',
  });

const confirmed = (environment: string, command: string) => {
  const saved = { environment, command, timeoutSeconds: 5, shell: false };
  return { ...saved, fingerprint: programFingerprint(tokenCommandProgram(saved).kind, command) };
};

describe('testing a saved token command', () => {
  it('runs it for the AWS audience and says whose token it printed, never the token', async () => {
    const command = tokenCommand('enforce.dev');
    const result = await testTokenCommand(confirmed('enforce.dev', command), 'enforce.dev', process.env);
    // The amazon token's subject: the command was asked for the AWS audience.
    expect(result).toEqual({
      audience: 'amazon',
      issuer: 'https://issuer.enforce.dev',
      subject: 'canary:x',
      tokenAudience: ['amazon'],
      issuerMatches: true,
    });
    expect(JSON.stringify(result)).not.toMatch(/eyJ/);
  });

  it('says when the token comes from another issuer than the environment’s', async () => {
    // A command that prints enforce.dev's tokens, saved for staging.enforce.dev.
    const result = await testTokenCommand(
      confirmed('staging.enforce.dev', tokenCommand('enforce.dev')),
      'staging.enforce.dev',
      process.env,
    );
    expect(result.issuerMatches).toBe(false);
    expect(result.issuer).toBe('https://issuer.enforce.dev');
  });

  it('runs nothing that was not confirmed, and names the missing command', async () => {
    const unconfirmed = { ...confirmed('enforce.dev', tokenCommand('enforce.dev')), fingerprint: null };
    await expect(testTokenCommand(unconfirmed, 'enforce.dev', process.env)).rejects.toThrow(/has not been confirmed/);
    const missing = await testTokenCommand(undefined, 'enforce.dev', process.env).catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(CoreError);
    expect((missing as CoreError).field).toBe('environment');
  });
});
