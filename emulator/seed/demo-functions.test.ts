import { InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { DescribeSecretCommand, GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorOf, startTestEmulator, type TestEmulator } from '../testing.js';

/** The seeded functions and secrets do what their descriptions say, from a fully seeded data folder. */
let emu: TestEmulator;
let lambda: LambdaClient;
let secrets: SecretsManagerClient;

beforeAll(async () => {
  emu = await startTestEmulator({ seed: true });
  lambda = new LambdaClient(emu.clientConfig);
  secrets = new SecretsManagerClient(emu.clientConfig);
}, 60_000);
afterAll(() => emu.dispose());

const invoke = async (FunctionName: string, payload: unknown = {}) => {
  const out = await lambda.send(new InvokeCommand({ FunctionName, Payload: Buffer.from(JSON.stringify(payload)) }));
  return {
    error: out.FunctionError,
    body: JSON.parse(Buffer.from(out.Payload ?? []).toString('utf8')) as Record<string, unknown>,
  };
};

describe('demo functions', () => {
  it('process-image reads a seeded S3 object under its own role', async () => {
    const out = await invoke('process-image', { bucket: 'demo-assets', key: 'images/banners/banner-01.png' });
    expect(out.error).toBeUndefined();
    expect(out.body).toMatchObject({ contentType: 'image/png' });
    expect(out.body.size).toBeGreaterThan(0);
  });

  it('echo answers its event; fails throws; slow times out', async () => {
    expect((await invoke('echo', { a: 1 })).body.event).toEqual({ a: 1 });
    const failed = await invoke('fails');
    expect(failed.error).toBe('Unhandled');
    expect(failed.body.errorMessage).toBe('This function always fails');
    const slow = await invoke('slow');
    expect(slow.error).toBe('Unhandled');
    expect(slow.body.errorMessage).toMatch(/Task timed out after 2\.00 seconds/);
  }, 15_000);

  it('order-lookup reads the database secret and an order', async () => {
    const out = await invoke('order-lookup', { orderId: 'ORD-00001' });
    expect(out.error).toBeUndefined();
    expect(out.body.database).toEqual({ host: 'db.internal.example.com', username: 'app_user' });
    expect((out.body.order as { orderId: { S: string } }).orderId.S).toBe('ORD-00001');
  });
});

describe('demo secrets', () => {
  it('hold JSON, a plain string, and one with a previous version; the viewer cannot read them', async () => {
    const db = JSON.parse(
      (await secrets.send(new GetSecretValueCommand({ SecretId: 'prod/database/postgres' }))).SecretString ?? '{}',
    ) as Record<string, unknown>;
    expect(Object.keys(db)).toEqual(expect.arrayContaining(['username', 'password', 'host']));
    expect((await secrets.send(new GetSecretValueCommand({ SecretId: 'prod/payments/api-key' }))).SecretString).toMatch(
      /^sk_demo_/,
    );
    const stages = Object.values(
      (await secrets.send(new DescribeSecretCommand({ SecretId: 'staging/app/session-secret' }))).VersionIdsToStages ??
        {},
    ).flat();
    expect(stages.sort()).toEqual(['AWSCURRENT', 'AWSPREVIOUS']);
    const viewer = new SecretsManagerClient({ ...emu.clientConfig, credentials: emu.viewerCredentials });
    expect((await errorOf(viewer.send(new GetSecretValueCommand({ SecretId: 'prod/database/postgres' })))).name).toBe(
      'AccessDeniedException',
    );
  });
});
