import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CheckRepository } from '../checks/check-repository';
import { runTokenCommand } from '../checks/token-command';
import { DATABASE_FILE } from '../core';
import { dispatchCall } from '../dispatch';
import type { HostPlatform } from '../platform';
import { openStore, type Store } from '../store/database';
import { createTestCore } from '../../../test-support/core/test-core';
import type { ConfirmationOutcome, ProgramToConfirm } from './program-confirmation';

const JWT = 'eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOiJodHRwczovL2lzc3Vlci5lbmZvcmNlLmRldiIsInN1YiI6ImNhbmFyeTp4In0.c2ln';

let root: string;
let test: ReturnType<typeof createTestCore>;
let asked: ProgramToConfirm[];
let answer: ConfirmationOutcome;

/** A desktop whose operator answers the native dialog with `answer`; every question is recorded. */
const dialogPlatform: Partial<HostPlatform> = {
  host: 'electron',
  confirmProgram: (program) => {
    asked.push(program);
    return Promise.resolve(answer);
  },
};

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'liaison-programs-'));
  asked = [];
  answer = 'confirmed';
});
afterEach(() => {
  for (const store of opened.splice(0)) store.close();
  test.dispose();
  rmSync(root, { recursive: true, force: true });
});

/** A program that leaves a mark when it runs, prints a JWT, and records its arguments and environment. */
function script(name: string): { path: string; ran: () => boolean; args: () => string[]; env: () => string } {
  const path = join(root, name);
  const mark = join(root, `${name}.ran`);
  writeFileSync(
    path,
    // Answers `version -json` as Terraform does, so it also stands in for a usable Terraform binary.
    `#!/bin/sh\nprintf '%s\\n' "$@" > '${mark}.args'\nenv > '${mark}.env'\ntouch '${mark}'\n` +
      `if [ "$1" = version ]; then echo '{"terraform_version":"1.11.4"}'; else echo ${JWT}; fi\n`,
  );
  chmodSync(path, 0o755);
  return {
    path,
    ran: () => existsSync(mark),
    args: () => readFileSync(`${mark}.args`, 'utf8').split('\n').slice(0, -1),
    env: () => readFileSync(`${mark}.env`, 'utf8'),
  };
}

describe('a token command takes effect only once confirmed (Electron: a native dialog)', () => {
  beforeEach(() => {
    test = createTestCore(dialogPlatform);
  });

  it('shows the exact command, and saves nothing when the operator declines', async () => {
    answer = 'declined';
    const command = `"${join(root, 'print token')}" --audience {audience}`;
    const result = await test.callResult('setTokenCommand', {
      environment: 'enforce.dev',
      command,
      timeoutSeconds: 10,
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'PROGRAM_NOT_CONFIRMED' } });
    expect(asked).toEqual([expect.objectContaining({ program: command })]);
    expect(await test.callResult('listTokenCommands', {})).toEqual({ ok: true, value: [] });
  });

  it('saves it confirmed when allowed; a new timeout asks nothing, a new command asks again', async () => {
    const first = await test.callResult('setTokenCommand', {
      environment: 'enforce.dev',
      command: 'chainctl auth token',
    });
    expect(first).toMatchObject({ ok: true, value: { command: 'chainctl auth token', confirmed: true, shell: false } });
    await test.callResult('setTokenCommand', {
      environment: 'enforce.dev',
      command: 'chainctl auth token',
      timeoutSeconds: 60,
    });
    expect(asked).toHaveLength(1);
    await test.callResult('setTokenCommand', { environment: 'enforce.dev', command: 'chainctl auth token --verbose' });
    expect(asked.map((each) => each.program)).toEqual(['chainctl auth token', 'chainctl auth token --verbose']);
    // The same line through the shell is another program: it is asked for again.
    await test.callResult('setTokenCommand', {
      environment: 'enforce.dev',
      command: 'chainctl auth token --verbose',
      shell: true,
    });
    expect(asked).toHaveLength(3);
    expect(asked[2]?.purpose).toContain('through the shell');
  });

  it('refuses shell syntax without the shell opt-in, before asking anything', async () => {
    for (const command of [
      'chainctl auth token; id',
      'chainctl auth token | tee /tmp/x',
      'echo $(id)',
      'cat $HOME/t',
    ]) {
      const result = await test.callResult('setTokenCommand', { environment: 'enforce.dev', command });
      expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'command' } });
    }
    expect(asked).toEqual([]);
  });

  it('runs a saved command with an argument list, no shell, and a minimal environment', async () => {
    const program = script('print-token');
    const command = `"${program.path}" "two words" {audience} $LIAISON_TOKEN_AUDIENCE '$HOME' \`touch ${join(root, 'injected')}\``;
    expect((await test.callResult('setTokenCommand', { environment: 'enforce.dev', command })).ok).toBe(true);
    const saved = new CheckRepository(openStoreOf(test)).tokenCommand('enforce.dev');
    const env = {
      PATH: process.env.PATH,
      HOME: root,
      AWS_ACCESS_KEY_ID: 'AKIAIOSFODNN7EXAMPLE',
      AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
      AWS_PROFILE: 'admin',
      GOOGLE_APPLICATION_CREDENTIALS: '/secret/adc.json',
      CLOUDSDK_AUTH_ACCESS_TOKEN_FILE: '/secret/token',
      CHAINCTL_TOKEN: 'not for children',
    };
    const token = await runTokenCommand(saved!, 'amazon', env);
    expect(token.token).toBe(JWT);
    expect(program.args()).toEqual([
      'two words',
      'amazon',
      'amazon',
      '$HOME',
      `\`touch`,
      `${join(root, 'injected')}\``,
    ]);
    expect(existsSync(join(root, 'injected'))).toBe(false);
    const childEnv = program.env();
    expect(childEnv).toContain('LIAISON_TOKEN_AUDIENCE=amazon');
    expect(childEnv).toContain(`HOME=${root}`);
    for (const name of ['AWS_', 'GOOGLE_', 'CLOUDSDK_', 'CHAINCTL_TOKEN']) expect(childEnv).not.toContain(name);
  });

  it('does not run a stored command whose fingerprint does not match what was confirmed', async () => {
    const confirmed = script('confirmed');
    const swapped = script('swapped');
    await test.callResult('setTokenCommand', { environment: 'enforce.dev', command: `"${confirmed.path}"` });
    const store = openStoreOf(test);
    // Anything but the confirmed setter that changes the command (or a row saved before confirmation).
    store.db.prepare('UPDATE check_token_commands SET command = ?').run(`"${swapped.path}"`);
    const stored = new CheckRepository(store).tokenCommand('enforce.dev');
    await expect(runTokenCommand(stored!, 'amazon', process.env)).rejects.toThrow(/has not been confirmed/);
    expect(swapped.ran()).toBe(false);
    expect(await test.callResult('listTokenCommands', {})).toMatchObject({ ok: true, value: [{ confirmed: false }] });
    store.db.prepare('UPDATE check_token_commands SET command = ?, fingerprint = NULL').run(`"${confirmed.path}"`);
    await expect(
      runTokenCommand(new CheckRepository(store).tokenCommand('enforce.dev')!, 'amazon', process.env),
    ).rejects.toThrow(/has not been confirmed/);
    expect(confirmed.ran()).toBe(false);
  });
});

describe('the Terraform binary path takes effect only once confirmed', () => {
  beforeEach(() => {
    test = createTestCore(dialogPlatform);
  });

  it('never runs a declined path, not even for its version, and keeps the previous setting', async () => {
    answer = 'declined';
    const binary = script('terraform');
    const result = await test.callResult('setTerraformBinaryPath', { path: binary.path });
    expect(result).toMatchObject({ ok: false, error: { code: 'PROGRAM_NOT_CONFIRMED' } });
    expect(asked).toEqual([expect.objectContaining({ program: binary.path })]);
    expect(binary.ran()).toBe(false);
    const status = await test.callResult('getTerraformBinary', {});
    expect(status.ok).toBe(true);
    expect(status.ok && (status.value as { configuredPath?: string }).configuredPath).toBeUndefined();
  });

  it('refuses a path that is not an executable file with a field error, before asking', async () => {
    const result = await test.callResult('setTerraformBinaryPath', { path: join(root, 'nowhere', 'terraform') });
    expect(result).toMatchObject({ ok: false, error: { field: 'path' } });
    expect(asked).toEqual([]);
  });

  it('runs a confirmed path, and not a stored path whose fingerprint does not match', async () => {
    const binary = script('terraform');
    const set = await test.callResult('setTerraformBinaryPath', { path: binary.path });
    expect(set.ok).toBe(true);
    expect(binary.ran()).toBe(true);
    const swapped = script('other-terraform');
    openStoreOf(test)
      .db.prepare("UPDATE terraform_settings SET value = ? WHERE name = 'binary_path'")
      .run(swapped.path);
    // A restart: the first core lets go of the data directory (one primary at a time), the next opens it.
    test.core.close();
    test = createTestCore(dialogPlatform, test.dataDir);
    const status = await dispatchCall(test.core, 'getTerraformBinary', {});
    expect(status).toMatchObject({
      ok: true,
      value: { status: 'unusable', error: { code: 'PROGRAM_NOT_CONFIRMED' }, configuredPath: swapped.path },
    });
    expect(swapped.ran()).toBe(false);
  });
});

const opened: Store[] = [];
/** A second connection to the core's store (WAL lets both read and write). */
function openStoreOf(core: ReturnType<typeof createTestCore>): Store {
  const store = openStore(join(core.dataDir, DATABASE_FILE));
  opened.push(store);
  return store;
}
