/**
 * A store React reads with useSyncExternalStore: `snapshot()` is a version number that changes with
 * every change, and `changed()` tells the subscribers. The session's small stores (denials, instance
 * activity, names) extend it.
 */
export class VersionedStore {
  private readonly listeners = new Set<() => void>();
  private version = 0;

  subscribe = (fn: () => void): (() => void) => {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  };

  /** Changes whenever the store changes (for useSyncExternalStore). */
  snapshot = (): number => this.version;

  protected changed(): void {
    this.version += 1;
    for (const fn of this.listeners) fn();
  }
}
