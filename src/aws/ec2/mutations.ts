import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { failureMessage, useAwsMutation } from '../mutation';
import { currentSession } from '../session';
import { OPERATION_OF, performInstanceAction, type ActionOutcome } from './actions';
import { patchInstances, shownInstances, storeInstances } from './cache';
import { createTags, deleteTags, describeInstances, type Instance, type InstanceAction, type Tag } from './instances';
import { ec2Keys } from './queries';
import { OPTIMISTIC_STATE, WAITER_OF, waiterResult } from './waiters';

export interface InstanceActionVars {
  action: InstanceAction;
  ids: string[];
  /** Stop only: skip the guest's orderly shutdown. */
  force?: boolean;
}

const VERB: Record<InstanceAction, string> = { start: 'start', stop: 'stop', reboot: 'reboot', terminate: 'terminate' };

/** Put the states shown before back on these instances (the optimistic change did not happen). */
function rollback(qc: QueryClient, region: string, before: Map<string, Instance> | undefined, ids: string[]): void {
  const failed = new Set(ids);
  patchInstances(qc, region, (i) => {
    const old = before?.get(i.id);
    return failed.has(i.id) && old && old.state !== i.state ? { ...i, state: old.state } : i;
  });
}

/** Then ask EC2 for their true state, in case the refused call changed something after all. */
async function refresh(qc: QueryClient, region: string, ids: string[]): Promise<void> {
  try {
    storeInstances(qc, region, await describeInstances({ region, ids }));
  } catch {
    // The rows keep their rolled-back state; the error beside them says what went wrong.
  }
}

function noteFailures(region: string, action: InstanceAction, failures: ActionOutcome['failures']): void {
  for (const f of failures) {
    currentSession().denied.recordError(f.error, `ec2:${OPERATION_OF[action]}`);
    currentSession().instanceActivity.note(region, f.id, {
      kind: 'error',
      message: failureMessage(`${VERB[action]} ${f.id}`, f.error),
    });
  }
}

/**
 * Start, stop, reboot or terminate instances: the transition shows at once (optimistic), EC2's answer per
 * instance replaces it, instances still changing are handed to the waiter (useInstanceWaiter), and each
 * refusal is noted beside its instance, whose row returns to its true state.
 */
export function useInstanceAction(region: string) {
  const qc = useQueryClient();
  return useAwsMutation<InstanceActionVars, ActionOutcome, Map<string, Instance>>({
    describe: (v) => `${VERB[v.action]} ${v.ids.length === 1 ? (v.ids[0] ?? '') : `${v.ids.length} instances`}`,
    action: (v) => `ec2:${OPERATION_OF[v.action]}`,
    mutationFn: (v) => performInstanceAction({ region, ...v }),
    invalidates: () => [ec2Keys.stateCounts(region), ec2Keys.instanceCounts(region)],
    onMutate: async (v) => {
      await qc.cancelQueries({ queryKey: ec2Keys.instanceLists(region) });
      await qc.cancelQueries({ queryKey: [...ec2Keys.instances(region), 'detail'] });
      const before = shownInstances(qc, region, v.ids);
      for (const id of v.ids) currentSession().instanceActivity.note(region, id, undefined);
      const optimistic = OPTIMISTIC_STATE[v.action];
      const ids = new Set(v.ids);
      if (optimistic)
        patchInstances(qc, region, (i) => (ids.has(i.id) && i.state !== optimistic ? { ...i, state: optimistic } : i));
      return before;
    },
    onSuccess: async (outcome, v, before) => {
      const since = Date.now();
      const target = WAITER_OF[v.action];
      // EC2 says where each instance is now (StartInstances/StopInstances/TerminateInstances answer per instance).
      const current = new Map(outcome.changes.map((c) => [c.id, c.currentState]));
      patchInstances(qc, region, (i) => {
        const s = current.get(i.id);
        return s && s !== i.state ? { ...i, state: s } : i;
      });
      if (v.action === 'reboot') {
        const at = new Date(since).toLocaleTimeString();
        for (const c of outcome.changes)
          currentSession().instanceActivity.note(region, c.id, { kind: 'info', message: `Reboot requested at ${at}` });
      } else {
        const changing = outcome.changes
          .filter((c) => waiterResult(target, c.currentState) === 'waiting')
          .map((c) => c.id);
        if (changing.length) currentSession().instanceActivity.wait(region, changing, target, since);
      }
      if (outcome.failures.length) {
        const failed = outcome.failures.map((f) => f.id);
        rollback(qc, region, before, failed);
        noteFailures(region, v.action, outcome.failures);
        await refresh(qc, region, failed);
      }
    },
    onError: async (error, v, before) => {
      rollback(qc, region, before, v.ids);
      noteFailures(
        region,
        v.action,
        v.ids.map((id) => ({ id, error })),
      );
      await refresh(qc, region, v.ids);
    },
  });
}

export interface TagChanges {
  /** Tags to add or overwrite. */
  set: Tag[];
  /** Keys to delete. */
  remove: string[];
}

/** Save an instance's tag edits: DeleteTags for removed keys, then CreateTags for new and changed ones. */
export function useSaveTags(region: string, id: string) {
  const qc = useQueryClient();
  return useAwsMutation<TagChanges, void>({
    describe: () => `save the tags of ${id}`,
    action: (v) => (v.remove.length && !v.set.length ? 'ec2:DeleteTags' : 'ec2:CreateTags'),
    mutationFn: async (v) => {
      if (v.remove.length) await deleteTags({ region, id, keys: v.remove });
      if (v.set.length) await createTags({ region, id, tags: v.set });
    },
    // The detail refetches; list rows get the new tags in place instead of reloading every page.
    invalidates: () => [ec2Keys.instance(region, id)],
    onSuccess: (_data, v) => {
      const removed = new Set(v.remove);
      patchInstances(qc, region, (i) => {
        if (i.id !== id) return i;
        const tags = i.tags.filter((t) => !removed.has(t.key));
        for (const t of v.set) {
          const at = tags.findIndex((x) => x.key === t.key);
          if (at >= 0) tags[at] = t;
          else tags.push(t);
        }
        const name = tags.find((t) => t.key === 'Name')?.value;
        const { name: _old, ...rest } = i;
        return { ...rest, tags, ...(name ? { name } : {}) };
      });
    },
  });
}
