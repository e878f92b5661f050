import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestCore } from '../../test-support/core/test-core';
import { dispatchCall } from './dispatch';
import type { Core } from './core';

let core: Core;
let dispose: () => void;
let logs: string[];
beforeEach(() => {
  ({ core, dispose, logs } = createTestCore());
});
afterEach(() => dispose());

describe('dispatchCall', () => {
  it('rejects a method the contract does not name', async () => {
    expect(await dispatchCall(core, 'dropTables', {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    expect(await dispatchCall(core, 'toString', {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
  });

  it('names the failing field before the core sees the input', async () => {
    const result = await dispatchCall(core, 'createGroup', { mode: 'existing', id: 'not-a-uidp', name: '' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('INVALID_INPUT');
    expect(result.error.issues?.map((i) => i.field).sort()).toEqual(['id', 'name']);
    expect(await dispatchCall(core, 'listGroups', {})).toEqual({ ok: true, value: [] });
  });

  it.each([
    ['an empty name', { mode: 'root', name: '   ' }, 'name', 'Name is required'],
    ['a 200-character name', { mode: 'root', name: 'x'.repeat(200) }, 'name', 'shorter than 200'],
    ['a name with a line break', { mode: 'root', name: 'a\nb' }, 'name', 'line breaks'],
    ['a UIDP with a non-hex letter', { mode: 'existing', id: 'G'.repeat(40), name: 'n' }, 'id', '40 hex characters'],
    [
      'a child segment of 15 hex',
      { mode: 'existing', id: `${'a'.repeat(40)}/${'b'.repeat(15)}`, name: 'n' },
      'id',
      'hex',
    ],
    ['a malformed parent id', { mode: 'child', parentId: 'zz', name: 'n' }, 'parentId', 'hex'],
    ['an unknown mode', { mode: 'sideways', name: 'n' }, 'mode', ''],
    ['a body that is not an object', 'hello', '(input)', ''],
  ])('refuses %s with a field-level error', async (_label, input, field, message) => {
    const result = await dispatchCall(core, 'createGroup', input);
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field } });
    if (!result.ok) expect(result.error.message).toContain(message);
    expect((await dispatchCall(core, 'listGroups', {})) as unknown).toEqual({ ok: true, value: [] });
  });

  it('accepts a 199-character name', async () => {
    const result = await dispatchCall(core, 'createGroup', { mode: 'root', name: 'x'.repeat(199) });
    expect(result.ok).toBe(true);
  });

  it('turns an unexpected failure into a typed error without a stack, and logs it', async () => {
    core.handlers.listGroups = () => {
      throw new Error('disk on fire');
    };
    const result = await dispatchCall(core, 'listGroups', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(JSON.stringify(result)).not.toMatch(/at .*\.ts:\d+/);
    expect(logs.join('')).toContain('disk on fire');
  });

  it('strips anything the contract does not declare from outputs', async () => {
    core.handlers.getAppInfo = () =>
      ({ name: 'Liaison', version: '1', host: 'web', dataDir: '/x', secretAccessKey: 'AKIA-SECRET' }) as never;
    const result = await dispatchCall(core, 'getAppInfo', {});
    expect(JSON.stringify(result)).not.toContain('AKIA-SECRET');
  });

  it('opens only allow-listed https links', async () => {
    expect(await dispatchCall(core, 'openExternal', { url: 'https://docs.aws.amazon.com/IAM/' })).toEqual({
      ok: true,
      value: { action: 'navigate', url: 'https://docs.aws.amazon.com/IAM/' },
    });
    expect(await dispatchCall(core, 'openExternal', { url: 'https://evil.example/' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', field: 'url' },
    });
    expect(await dispatchCall(core, 'openExternal', { url: 'http://docs.aws.amazon.com/' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', field: 'url' },
    });
    expect(
      await dispatchCall(core, 'openExternal', { url: 'https://docs.aws.amazon.com.evil.example/' }),
    ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});
