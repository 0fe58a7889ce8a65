import type { Query } from '@tanstack/react-query';

export interface PollOptions {
  intervalMs?: number;
  /** When the poll started (e.g. when the action was sent); after `timeoutMs` it gives up. */
  since: number;
  timeoutMs?: number;
}

/**
 * A `refetchInterval` that polls until `isSettled(data)` holds, then stops, like the SDK's waiters
 * (`instance_stopped` polls every 15 s up to 40 times; the console polls faster for a live view).
 */
export function pollUntil<T>(
  isSettled: (data: T) => boolean,
  { intervalMs = 2000, since, timeoutMs = 120_000 }: PollOptions,
) {
  return (query: Query<T, Error, T, readonly unknown[]>): number | false => {
    const data = query.state.data;
    if (data !== undefined && isSettled(data)) return false;
    if (hasGivenUp(since, timeoutMs)) return false;
    return intervalMs;
  };
}

/** True once a poll started at `since` has run past its time: the UI says the waiter gave up. */
export function hasGivenUp(since: number, timeoutMs = 120_000, now = Date.now()): boolean {
  return now - since > timeoutMs;
}
