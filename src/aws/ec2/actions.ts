import { toAppError } from '../errors';
import { INSTANCE_ACTION_OPERATION, runInstanceAction, type InstanceAction, type StateChange } from './instances';

export const OPERATION_OF: Record<InstanceAction, string> = INSTANCE_ACTION_OPERATION;

export interface ActionOutcome {
  changes: StateChange[];
  /** Instances EC2 refused or failed, each with its own error. */
  failures: Array<{ id: string; error: unknown }>;
}

/** Errors that concern one instance of a call (its state, its id), not the call as a whole. */
function isPerInstance(error: unknown): boolean {
  const e = toAppError(error);
  return (
    e.code === 'IncorrectInstanceState' || e.code === 'InvalidInstanceID.NotFound' || e.code === 'UnsupportedOperation'
  );
}

/**
 * Start, stop, reboot or terminate, with an answer per instance. EC2 refuses a whole call when one
 * instance cannot take the action; then each instance is asked on its own, so the others still go and
 * each refusal lands beside its instance. A failure of the call itself (denied, throttled, 500) is every
 * instance's failure.
 */
export async function performInstanceAction(
  params: { region: string; action: InstanceAction; ids: string[]; force?: boolean },
  signal?: AbortSignal,
): Promise<ActionOutcome> {
  try {
    return { changes: await runInstanceAction(params, signal), failures: [] };
  } catch (error) {
    if (params.ids.length === 1 || !isPerInstance(error))
      return { changes: [], failures: params.ids.map((id) => ({ id, error })) };
  }
  const results = await Promise.all(
    params.ids.map((id) =>
      runInstanceAction({ ...params, ids: [id] }, signal).then(
        (changes) => ({ changes, failure: undefined }),
        (error: unknown) => ({ changes: [], failure: { id, error } }),
      ),
    ),
  );
  return {
    changes: results.flatMap((r) => r.changes),
    failures: results.flatMap((r) => (r.failure ? [r.failure] : [])),
  };
}
