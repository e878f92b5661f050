import { describe, expect, it } from 'vitest';
import { HealthScheduler, type SchedulerTimers } from './health-scheduler';

/** A fake clock: timers fire only when the test advances time. */
function fakeTimers() {
  let now = 0;
  let nextId = 1;
  const pending = new Map<number, { at: number; callback: () => void }>();
  const timers: SchedulerTimers = {
    setTimeout: (callback, ms) => {
      const id = nextId++;
      pending.set(id, { at: now + ms, callback });
      return id;
    },
    clearTimeout: (handle) => pending.delete(handle as number),
  };
  return {
    timers,
    pending,
    async advance(ms: number) {
      const until = now + ms;
      for (;;) {
        const due = [...pending.entries()].filter(([, t]) => t.at <= until).sort((a, b) => a[1].at - b[1].at)[0];
        if (!due) break;
        pending.delete(due[0]);
        now = due[1].at;
        due[1].callback();
        // Let the tick's promise settle so the next timer is armed.
        for (let i = 0; i < 5; i += 1) await Promise.resolve();
      }
      now = until;
    },
  };
}

describe('HealthScheduler', () => {
  it('is off at 0 minutes and never ticks', async () => {
    const clock = fakeTimers();
    let ticks = 0;
    const scheduler = new HealthScheduler(() => Promise.resolve(void (ticks += 1)), clock.timers);
    scheduler.configure(0);
    await clock.advance(24 * 60 * 60_000);
    expect(ticks).toBe(0);
  });

  it('ticks every N minutes', async () => {
    const clock = fakeTimers();
    let ticks = 0;
    const scheduler = new HealthScheduler(() => Promise.resolve(void (ticks += 1)), clock.timers);
    scheduler.configure(60);
    await clock.advance(59 * 60_000);
    expect(ticks).toBe(0);
    await clock.advance(60_000);
    expect(ticks).toBe(1);
    await clock.advance(3 * 60 * 60_000);
    expect(ticks).toBe(4);
  });

  it('does not start the next tick until the previous run has finished', async () => {
    const clock = fakeTimers();
    let ticks = 0;
    let finish: () => void = () => undefined;
    const scheduler = new HealthScheduler(() => {
      ticks += 1;
      return new Promise<void>((resolve) => (finish = resolve));
    }, clock.timers);
    scheduler.configure(10);
    await clock.advance(10 * 60_000);
    expect(ticks).toBe(1);
    await clock.advance(60 * 60_000);
    expect(ticks).toBe(1);
    expect(clock.pending.size).toBe(0);
    finish();
    await clock.advance(0);
    await clock.advance(10 * 60_000);
    expect(ticks).toBe(2);
  });

  it('re-arms on a new interval and stops for good', async () => {
    const clock = fakeTimers();
    let ticks = 0;
    const scheduler = new HealthScheduler(() => Promise.resolve(void (ticks += 1)), clock.timers);
    scheduler.configure(60);
    await clock.advance(30 * 60_000);
    scheduler.configure(5);
    await clock.advance(5 * 60_000);
    expect(ticks).toBe(1);
    scheduler.stop();
    scheduler.configure(5);
    await clock.advance(60 * 60_000);
    expect(ticks).toBe(1);
  });
});
