import { chmodSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestCore } from '../../test-support/core/test-core';
import { launchTokenPlatform } from './launch-token-platform';

let root: string;
let test: ReturnType<typeof createTestCore>;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'liaison-launch-token-'));
});
afterEach(() => {
  test.dispose();
  rmSync(root, { recursive: true, force: true });
});

/** A stand-in binary that leaves a mark when it runs. */
function script(name: string): { path: string; ran: () => boolean } {
  const path = join(root, name);
  writeFileSync(path, `#!/bin/sh\ntouch '${path}.ran'\necho '{"terraform_version":"1.11.4"}'\n`);
  chmodSync(path, 0o755);
  return { path, ran: () => existsSync(`${path}.ran`) };
}

describe('the web host confirms with the launch token', () => {
  beforeEach(() => {
    test = createTestCore(launchTokenPlatform('the-launch-token'));
  });

  it('asks for the token in its own field, refuses a wrong one, and saves with the right one', async () => {
    const input = { environment: 'enforce.dev', command: 'chainctl auth token' };
    expect(await test.callResult('setTokenCommand', input)).toMatchObject({
      ok: false,
      error: { code: 'PROGRAM_NOT_CONFIRMED', field: 'launchToken' },
    });
    expect(await test.callResult('setTokenCommand', { ...input, launchToken: 'the-launch-tokeN' })).toMatchObject({
      ok: false,
      error: { code: 'PROGRAM_NOT_CONFIRMED', field: 'launchToken' },
    });
    expect(await test.callResult('listTokenCommands', {})).toEqual({ ok: true, value: [] });
    expect(await test.callResult('setTokenCommand', { ...input, launchToken: 'the-launch-token' })).toMatchObject({
      ok: true,
      value: { confirmed: true },
    });
  });

  it('confirms a Terraform path the same way', async () => {
    const binary = script('terraform');
    expect(await test.callResult('setTerraformBinaryPath', { path: binary.path, launchToken: 'guess' })).toMatchObject({
      ok: false,
      error: { field: 'launchToken' },
    });
    expect(binary.ran()).toBe(false);
    expect(
      (await test.callResult('setTerraformBinaryPath', { path: binary.path, launchToken: 'the-launch-token' })).ok,
    ).toBe(true);
    expect(binary.ran()).toBe(true);
  });

  it('never logs the launch token it was given', async () => {
    await test.callResult('setTokenCommand', {
      environment: 'enforce.dev',
      command: 'a',
      launchToken: 'the-launch-token',
    });
    expect(test.logs.join('')).not.toContain('the-launch-token');
  });
});
