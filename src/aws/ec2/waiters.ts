import type { InstanceAction } from './instances';

/** The stable state an action waits for, as the SDK's waiters do (instance_running, instance_stopped, ...). */
export type WaiterTarget = 'running' | 'stopped' | 'terminated';

export const WAITER_OF: Record<InstanceAction, WaiterTarget> = {
  start: 'running',
  stop: 'stopped',
  reboot: 'running',
  terminate: 'terminated',
};

/** States from which the waiter can no longer succeed (the SDK waiters' failure acceptors). */
const FAILS_ON: Record<WaiterTarget, readonly string[]> = {
  running: ['shutting-down', 'terminated', 'stopping'],
  stopped: ['pending', 'terminated'],
  terminated: ['pending', 'stopping'],
};

/** The state shown at once, before EC2 answers (optimistic). */
export const OPTIMISTIC_STATE: Record<InstanceAction, string | undefined> = {
  start: 'pending',
  stop: 'stopping',
  reboot: undefined,
  terminate: 'shutting-down',
};

export type WaiterResult = 'waiting' | 'done' | 'failed';

/**
 * Where an instance stands for a waiter: the target is done; a state the waiter cannot reach it from
 * (a stop waiter seeing "terminated") fails, with the same acceptors as the SDK; anything else waits.
 */
export function waiterResult(target: WaiterTarget, state: string | undefined): WaiterResult {
  if (state === undefined) return 'waiting';
  if (state === target) return 'done';
  return FAILS_ON[target].includes(state) ? 'failed' : 'waiting';
}

/** Polling interval and how long a waiter keeps asking before it gives up (SDK waiters: 40 × 15 s). */
export const POLL_INTERVAL_MS = 2000;
export const WAITER_TIMEOUT_MS = 10 * 60_000;
