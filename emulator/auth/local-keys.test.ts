import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { startEmulator } from '../index.js';
import { errorOf } from '../testing.js';

const folders: string[] = [];
function folder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'emulator-keys-'));
  folders.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of folders) rmSync(dir, { recursive: true, force: true });
});

const whoAmI = (url: string, credentials: { accessKeyId: string; secretAccessKey: string }) =>
  new STSClient({ endpoint: url, region: 'us-east-1', credentials: { ...credentials } }).send(
    new GetCallerIdentityCommand({}),
  );

describe("a data folder's own static keys", () => {
  it('are random per folder, kept across restarts in a private file, and the only static keys accepted', async () => {
    const dir = folder();
    const first = await startEmulator({ port: 0, dataDir: dir, seed: false, localKeys: true });
    const keys = first.localKeys;
    expect(keys?.accessKeyId).toMatch(/^LKIA[A-Z2-7]{16}$/);
    expect(keys?.secretAccessKey.length).toBeGreaterThanOrEqual(40);
    expect(statSync(join(dir, 'credentials')).mode & 0o777).toBe(0o600);
    expect((await whoAmI(first.url, keys!)).Arn).toMatch(/assumed-role\/EmulatorAdmin\//);
    expect((await errorOf(whoAmI(first.url, { accessKeyId: 'test', secretAccessKey: 'test' }))).name).toBe(
      'InvalidClientTokenId',
    );
    await first.stop();

    const again = await startEmulator({ port: 0, dataDir: dir, seed: false, localKeys: true });
    expect(again.localKeys).toEqual(keys);
    await again.stop();
    const other = await startEmulator({ port: 0, dataDir: folder(), seed: false, localKeys: true });
    expect(other.localKeys?.accessKeyId).not.toBe(keys?.accessKeyId);
    await other.stop();
  });

  it('are what `npm run emulator` accepts and prints by default, instead of test/test', async () => {
    const dir = folder();
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'emulator/cli.ts', '--port', '0', '--data', dir, '--no-seed', '--no-lambda'],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    try {
      let printed = '';
      createInterface({ input: child.stderr }).on('line', (line) => (printed += `${line}\n`));
      const url = await new Promise<string>((resolve, reject) => {
        createInterface({ input: child.stdout }).on('line', (line) => {
          const m = /emulator ready at (\S+)/.exec(line);
          if (m?.[1]) resolve(m[1]);
        });
        child.once('exit', (code) => reject(new Error(`emulator exited with ${String(code)}: ${printed}`)));
      });
      const line =
        /export AWS_ACCESS_KEY_ID=(\S+) AWS_SECRET_ACCESS_KEY=(\S+) AWS_REGION=us-east-1 AWS_ENDPOINT_URL=(\S+)/.exec(
          printed,
        );
      expect(line?.[3]).toBe(url);
      const keys = { accessKeyId: line?.[1] ?? '', secretAccessKey: line?.[2] ?? '' };
      expect((await whoAmI(url, keys)).Arn).toMatch(/EmulatorAdmin/);
      expect((await errorOf(whoAmI(url, { accessKeyId: 'test', secretAccessKey: 'test' }))).name).toBe(
        'InvalidClientTokenId',
      );
    } finally {
      child.kill('SIGTERM');
      await exited;
    }
  });
});
