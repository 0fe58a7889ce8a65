import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { atomicWrite } from './store.js';

/** An Event invocation waiting to run, kept as a file until it succeeded or went to its failure destination. */
export interface QueuedEvent {
  id: string;
  region: string;
  functionName: string;
  qualifier: string;
  payload: string;
  /** Attempts made so far (AWS makes three: the first and two retries). */
  attempts: number;
  /** Epoch ms before which the next attempt must not start. */
  notBefore: number;
  enqueuedAt: number;
  lastError?: { errorType: string; errorMessage: string };
}

/** Durable Event invocations: written with fsync before Invoke answers 202, replayed after a restart. */
export class AsyncQueue {
  private readonly dir: string;
  private readonly events = new Map<string, QueuedEvent>();

  constructor(dataDir: string) {
    this.dir = join(dataDir, 'async');
    mkdirSync(this.dir, { recursive: true });
    for (const file of readdirSync(this.dir)) {
      if (!file.endsWith('.json')) continue;
      try {
        const ev = JSON.parse(readFileSync(join(this.dir, file), 'utf8')) as QueuedEvent;
        this.events.set(ev.id, ev);
      } catch {
        rmSync(join(this.dir, file), { force: true });
      }
    }
  }

  add(ev: QueuedEvent): void {
    this.save(ev);
  }

  save(ev: QueuedEvent): void {
    atomicWrite(join(this.dir, `${ev.id}.json`), JSON.stringify(ev));
    this.events.set(ev.id, ev);
  }

  done(id: string): void {
    rmSync(join(this.dir, `${id}.json`), { force: true });
    this.events.delete(id);
  }

  /** Events due now, oldest first. */
  due(now: number): QueuedEvent[] {
    return [...this.events.values()].filter((e) => e.notBefore <= now).sort((a, b) => a.enqueuedAt - b.enqueuedAt);
  }

  size(): number {
    return this.events.size;
  }

  wipe(): void {
    rmSync(this.dir, { recursive: true, force: true });
    mkdirSync(this.dir, { recursive: true });
    this.events.clear();
  }
}
