import { useSyncExternalStore } from 'react';

/** How often countdowns move on. Minutes are the finest unit they show. */
const TICK_MS = 30_000;

const listeners = new Set<() => void>();
let now = Date.now();
let timer: ReturnType<typeof setInterval> | null = null;

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (timer === null) {
    now = Date.now();
    timer = setInterval(() => {
      now = Date.now();
      for (const notify of listeners) notify();
    }, TICK_MS);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer !== null) {
      clearInterval(timer);
      timer = null;
    }
  };
}

/**
 * The current time in epoch ms, moving on every 30 s. One timer serves every component on the
 * page, so a table of fifty countdowns re-renders together rather than on fifty timers.
 */
export function useNow(): number {
  return useSyncExternalStore(subscribe, () => now);
}
