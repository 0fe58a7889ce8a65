import { useSyncExternalStore } from 'react';

interface Clock {
  listeners: Set<() => void>;
  now: number;
  timer?: ReturnType<typeof setInterval>;
  subscribe: (listener: () => void) => () => void;
  read: () => number;
}

const clocks = new Map<number, Clock>();

function clockOf(intervalMs: number): Clock {
  let clock = clocks.get(intervalMs);
  if (clock) return clock;
  const c: Clock = {
    listeners: new Set(),
    now: Date.now(),
    subscribe(listener) {
      c.listeners.add(listener);
      if (!c.timer) {
        c.now = Date.now();
        c.timer = setInterval(() => {
          c.now = Date.now();
          for (const l of c.listeners) l();
        }, intervalMs);
      }
      return () => {
        c.listeners.delete(listener);
        if (c.listeners.size === 0 && c.timer) {
          clearInterval(c.timer);
          c.timer = undefined;
        }
      };
    },
    read: () => c.now,
  };
  clock = c;
  clocks.set(intervalMs, clock);
  return clock;
}

/**
 * The current time, updated every `intervalMs` by one shared timer for every component that asks for the
 * same interval ("3 min ago" labels tick each 30 s, countdowns each second), not a timer per component.
 */
export function useClock(intervalMs: number): number {
  const clock = clockOf(intervalMs);
  return useSyncExternalStore(clock.subscribe, clock.read, clock.read);
}
