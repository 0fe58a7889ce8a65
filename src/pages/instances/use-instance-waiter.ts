import { useEffect, useSyncExternalStore } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { instanceActivity, type InstanceNote, type Waiting } from '../../aws/ec2/activity';
import { storeInstances } from '../../aws/ec2/cache';
import { describeInstances, type Instance } from '../../aws/ec2/instances';
import { ec2Keys } from '../../aws/ec2/queries';
import { POLL_INTERVAL_MS, WAITER_TIMEOUT_MS, waiterResult } from '../../aws/ec2/waiters';
import { hasGivenUp, pollUntil } from '../../aws/polling';
import { humaniseStatus } from '../../components/ui/status-badge';

function useActivityVersion(): number {
  return useSyncExternalStore(instanceActivity.subscribe, instanceActivity.snapshot);
}

/** What the console knows about one instance beyond EC2's row: a waiter on it, the last refusal. */
export function useInstanceActivity(region: string, id: string): { waiting?: Waiting; note?: InstanceNote } {
  useActivityVersion();
  const waiting = instanceActivity.waitingFor(region, id);
  const note = instanceActivity.noteFor(region, id);
  return { ...(waiting ? { waiting } : {}), ...(note ? { note } : {}) };
}

/** Re-render when any instance's activity changes (the list's notes column reads it per row). */
export function useActivityChanges(): number {
  return useActivityVersion();
}

/**
 * Like the SDK's waiters, for the instances an action left changing: DescribeInstances with just their
 * ids every 2 s, each row updated in place, each instance dropped from the poll once it reaches its
 * state (or cannot); the poll stops when none is left. A waiter past its time says so beside the instance.
 */
export function useInstanceWaiter(region: string): void {
  const qc = useQueryClient();
  useActivityVersion();
  const waiting = instanceActivity.waitingIn(region);
  const latest = waiting.reduce((m, w) => Math.max(m, w.since), 0);
  const isSettled = (data: Instance[]) =>
    data.every((i) => {
      const w = instanceActivity.waitingFor(region, i.id);
      return !w || waiterResult(w.target, i.state) !== 'waiting';
    });
  const poll = useQuery({
    queryKey: ec2Keys.watch(region) as readonly unknown[],
    // The ids are read when the poll runs, so instances that settled in between are no longer asked about.
    queryFn: ({ signal }) => {
      const ids = instanceActivity.waitingIn(region).map((w) => w.id);
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
    for (const w of instanceActivity.waitingIn(region)) {
      const instance = data.find((i) => i.id === w.id);
      // Asked before this instance was added: the next poll covers it.
      if (!instance && dataUpdatedAt < w.since) continue;
      const result = instance ? waiterResult(w.target, instance.state) : 'failed';
      if (result === 'done') {
        instanceActivity.stopWaiting(region, [w.id]);
        isDone = true;
      } else if (result === 'failed') {
        instanceActivity.stopWaiting(region, [w.id]);
        instanceActivity.note(region, w.id, {
          kind: 'error',
          message: instance
            ? `Became ${humaniseStatus(instance.state).toLowerCase()} while waiting for ${w.target}`
            : `No longer listed by EC2 while waiting for ${w.target}`,
        });
        isDone = true;
      } else if (hasGivenUp(w.since, WAITER_TIMEOUT_MS, now)) {
        instanceActivity.stopWaiting(region, [w.id]);
        instanceActivity.note(region, w.id, {
          kind: 'gave-up',
          message: `Stopped waiting for ${w.target} after ${Math.round(WAITER_TIMEOUT_MS / 60_000)} min: still ${instance?.state ?? 'unknown'}. Refresh to check again.`,
        });
      }
    }
    if (isDone) void qc.invalidateQueries({ queryKey: ec2Keys.stateCounts(region) });
  }, [data, dataUpdatedAt, qc, region]);

  // An instance that no longer exists makes the whole poll fail (InvalidInstanceID.NotFound): stop waiting on all.
  useEffect(() => {
    if (!error) return;
    const ids = instanceActivity.waitingIn(region).map((w) => w.id);
    if (/NotFound/.test(error.name)) {
      instanceActivity.stopWaiting(region, ids);
      for (const id of ids)
        instanceActivity.note(region, id, { kind: 'gave-up', message: `Stopped waiting: ${error.message}` });
    }
  }, [error, region]);
}
