/**
 * Many single-item writes may run together (dynalite locks per key); a transaction runs alone, so no
 * other write lands between its condition checks and its last write.
 */
export class ReadWriteLock {
  private shared = 0;
  private exclusive = false;
  private waiting: Array<{ exclusive: boolean; wake: () => void }> = [];

  async withShared<T>(fn: () => Promise<T>): Promise<T> {
    await this.acquire(false);
    try {
      return await fn();
    } finally {
      this.shared--;
      this.pump();
    }
  }

  async withExclusive<T>(fn: () => Promise<T>): Promise<T> {
    await this.acquire(true);
    try {
      return await fn();
    } finally {
      this.exclusive = false;
      this.pump();
    }
  }

  private acquire(exclusive: boolean): Promise<void> {
    // Queue behind waiters too, so a stream of single writes cannot starve a transaction.
    if (this.waiting.length === 0 && this.grantable(exclusive)) {
      this.take(exclusive);
      return Promise.resolve();
    }
    return new Promise((wake) => this.waiting.push({ exclusive, wake }));
  }

  private grantable(exclusive: boolean): boolean {
    return exclusive ? !this.exclusive && this.shared === 0 : !this.exclusive;
  }

  private take(exclusive: boolean): void {
    if (exclusive) this.exclusive = true;
    else this.shared++;
  }

  private pump(): void {
    while (this.waiting.length > 0) {
      const next = this.waiting[0];
      if (!next || !this.grantable(next.exclusive)) return;
      this.waiting.shift();
      this.take(next.exclusive);
      next.wake();
    }
  }
}
