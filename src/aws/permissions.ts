import { VersionedStore } from './versioned-store';
import { toAppError } from './errors';

/**
 * What this session has learned it may not do: filled from forbidden errors (and EC2 DryRun probes),
 * read by action buttons so they can be disabled with the reason instead of failing again.
 * Keyed by IAM action and resource; a denial without a known resource covers the action everywhere.
 */
export class DeniedActions extends VersionedStore {
  private readonly denied = new Map<string, string>();

  private static key(action: string, resource?: string): string {
    return `${action.toLowerCase()}|${resource ?? '*'}`;
  }

  markDenied(action: string, resource?: string): void {
    const key = DeniedActions.key(action, resource);
    if (this.denied.has(key)) return;
    this.denied.set(key, action);
    this.changed();
  }

  /** Record what a failed call reveals; returns true when it was a denial. */
  recordError(error: unknown, fallbackAction?: string, fallbackResource?: string): boolean {
    const e = toAppError(error);
    if (e.kind !== 'forbidden') return false;
    const action = e.action ?? fallbackAction;
    if (action) this.markDenied(action, e.resource ?? fallbackResource);
    return true;
  }

  /** "needs ec2:StopInstances" when the action is known to be denied (on this resource or everywhere). */
  reasonFor(action: string, resource?: string): string | undefined {
    const hit =
      (resource !== undefined && this.denied.get(DeniedActions.key(action, resource))) ||
      this.denied.get(DeniedActions.key(action));
    return hit ? `Your role does not allow ${hit}` : undefined;
  }

  /** True when any write-like action has been denied: the header shows a read-only marker then. */
  hasDeniedWrites(): boolean {
    for (const action of this.denied.values())
      if (!/:(Describe|List|Get|Head|Scan|Query|Receive|BatchGet)/i.test(action)) return true;
    return false;
  }

  clear(): void {
    if (this.denied.size === 0) return;
    this.denied.clear();
    this.changed();
  }
}
