import { describe, expect, it } from 'vitest';
import { refreshing } from './aws-check-session';

interface Keys {
  accessKeyId: string;
  expiration?: Date;
}

describe('refreshing (the credentials of a session shared by a run)', () => {
  it('hands out the resolved credentials without resolving again while they are valid', async () => {
    let calls = 0;
    const provider = () => {
      calls += 1;
      return Promise.resolve({ accessKeyId: `renewed-${calls}` });
    };
    const now = Date.parse('2026-01-01T00:00:00Z');
    const credentials = refreshing<Keys>(
      { accessKeyId: 'first', expiration: new Date(now + 3_600_000) },
      provider,
      () => now,
    );
    expect(await Promise.all([credentials(), credentials(), credentials()])).toEqual([
      expect.objectContaining({ accessKeyId: 'first' }),
      expect.objectContaining({ accessKeyId: 'first' }),
      expect.objectContaining({ accessKeyId: 'first' }),
    ]);
    expect(calls).toBe(0);
    const forever = refreshing<Keys>({ accessKeyId: 'static' }, provider, () => now);
    expect((await forever()).accessKeyId).toBe('static');
    expect(calls).toBe(0);
  });

  it('renews once, for every client asking at the same time, when they are about to expire', async () => {
    let now = Date.parse('2026-01-01T00:00:00Z');
    let calls = 0;
    const provider = async (): Promise<Keys> => {
      calls += 1;
      await new Promise((resolve) => setTimeout(resolve, 5));
      return { accessKeyId: `renewed-${calls}`, expiration: new Date(now + 3_600_000) };
    };
    const credentials = refreshing<Keys>(
      { accessKeyId: 'first', expiration: new Date(now + 600_000) },
      provider,
      () => now,
    );
    expect((await credentials()).accessKeyId).toBe('first');
    now += 6 * 60_000; // four minutes left: inside the SDK's five-minute margin
    const renewed = await Promise.all([credentials(), credentials(), credentials()]);
    expect(renewed.map((k) => k.accessKeyId)).toEqual(['renewed-1', 'renewed-1', 'renewed-1']);
    expect(calls).toBe(1);
    expect((await credentials()).accessKeyId).toBe('renewed-1');
    expect(calls).toBe(1);
  });

  it('keeps valid credentials when a renewal fails, retries a minute later, and fails only once they expire', async () => {
    let now = Date.parse('2026-01-01T00:00:00Z');
    const outcomes: (Keys | Error)[] = [new Error('SSO timeout'), new Error('SSO timeout again')];
    let calls = 0;
    const provider = (): Promise<Keys> => {
      calls += 1;
      const next = outcomes.shift() ?? { accessKeyId: 'renewed', expiration: new Date(now + 3_600_000) };
      return next instanceof Error ? Promise.reject(next) : Promise.resolve(next);
    };
    const credentials = refreshing<Keys>(
      { accessKeyId: 'first', expiration: new Date(now + 4 * 60_000) },
      provider,
      () => now,
    );
    // Inside the margin: the renewal fails, the held keys (four minutes left) still serve.
    expect((await credentials()).accessKeyId).toBe('first');
    expect(calls).toBe(1);
    // Not retried on every call within the minute...
    expect((await credentials()).accessKeyId).toBe('first');
    expect(calls).toBe(1);
    // ...but after it; it fails again and the keys, still valid, serve.
    now += 61_000;
    expect((await credentials()).accessKeyId).toBe('first');
    expect(calls).toBe(2);
    // Expired and the renewal now works: the new keys.
    now += 4 * 60_000;
    expect((await credentials()).accessKeyId).toBe('renewed');
    expect(calls).toBe(3);
  });

  it('reports the renewal error once the held credentials have expired', async () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    const credentials = refreshing<Keys>(
      { accessKeyId: 'first', expiration: new Date(now - 1_000) },
      () => Promise.reject(new Error('The SSO session has expired')),
      () => now,
    );
    await expect(credentials()).rejects.toThrow('The SSO session has expired');
  });
});
