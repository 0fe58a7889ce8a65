import { VersionedStore } from '../versioned-store';
import type { WaiterTarget } from './waiters';

export interface Waiting {
  target: WaiterTarget;
  /** When the action was sent; the waiter gives up a while after. */
  since: number;
}

export interface InstanceNote {
  /** error: EC2 refused or failed; gave-up: the waiter stopped asking; info: e.g. "Reboot requested". */
  kind: 'error' | 'gave-up' | 'info';
  message: string;
}

/**
 * What the console is doing to instances right now, per region: which ones it waits on (and for which
 * state) and the last word about each (EC2's refusal, a waiter that gave up). Lives in the session (src/aws/session.ts)
 * so it survives moving between the list and an instance's page, and goes with the session.
 */
export class InstanceActivity extends VersionedStore {
  private readonly waiting = new Map<string, Waiting>();
  private readonly notes = new Map<string, InstanceNote>();

  private static key(region: string, id: string): string {
    return `${region}|${id}`;
  }

  wait(region: string, ids: string[], target: WaiterTarget, since: number): void {
    for (const id of ids) {
      this.waiting.set(InstanceActivity.key(region, id), { target, since });
      this.notes.delete(InstanceActivity.key(region, id));
    }
    this.changed();
  }

  stopWaiting(region: string, ids: string[]): void {
    let changed = false;
    for (const id of ids) changed = this.waiting.delete(InstanceActivity.key(region, id)) || changed;
    if (changed) this.changed();
  }

  waitingFor(region: string, id: string): Waiting | undefined {
    return this.waiting.get(InstanceActivity.key(region, id));
  }

  /** The instances being waited on in a region, with what for. */
  waitingIn(region: string): Array<{ id: string } & Waiting> {
    const out: Array<{ id: string } & Waiting> = [];
    const prefix = `${region}|`;
    for (const [k, w] of this.waiting) if (k.startsWith(prefix)) out.push({ id: k.slice(prefix.length), ...w });
    return out;
  }

  note(region: string, id: string, note: InstanceNote | undefined): void {
    const k = InstanceActivity.key(region, id);
    if (note) this.notes.set(k, note);
    else if (!this.notes.delete(k)) return;
    this.changed();
  }

  noteFor(region: string, id: string): InstanceNote | undefined {
    return this.notes.get(InstanceActivity.key(region, id));
  }

  clear(): void {
    this.waiting.clear();
    this.notes.clear();
    this.changed();
  }
}
