import { describe, expect, it } from 'vitest';
import { AccountRateLimiter, type Clock } from './account-rate-limiter';

function manualClock(): Clock & { slept: number[] } {
  let now = 1_000;
  const slept: number[] = [];
  return {
    slept,
    now: () => now,
    sleep: (ms) => {
      slept.push(ms);
      now += 0; // the limiter reserves slots up front; it does not need time to pass to space them
      return Promise.resolve();
    },
  };
}

describe('AccountRateLimiter', () => {
  it('spaces the starts of one account 1000/perSecond ms apart', async () => {
    const clock = manualClock();
    const limiter = new AccountRateLimiter(4, clock);
    for (let i = 0; i < 4; i += 1) await limiter.acquire('aws:1');
    expect(clock.slept).toEqual([250, 500, 750]);
  });

  it('does not hold one account back for another', async () => {
    const clock = manualClock();
    const limiter = new AccountRateLimiter(1, clock);
    await limiter.acquire('aws:1');
    await limiter.acquire('aws:2');
    await limiter.acquire('gcp:p');
    expect(clock.slept).toEqual([]);
    await limiter.acquire('aws:1');
    expect(clock.slept).toEqual([1000]);
  });
});
