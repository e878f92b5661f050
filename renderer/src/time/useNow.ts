import { useSyncExternalStore } from 'react';

const TICK_MS = 30_000;

// One shared clock for every relative time on screen: a single interval, only while something listens.
let now = new Date();
const listeners = new Set<() => void>();
let timer: ReturnType<typeof setInterval> | undefined;

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (!timer) {
    now = new Date();
    timer = setInterval(() => {
      now = new Date();
      for (const each of listeners) each();
    }, TICK_MS);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer) {
      clearInterval(timer);
      timer = undefined;
    }
  };
}

/** The current time, refreshed every half minute: enough for "5 minutes ago". */
export function useNow(): Date {
  return useSyncExternalStore(subscribe, () => now);
}
