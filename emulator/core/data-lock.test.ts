import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../index.js';
import { LOCK_FILE, lockDataFolder } from './data-lock.js';

const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'data-lock-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

async function start(dataDir: string, port = 0): Promise<RunningEmulator> {
  const emulator = await startEmulator({ port, dataDir, seed: false, staticCredentials: [] });
  cleanups.push(() => emulator.stop());
  return emulator;
}

/** A pid that no running process has. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(child.stdout);
}

async function busyPort(): Promise<number> {
  const server: Server = createServer();
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  cleanups.push(() => new Promise<void>((ok) => server.close(() => ok())));
  return (server.address() as AddressInfo).port;
}

describe('one emulator per data folder', () => {
  it('a second emulator on a folder in use fails in one line, and the first keeps working', async () => {
    const dir = tempDir();
    const first = await start(dir);

    const second = startEmulator({ port: 0, dataDir: dir, seed: false });
    await expect(second).rejects.toThrow(`data folder ${dir} is in use by another emulator (pid ${process.pid})`);
    const message = await second.then(
      () => '',
      (e: Error) => e.message,
    );
    expect(message).not.toContain('\n');

    const health = await fetch(`${first.url}/_emulator/health`);
    expect(health.ok).toBe(true);
    const reset = await fetch(`${first.url}/_emulator/reset`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${first.adminToken}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ seed: false }),
    });
    expect(reset.ok).toBe(true);
    expect(JSON.parse(readFileSync(join(dir, LOCK_FILE), 'utf8'))).toMatchObject({ pid: process.pid });
  });

  it('the folder is free again once the first emulator stops', async () => {
    const dir = tempDir();
    const first = await start(dir);
    await first.stop();
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
    const again = await start(dir);
    expect((await fetch(`${again.url}/_emulator/health`)).ok).toBe(true);
  });

  it('a lock left by a process that died is taken over', async () => {
    const dir = tempDir();
    const pid = deadPid();
    writeFileSync(join(dir, LOCK_FILE), JSON.stringify({ pid, token: 'gone', startedAt: '2020-01-01T00:00:00Z' }));
    const emulator = await start(dir);
    expect((await fetch(`${emulator.url}/_emulator/health`)).ok).toBe(true);
    expect(JSON.parse(readFileSync(join(dir, LOCK_FILE), 'utf8'))).toMatchObject({ pid: process.pid });
  });

  it('another live process holding the folder is named by its pid', () => {
    const dir = tempDir();
    // The parent of this test process is alive for as long as the test runs.
    writeFileSync(join(dir, LOCK_FILE), JSON.stringify({ pid: process.ppid, token: 'other', startedAt: '' }));
    expect(() => lockDataFolder(dir)).toThrow(`is in use by another emulator (pid ${process.ppid})`);
  });

  it('--reset empties the folder but keeps the lock', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'old.txt'), 'x');
    const emulator = await startEmulator({ port: 0, dataDir: dir, seed: false, reset: true });
    cleanups.push(() => emulator.stop());
    expect(existsSync(join(dir, 'old.txt'))).toBe(false);
    expect(existsSync(join(dir, LOCK_FILE))).toBe(true);
    await expect(startEmulator({ port: 0, dataDir: dir, seed: false })).rejects.toThrow(
      'is in use by another emulator',
    );
  });
});

describe('a busy port', () => {
  it('fails before the data folder is created', async () => {
    const port = await busyPort();
    const dir = join(tempDir(), 'fresh');
    await expect(startEmulator({ port, dataDir: dir, seed: false })).rejects.toThrow(
      `port ${port} on 127.0.0.1 is in use`,
    );
    expect(existsSync(dir)).toBe(false);
  });

  it('fails before an existing folder is written or reset', async () => {
    const port = await busyPort();
    const dir = tempDir();
    writeFileSync(join(dir, 'keep.txt'), 'x');
    await expect(startEmulator({ port, dataDir: dir, seed: false, reset: true })).rejects.toThrow('is in use');
    expect(existsSync(join(dir, 'keep.txt'))).toBe(true);
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
  });
});
