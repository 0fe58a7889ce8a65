import { randomUUID } from 'node:crypto';
import { AwsError } from '../../core/errors.js';
import { redrivePolicyOf } from './attributes.js';
import { optInt, optString, reqString, type Input } from './input.js';
import type { SqsState } from './state.js';
import type { MessageRow, MoveTaskRow, Queue } from './store.js';

/** Messages moved per step when the caller sets no rate. */
const STEP = 100;

const notFound = (what: string) => new AwsError('ResourceNotFoundException', what, 404);

/** TaskHandle: base64 JSON of the task id and its source ARN, as on AWS (so Cancel can authorize on the source). */
export function sourceArnOfHandle(handle: string): string {
  try {
    const parsed = JSON.parse(Buffer.from(handle, 'base64').toString('utf8')) as {
      sourceArn?: unknown;
      taskId?: unknown;
    };
    if (typeof parsed.sourceArn === 'string' && typeof parsed.taskId === 'string') return parsed.sourceArn;
  } catch {
    // fall through
  }
  throw notFound('Task does not exist.');
}

/** Redrive tasks: move messages from a dead-letter queue back to their sources (or a destination), in steps. */
export class MoveTasks {
  private readonly timers = new Map<string, NodeJS.Timeout>();

  constructor(private readonly state: SqsState) {}

  /** Continue tasks that were running when the emulator stopped. */
  resume(): void {
    for (const task of this.state.st.runningTasks.all() as MoveTaskRow[]) this.schedule(task.handle, 0);
  }

  private isDeadLetterQueue(q: Queue): boolean {
    const arn = this.state.arnOf(q);
    return this.state.all().some((s) => redrivePolicyOf(s)?.deadLetterTargetArn === arn);
  }

  start(input: Input) {
    const sourceArn = reqString(input, 'SourceArn');
    const destinationArn = optString(input, 'DestinationArn');
    const rate = optInt(input, 'MaxNumberOfMessagesPerSecond', 1, 500);
    const source = this.state.findByArn(sourceArn);
    if (!source) throw notFound("The resource that you specified for the SourceArn parameter doesn't exist.");
    if (!this.isDeadLetterQueue(source)) {
      throw new AwsError('InvalidParameterValue', 'Source queue must be configured as a Dead Letter Queue.');
    }
    if (destinationArn !== undefined && !this.state.findByArn(destinationArn)) {
      throw notFound("The resource that you specified for the DestinationArn parameter doesn't exist.");
    }
    const running = (this.state.st.tasksBySource.all(sourceArn, 10) as MoveTaskRow[]).some(
      (t) => t.status === 'RUNNING',
    );
    if (running)
      throw new AwsError(
        'UnsupportedOperation',
        'There is already a task running. Only one active task is allowed for a source queue arn at a given time.',
      );
    const handle = Buffer.from(JSON.stringify({ taskId: randomUUID(), sourceArn })).toString('base64');
    const toMove = destinationArn
      ? (this.state.st.countAll.get(source.id) as { n: number }).n
      : (this.state.st.countWithSource.get(source.id) as { n: number }).n;
    this.state.st.insertTask.run(handle, sourceArn, destinationArn ?? null, rate ?? null, toMove, Date.now());
    this.schedule(handle, 0);
    return { TaskHandle: handle };
  }

  private schedule(handle: string, delayMs: number): void {
    const timer = setTimeout(() => {
      this.timers.delete(handle);
      this.step(handle);
    }, delayMs);
    timer.unref();
    this.timers.set(handle, timer);
  }

  private finish(task: MoveTaskRow, status: string, moved: number, reason: string | null): void {
    this.state.st.updateTask.run(status, moved, reason, task.handle);
  }

  private step(handle: string): void {
    const task = this.state.st.taskByHandle.get(handle) as MoveTaskRow | undefined;
    if (!task || task.status !== 'RUNNING') return;
    const source = this.state.findByArn(task.source_arn);
    if (!source) return this.finish(task, 'FAILED', task.moved, 'AWS.SimpleQueueService.NonExistentQueue');
    const fixed = task.destination_arn ? this.state.findByArn(task.destination_arn) : undefined;
    if (task.destination_arn && !fixed)
      return this.finish(task, 'FAILED', task.moved, 'AWS.SimpleQueueService.NonExistentQueue');
    const limit = Math.min(task.rate ?? STEP, Math.max(0, task.to_move - task.moved));
    const rows = (fixed ? this.state.st.dlqMessages : this.state.st.dlqMessagesWithSource).all(
      source.id,
      limit,
    ) as MessageRow[];
    let moved = task.moved;
    const touched = new Set<number>();
    let failure: string | null = null;
    this.state.db.transaction(() => {
      const now = Date.now();
      for (const row of rows) {
        const dest = fixed ?? this.state.findByArn(row.dead_letter_source ?? '');
        if (!dest) {
          failure = 'AWS.SimpleQueueService.NonExistentQueue';
          break;
        }
        this.state.st.redriveBack.run(dest.id, now, row.id);
        touched.add(dest.id);
        moved++;
      }
      this.state.st.updateTask.run('RUNNING', moved, null, handle);
    })();
    for (const id of touched) this.state.notify(id);
    if (failure) return this.finish(task, 'FAILED', moved, failure);
    if (rows.length === 0 || moved >= task.to_move) return this.finish(task, 'COMPLETED', moved, null);
    this.schedule(handle, task.rate ? 1000 : 0);
  }

  cancel(input: Input) {
    const handle = reqString(input, 'TaskHandle');
    sourceArnOfHandle(handle);
    const task = this.state.st.taskByHandle.get(handle) as MoveTaskRow | undefined;
    if (!task) throw notFound('Task does not exist.');
    if (task.status !== 'RUNNING') throw new AwsError('UnsupportedOperation', 'Only active tasks can be cancelled.');
    const timer = this.timers.get(handle);
    if (timer) clearTimeout(timer);
    this.timers.delete(handle);
    this.finish(task, 'CANCELLED', task.moved, null);
    return { ApproximateNumberOfMessagesMoved: task.moved };
  }

  list(input: Input) {
    const sourceArn = reqString(input, 'SourceArn');
    const max = optInt(input, 'MaxResults', 1, 10) ?? 1;
    if (!this.state.findByArn(sourceArn))
      throw notFound("The resource that you specified for the SourceArn parameter doesn't exist.");
    const rows = this.state.st.tasksBySource.all(sourceArn, max) as MoveTaskRow[];
    return {
      Results: rows.map((t) => ({
        TaskHandle: t.status === 'RUNNING' ? t.handle : undefined,
        Status: t.status,
        SourceArn: t.source_arn,
        DestinationArn: t.destination_arn ?? undefined,
        MaxNumberOfMessagesPerSecond: t.rate ?? undefined,
        ApproximateNumberOfMessagesMoved: t.moved,
        ApproximateNumberOfMessagesToMove: t.to_move,
        FailureReason: t.failure_reason ?? undefined,
        StartedTimestamp: t.started_at,
      })),
    };
  }

  stopAll(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }
}
