import { send } from '../send';

export type MoveTaskStatus = 'RUNNING' | 'COMPLETED' | 'CANCELLING' | 'CANCELLED' | 'FAILED';

export interface MoveTask {
  /** Only while the task runs. */
  handle?: string;
  status: MoveTaskStatus;
  sourceArn: string;
  destinationArn?: string;
  maxPerSecond?: number;
  moved: number;
  toMove?: number;
  failureReason?: string;
  startedAt?: Date;
}

/** Starts moving a dead-letter queue's messages back to their sources, or to `destinationArn`. */
export async function startMessageMove(params: {
  region: string;
  sourceArn: string;
  destinationArn?: string | undefined;
  maxPerSecond?: number | undefined;
}): Promise<string> {
  const out = await send(
    'sqs',
    params.region,
    (sqs) =>
      new sqs.StartMessageMoveTaskCommand({
        SourceArn: params.sourceArn,
        ...(params.destinationArn ? { DestinationArn: params.destinationArn } : {}),
        ...(params.maxPerSecond ? { MaxNumberOfMessagesPerSecond: params.maxPerSecond } : {}),
      }),
  );
  if (!out.TaskHandle) throw new Error('SQS returned no task handle');
  return out.TaskHandle;
}

/** The most recent move tasks of a source queue, newest first. */
export async function listMessageMoves(
  params: { region: string; sourceArn: string; max?: number },
  signal?: AbortSignal,
): Promise<MoveTask[]> {
  const out = await send(
    'sqs',
    params.region,
    (sqs) => new sqs.ListMessageMoveTasksCommand({ SourceArn: params.sourceArn, MaxResults: params.max ?? 10 }),
    signal,
  );
  return (out.Results ?? []).map((r) => ({
    ...(r.TaskHandle ? { handle: r.TaskHandle } : {}),
    status: (r.Status ?? 'RUNNING') as MoveTaskStatus,
    sourceArn: r.SourceArn ?? params.sourceArn,
    ...(r.DestinationArn ? { destinationArn: r.DestinationArn } : {}),
    ...(r.MaxNumberOfMessagesPerSecond ? { maxPerSecond: r.MaxNumberOfMessagesPerSecond } : {}),
    moved: r.ApproximateNumberOfMessagesMoved ?? 0,
    ...(r.ApproximateNumberOfMessagesToMove !== undefined ? { toMove: r.ApproximateNumberOfMessagesToMove } : {}),
    ...(r.FailureReason ? { failureReason: r.FailureReason } : {}),
    ...(r.StartedTimestamp ? { startedAt: new Date(r.StartedTimestamp) } : {}),
  }));
}

export async function cancelMessageMove(params: { region: string; handle: string }): Promise<number> {
  const out = await send(
    'sqs',
    params.region,
    (sqs) => new sqs.CancelMessageMoveTaskCommand({ TaskHandle: params.handle }),
  );
  return out.ApproximateNumberOfMessagesMoved ?? 0;
}

export const isMoveFinished = (status: MoveTaskStatus) =>
  status === 'COMPLETED' || status === 'FAILED' || status === 'CANCELLED';

/**
 * Our task among the listed ones: the one with our handle while it runs; once finished SQS drops the
 * handle, so the newest finished task started no earlier than ours.
 */
export function findMoveTask(tasks: MoveTask[], handle: string, startedAfter: number): MoveTask | undefined {
  return (
    tasks.find((t) => t.handle === handle) ??
    tasks.find((t) => !t.handle && (t.startedAt === undefined || t.startedAt.getTime() >= startedAfter - 5_000))
  );
}

/**
 * Follows a move task through ListMessageMoveTasks until it is COMPLETED, FAILED or CANCELLED. When
 * `signal` aborts (the user cancels in the task tray) the task is cancelled in SQS too.
 */
export async function watchMessageMove(options: {
  region: string;
  sourceArn: string;
  handle: string;
  startedAt: number;
  signal: AbortSignal;
  onProgress: (task: MoveTask) => void;
  intervalMs?: number;
}): Promise<MoveTask> {
  const { signal } = options;
  let last: MoveTask | undefined;
  for (;;) {
    if (signal.aborted) {
      // The tray's cancel: stop the task in SQS; it may have just finished, which is fine.
      await cancelMessageMove({ region: options.region, handle: options.handle }).catch(() => undefined);
      throw new DOMException('The redrive was cancelled', 'AbortError');
    }
    const tasks = await listMessageMoves({ region: options.region, sourceArn: options.sourceArn, max: 10 });
    const task = findMoveTask(tasks, options.handle, options.startedAt);
    if (task) {
      last = task;
      options.onProgress(task);
      if (isMoveFinished(task.status)) return task;
    } else if (last) {
      return last;
    }
    await new Promise<void>((resolve) => {
      const t = setTimeout(resolve, options.intervalMs ?? 1000);
      signal.addEventListener('abort', () => (clearTimeout(t), resolve()), { once: true });
    });
  }
}
