import {
  CreateSecretCommand,
  DescribeSecretCommand,
  GetSecretValueCommand,
  RotateSecretCommand,
  SecretsManagerClient,
} from '@aws-sdk/client-secrets-manager';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestEmulator, type TestEmulator } from '../testing.js';

/** The seeded rotate-secret function rotates a secret under the seeded function role, as the console's Rotate now does. */
let emu: TestEmulator;
let sm: SecretsManagerClient;

beforeAll(async () => {
  emu = await startTestEmulator({ seed: true });
  sm = new SecretsManagerClient(emu.clientConfig);
}, 60_000);
afterAll(() => emu.dispose());

const stagesOf = async (SecretId: string) =>
  (await sm.send(new DescribeSecretCommand({ SecretId }))).VersionIdsToStages ?? {};

describe('rotate-secret', () => {
  it('gives a JSON secret a new password, moves AWSCURRENT and AWSPREVIOUS, and dates the next rotation', async () => {
    const created = await sm.send(
      new CreateSecretCommand({ Name: 'rotated/db', SecretString: JSON.stringify({ username: 'u', password: 'old' }) }),
    );
    const out = await sm.send(
      new RotateSecretCommand({
        SecretId: 'rotated/db',
        RotationLambdaARN: `arn:aws:lambda:${emu.region}:${emu.accountId}:function:rotate-secret`,
        RotationRules: { AutomaticallyAfterDays: 7 },
      }),
    );
    const token = out.VersionId ?? '';
    await expect.poll(async () => (await stagesOf('rotated/db'))[token], { timeout: 10_000 }).toEqual(['AWSCURRENT']);
    expect((await stagesOf('rotated/db'))[created.VersionId ?? '']).toEqual(['AWSPREVIOUS']);
    const value = JSON.parse(
      (await sm.send(new GetSecretValueCommand({ SecretId: 'rotated/db' }))).SecretString ?? '{}',
    ) as { username: string; password: string };
    expect(value.username).toBe('u');
    expect(value.password).not.toBe('old');
    const described = await sm.send(new DescribeSecretCommand({ SecretId: 'rotated/db' }));
    expect(described.RotationEnabled).toBe(true);
    const next = described.NextRotationDate?.getTime() ?? 0;
    expect(next - Date.now()).toBeGreaterThan(6 * 86_400_000);
    expect(next - Date.now()).toBeLessThanOrEqual(7 * 86_400_000);
  }, 30_000);

  it('gives a plain string secret a new random string, and rotates again with the function already set', async () => {
    await sm.send(new CreateSecretCommand({ Name: 'rotated/key', SecretString: 'first' }));
    await sm.send(
      new RotateSecretCommand({
        SecretId: 'rotated/key',
        RotationLambdaARN: `arn:aws:lambda:${emu.region}:${emu.accountId}:function:rotate-secret`,
      }),
    );
    const read = async () => (await sm.send(new GetSecretValueCommand({ SecretId: 'rotated/key' }))).SecretString;
    await expect.poll(read, { timeout: 10_000 }).not.toBe('first');
    const second = await read();
    const again = await sm.send(new RotateSecretCommand({ SecretId: 'rotated/key' }));
    await expect
      .poll(async () => (await stagesOf('rotated/key'))[again.VersionId ?? ''], { timeout: 10_000 })
      .toEqual(['AWSCURRENT']);
    expect(await read()).not.toBe(second);
  }, 30_000);
});
