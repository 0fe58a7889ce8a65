import { describe, expect, it, vi } from 'vitest';
import { TaskStore, type TaskContext } from './tasks';

/** A run the test drives by hand: it reports progress when told and settles when told. */
function controlled() {
  let ctx: TaskContext | undefined;
  let resolve!: () => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  const run = vi.fn((c: TaskContext) => {
    ctx = c;
    c.signal.addEventListener('abort', () => {
      const e = new Error('The operation was aborted');
      e.name = 'AbortError';
      reject(e);
    });
    return promise;
  });
  return {
    run,
    get ctx() {
      if (!ctx) throw new Error('not started');
      return ctx;
    },
    resolve: () => resolve(),
    reject: (e: unknown) => reject(e),
  };
}

const settle = () => new Promise((r) => setTimeout(r, 0));

function byId(store: TaskStore, id: string) {
  store.flush();
  const t = store.snapshot().find((s) => s.id === id);
  if (!t) throw new Error(`no task ${id}`);
  return t;
}

describe('TaskStore', () => {
  it('reports progress, a smoothed rate and time left, and ends done', async () => {
    let now = 1_000;
    const store = new TaskStore({ now: () => now });
    const job = controlled();
    const id = store.start({ title: 'Upload a.bin', unit: 'bytes', total: 1000, run: job.run });
    expect(byId(store, id)).toMatchObject({ status: 'running', done: 0, total: 1000, unit: 'bytes' });

    now += 1000;
    job.ctx.progress(100);
    expect(byId(store, id)).toMatchObject({ done: 100, rate: 100, etaSeconds: 9 });

    now += 1000;
    job.ctx.progress(400); // 300/s now: the rate moves toward it but stays smoothed
    const t = byId(store, id);
    expect(t.rate).toBeGreaterThan(100);
    expect(t.rate).toBeLessThan(300);
    expect(t.etaSeconds).toBeCloseTo(600 / t.rate!, 5);

    job.ctx.setDetail('part 2 of 3');
    expect(byId(store, id).detail).toBe('part 2 of 3');

    job.resolve();
    await settle();
    expect(byId(store, id)).toMatchObject({ status: 'done', done: 1000, finishedAt: now });
    expect(byId(store, id).rate).toBeUndefined();
  });

  it('throttles progress notifications and keeps the snapshot stable between them', async () => {
    vi.useFakeTimers();
    try {
      const store = new TaskStore({ throttleMs: 100 });
      const listener = vi.fn();
      store.subscribe(listener);
      const job = controlled();
      store.start({ title: 'Import', total: 10_000, run: job.run });
      await vi.advanceTimersByTimeAsync(0);
      expect(listener).toHaveBeenCalledTimes(1);
      const before = store.snapshot();
      for (let i = 1; i <= 1000; i++) job.ctx.progress(i);
      expect(store.snapshot()).toBe(before);
      expect(listener).toHaveBeenCalledTimes(1);
      await vi.advanceTimersByTimeAsync(100);
      expect(listener).toHaveBeenCalledTimes(2);
      expect(store.snapshot()[0]?.done).toBe(1000);
    } finally {
      vi.useRealTimers();
    }
  });

  it('shows state changes at once, but no more often than urgentGapMs', async () => {
    vi.useFakeTimers();
    try {
      const store = new TaskStore({ urgentGapMs: 50 });
      const listener = vi.fn();
      store.subscribe(listener);
      const jobs = [controlled(), controlled(), controlled()];
      store.start({ title: 'a.txt', run: jobs[0]!.run });
      await vi.advanceTimersByTimeAsync(0);
      expect(listener).toHaveBeenCalledTimes(1);
      // Two more starts and a finish within the gap: one publish when it ends, showing all of them.
      store.start({ title: 'b.txt', run: jobs[1]!.run });
      jobs[0]!.resolve();
      await vi.advanceTimersByTimeAsync(0);
      store.start({ title: 'c.txt', run: jobs[2]!.run });
      await vi.advanceTimersByTimeAsync(10);
      expect(listener).toHaveBeenCalledTimes(1);
      await vi.advanceTimersByTimeAsync(40);
      expect(listener).toHaveBeenCalledTimes(2);
      expect(store.snapshot().map((t) => [t.title, t.status])).toEqual([
        ['a.txt', 'done'],
        ['b.txt', 'running'],
        ['c.txt', 'running'],
      ]);
      // After a quiet spell, the next change shows at once again.
      await vi.advanceTimersByTimeAsync(100);
      jobs[1]!.resolve();
      await vi.advanceTimersByTimeAsync(0);
      expect(listener).toHaveBeenCalledTimes(3);
    } finally {
      vi.useRealTimers();
    }
  });

  it('a run that throws fails with its message', async () => {
    const store = new TaskStore();
    const id = store.start({
      title: 'Delete 3 objects',
      run: () => Promise.reject(new Error('Access Denied')),
    });
    await settle();
    expect(byId(store, id)).toMatchObject({ status: 'failed', error: 'Access Denied' });
  });

  it('cancel aborts the run and marks it cancelled, ignoring later progress', async () => {
    const store = new TaskStore();
    const job = controlled();
    const id = store.start({ title: 'Redrive', total: 10, run: job.run });
    job.ctx.progress(3);
    store.cancel(id);
    expect(job.ctx.signal.aborted).toBe(true);
    expect(byId(store, id).status).toBe('cancelled');
    job.ctx.progress(9);
    await settle();
    expect(byId(store, id)).toMatchObject({ status: 'cancelled', done: 3 });
    expect(byId(store, id).error).toBeUndefined();
  });

  it('cancelAll aborts running and queued tasks; cancelGroup only its group', async () => {
    const store = new TaskStore({ defaultConcurrency: 1 });
    const a = controlled();
    const b = controlled();
    const c = controlled();
    const ida = store.start({ title: 'a', group: 'batch', run: a.run });
    const idb = store.start({ title: 'b', group: 'batch', run: b.run });
    const idc = store.start({ title: 'c', run: c.run });
    store.cancelGroup('batch');
    await settle();
    expect(byId(store, ida).status).toBe('cancelled');
    expect(byId(store, idb).status).toBe('cancelled');
    expect(b.run).not.toHaveBeenCalled();
    expect(byId(store, idc).status).toBe('running');

    store.cancelAll();
    await settle();
    expect(c.ctx.signal.aborted).toBe(true);
    expect(store.snapshot().map((t) => t.status)).toEqual(['cancelled', 'cancelled', 'cancelled']);

    store.clearFinished();
    store.flush();
    expect(store.snapshot()).toEqual([]);
  });

  it('queues beyond the concurrency limit: 5 tasks with 2 slots run 2 at a time, then all finish', async () => {
    const store = new TaskStore();
    store.setConcurrency('uploads', 2);
    const jobs = Array.from({ length: 5 }, () => controlled());
    const ids = jobs.map((job, i) => store.start({ title: `file ${i}`, queue: 'uploads', run: job.run }));
    const statuses = () => ids.map((id) => byId(store, id).status);
    expect(statuses()).toEqual(['running', 'running', 'queued', 'queued', 'queued']);

    jobs[0]!.resolve();
    await settle();
    expect(statuses()).toEqual(['done', 'running', 'running', 'queued', 'queued']);

    for (const job of jobs.slice(1)) {
      job.resolve();
      await settle();
    }
    expect(statuses()).toEqual(['done', 'done', 'done', 'done', 'done']);
    expect(jobs.every((j) => j.run.mock.calls.length === 1)).toBe(true);
  });

  it('keeps per-item errors, so a finished bulk task is done with N errors', async () => {
    const store = new TaskStore();
    const id = store.start({
      title: 'Delete 3 objects',
      total: 3,
      run: async (ctx) => {
        ctx.progress(1);
        ctx.itemError('logs/b.txt', 'Access Denied');
        ctx.progress(2);
        ctx.itemError('logs/c.txt', 'Access Denied');
        ctx.progress(3);
      },
    });
    await settle();
    const t = byId(store, id);
    expect(t.status).toBe('done');
    expect(t.itemErrors).toEqual([
      { item: 'logs/b.txt', message: 'Access Denied' },
      { item: 'logs/c.txt', message: 'Access Denied' },
    ]);
  });

  it('1,000 queued tasks stay cheap: one notification, one run at a time per slot', async () => {
    const store = new TaskStore({ defaultConcurrency: 4 });
    const listener = vi.fn();
    store.subscribe(listener);
    const runs: Array<() => void> = [];
    for (let i = 0; i < 1000; i++) {
      store.start({ title: `item ${i}`, run: () => new Promise<void>((r) => runs.push(r)) });
    }
    await settle();
    expect(listener).toHaveBeenCalledTimes(1);
    expect(runs).toHaveLength(4);
    expect(store.snapshot().filter((t) => t.status === 'queued')).toHaveLength(996);
    store.cancelAll();
    await settle();
    expect(runs).toHaveLength(4);
  });
});
