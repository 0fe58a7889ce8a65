import { mkdirSync, readFileSync, readdirSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { isAbsolute, join, relative } from 'node:path';

/**
 * One emulator per data folder: two would write the same SQLite and LevelDB files and corrupt them.
 * The lock is a file in the folder naming the owning process; a lock whose process has died (kill -9,
 * a crash) is taken over. Before any of this, the port is probed, so an emulator that cannot listen
 * never creates, resets or writes the folder.
 */
export const LOCK_FILE = '.emulator.lock';

interface LockRecord {
  pid: number;
  /** Distinguishes emulators of one process (tests start several); a lock is held only while its holder is. */
  token: string;
  startedAt: string;
}

/** The locks this process holds now (token -> lock file), removed at exit if their emulator never stopped. */
const heldHere = new Map<string, string>();
let exitHookInstalled = false;

function removeHeldLocksAtExit(): void {
  for (const [token, path] of heldHere) if (readLock(path)?.token === token) rmSync(path, { force: true });
}

export class DataFolderInUseError extends Error {
  constructor(
    readonly dataDir: string,
    readonly pid: number,
  ) {
    super(`data folder ${shown(dataDir)} is in use by another emulator (pid ${pid})`);
    this.name = 'DataFolderInUseError';
  }
}

export class PortInUseError extends Error {
  constructor(
    readonly host: string,
    readonly port: number,
  ) {
    super(`port ${port} on ${host} is in use (another emulator or program): stop it or choose another port`);
    this.name = 'PortInUseError';
  }
}

export interface DataLock {
  /** The lock file's path. */
  readonly path: string;
  /** Delete everything in the folder but the lock (`--reset`). */
  empty(): void;
  /** Give the folder up (idempotent). */
  release(): void;
}

/** The folder as the user typed it when it is under the working directory (".aws-local"), else absolute. */
function shown(dataDir: string): string {
  const rel = relative(process.cwd(), dataDir);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : dataDir;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: the process exists but belongs to someone else.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readLock(path: string): LockRecord | undefined {
  try {
    const record = JSON.parse(readFileSync(path, 'utf8')) as Partial<LockRecord>;
    if (typeof record.pid === 'number' && typeof record.token === 'string') return record as LockRecord;
  } catch {
    /* missing or unreadable: not held */
  }
  return undefined;
}

/** Whether the lock's holder still runs: in this process only while its emulator has not stopped. */
function isHeld(record: LockRecord): boolean {
  if (record.pid === process.pid) return heldHere.has(record.token);
  return isAlive(record.pid);
}

/** Throws PortInUseError when `host:port` cannot be bound now. Port 0 (any free port) is never busy. */
export async function assertPortFree(host: string, port: number): Promise<void> {
  if (port === 0) return;
  await new Promise<void>((ok, fail) => {
    const probe = createServer();
    probe.once('error', (e: NodeJS.ErrnoException) =>
      fail(e.code === 'EADDRINUSE' || e.code === 'EACCES' ? new PortInUseError(host, port) : e),
    );
    probe.listen(port, host, () => probe.close(() => ok()));
  });
}

/** Take the data folder for this process, creating it; throws DataFolderInUseError if another emulator runs on it. */
export function lockDataFolder(dataDir: string): DataLock {
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, LOCK_FILE);
  const record: LockRecord = {
    pid: process.pid,
    token: `${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2)}`,
    startedAt: new Date().toISOString(),
  };
  for (let attempt = 0; ; attempt++) {
    try {
      writeFileSync(path, `${JSON.stringify(record)}\n`, { flag: 'wx' });
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const holder = readLock(path);
      // Held, or a second collision after taking a stale lock over (another emulator won the race).
      if ((holder && isHeld(holder)) || attempt > 0) throw new DataFolderInUseError(dataDir, holder?.pid ?? 0);
      // Stale: its process is gone (kill -9, a crash) or its emulator stopped without releasing.
      rmSync(path, { force: true });
    }
  }
  heldHere.set(record.token, path);
  if (!exitHookInstalled) {
    process.once('exit', removeHeldLocksAtExit);
    exitHookInstalled = true;
  }

  function release(): void {
    if (!heldHere.delete(record.token)) return;
    // Only our own lock: never delete one a later emulator took over.
    if (readLock(path)?.token === record.token) {
      try {
        unlinkSync(path);
      } catch {
        /* already gone */
      }
    }
  }

  return {
    path,
    empty() {
      for (const entry of readdirSync(dataDir))
        if (entry !== LOCK_FILE) rmSync(join(dataDir, entry), { recursive: true, force: true });
    },
    release,
  };
}

/** Probe the port, then lock the folder: the order `startEmulator` needs (nothing written if the port is busy). */
export async function claimDataFolder(dataDir: string, host: string, port: number): Promise<DataLock> {
  await assertPortFree(host, port);
  return lockDataFolder(dataDir);
}
