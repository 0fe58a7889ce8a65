import { useEffect, useSyncExternalStore } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { InstanceNote, Waiting } from '../../aws/ec2/activity';
import { storeInstances } from '../../aws/ec2/cache';
import { describeInstances, type Instance } from '../../aws/ec2/instances';
import { ec2Keys } from '../../aws/ec2/queries';
import { POLL_INTERVAL_MS, WAITER_TIMEOUT_MS, waiterResult } from '../../aws/ec2/waiters';
import { toAppError } from '../../aws/errors';
import { hasGivenUp, pollUntil } from '../../aws/polling';
import { useConsoleSession } from '../../app/session-context';
import { humaniseStatus } from '../../components/ui/status-badge';

/** The session's instance activity, re-rendering when it changes. */
function useActivity() {
  const activity = useConsoleSession().aws.instanceActivity;
  useSyncExternalStore(activity.subscribe, activity.snapshot);
  return activity;
}

/** What the console knows about one instance beyond EC2's row: a waiter on it, the last refusal. */
export function useInstanceActivity(region: string, id: string): { waiting?: Waiting; note?: InstanceNote } {
  const activity = useActivity();
  const waiting = activity.waitingFor(region, id);
  const note = activity.noteFor(region, id);
  return { ...(waiting ? { waiting } : {}), ...(note ? { note } : {}) };
}

/** Re-render when any instance's activity changes (the list's notes column reads it per row). */
export function useActivityChanges(): number {
  return useActivity().snapshot();
}

/**
 * Like the SDK's waiters, for the instances an action left changing: DescribeInstances with just their
 * ids every 2 s, each row updated in place, each instance dropped from the poll once it reaches its
 * state (or cannot); the poll stops when none is left. A waiter past its time says so beside the instance.
 */
export function useInstanceWaiter(region: string): void {
  const qc = useQueryClient();
  const activity = useActivity();
  const waiting = activity.waitingIn(region);
  const latest = waiting.reduce((m, w) => Math.max(m, w.since), 0);
  const isSettled = (data: Instance[]) =>
    data.every((i) => {
      const w = activity.waitingFor(region, i.id);
      return !w || waiterResult(w.target, i.state) !== 'waiting';
    });
  const poll = useQuery({
    queryKey: ec2Keys.watch(region) as readonly unknown[],
    // The ids are read when the poll runs, so instances that settled in between are no longer asked about.
    queryFn: ({ signal }) => {
      const ids = activity.waitingIn(region).map((w) => w.id);
      return ids.length ? describeInstances({ region, ids }, signal) : Promise.resolve([]);
    },
    enabled: waiting.length > 0,
    staleTime: 0,
    gcTime: 0,
    refetchInterval: pollUntil(isSettled, {
      since: latest,
      intervalMs: POLL_INTERVAL_MS,
      timeoutMs: WAITER_TIMEOUT_MS,
    }),
    meta: { label: 'the instances in transition' },
  });

  const { data, dataUpdatedAt, error } = poll;
  useEffect(() => {
    if (!data) return;
    storeInstances(qc, region, data);
    const now = Date.now();
    let isDone = false;
    for (const w of activity.waitingIn(region)) {
      const instance = data.find((i) => i.id === w.id);
      // Asked before this instance was added: the next poll covers it.
      if (!instance && dataUpdatedAt < w.since) continue;
      const result = instance ? waiterResult(w.target, instance.state) : 'failed';
      if (result === 'done') {
        activity.stopWaiting(region, [w.id]);
        isDone = true;
      } else if (result === 'failed') {
        activity.stopWaiting(region, [w.id]);
        activity.note(region, w.id, {
          kind: 'error',
          message: instance
            ? `Became ${humaniseStatus(instance.state).toLowerCase()} while waiting for ${w.target}`
            : `No longer listed by EC2 while waiting for ${w.target}`,
        });
        isDone = true;
      } else if (hasGivenUp(w.since, WAITER_TIMEOUT_MS, now)) {
        activity.stopWaiting(region, [w.id]);
        activity.note(region, w.id, {
          kind: 'gave-up',
          message: `Stopped waiting for ${w.target} after ${Math.round(WAITER_TIMEOUT_MS / 60_000)} min: still ${instance?.state ?? 'unknown'}. Refresh to check again.`,
        });
      }
    }
    if (isDone) void qc.invalidateQueries({ queryKey: ec2Keys.stateCounts(region) });
  }, [data, dataUpdatedAt, qc, region, activity]);

  // An instance that no longer exists makes the whole poll fail (InvalidInstanceID.NotFound): stop waiting on all.
  useEffect(() => {
    if (!error) return;
    const ids = activity.waitingIn(region).map((w) => w.id);
    if (toAppError(error).kind === 'not-found') {
      activity.stopWaiting(region, ids);
      for (const id of ids)
        activity.note(region, id, { kind: 'gave-up', message: `Stopped waiting: ${error.message}` });
    }
  }, [error, region, activity]);
}
