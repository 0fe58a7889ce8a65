// The Secrets Manager data layer against the real emulator in-process, through the console's own send().
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CreateSecretCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { startTestEmulator, type TestEmulator } from '../../../emulator/testing';
import { activateSession, AwsSession } from '../session';
import { parseConfig } from '../config';
import { CredentialStore } from '../credentials';
import { toAppError } from '../errors';
import { failureMessage } from '../mutation';
import {
  createSecret,
  deleteSecret,
  describeSecret,
  getRandomPassword,
  getSecretValue,
  listSecrets,
  listSecretVersions,
  probeGetSecretValue,
  putSecretValue,
  restoreSecret,
  tagSecret,
  untagSecret,
  updateSecretMetadata,
} from './api';
import { sealValue } from './sealed-value';

let emu: TestEmulator;
let region: string;

function signInAs(credentials: { accessKeyId: string; secretAccessKey: string }) {
  const config = parseConfig({ regions: [region], endpoint: emu.url, auth: { mode: 'static', ...credentials } });
  activateSession(new AwsSession(config, new CredentialStore(async () => ({ ...credentials }))));
}

beforeAll(async () => {
  emu = await startTestEmulator();
  region = emu.region;
  signInAs(emu.credentials);
});

afterAll(async () => {
  activateSession(undefined);
  await emu?.dispose();
});

const stageMap = async (secretId: string) => (await describeSecret({ region, secretId })).versionStages;

describe('listing and describing', () => {
  it('pages ListSecrets, filters by name, description and tag on the server, and marks scheduled deletions', async () => {
    for (const [name, env] of [
      ['list/a', 'prod'],
      ['list/b', 'prod'],
      ['list/c', 'dev'],
    ] as const)
      await createSecret({
        region,
        name,
        description: `about ${name}`,
        tags: [{ key: 'env', value: env }],
        value: sealValue('x'),
      });
    const first = await listSecrets({ region, filters: [{ key: 'name', values: ['list/'] }], limit: 2 });
    expect(first.items).toHaveLength(2);
    expect(first.nextToken).toBeDefined();
    const second = await listSecrets({
      region,
      filters: [{ key: 'name', values: ['list/'] }],
      limit: 2,
      token: first.nextToken,
    });
    expect([...first.items, ...second.items].map((s) => s.name).sort()).toEqual(['list/a', 'list/b', 'list/c']);
    const prod = await listSecrets({ region, filters: [{ key: 'tag-value', values: ['prod'] }] });
    expect(prod.items.map((s) => s.name).sort()).toEqual(['list/a', 'list/b']);
    const byDescription = await listSecrets({ region, filters: [{ key: 'description', values: ['about list/c'] }] });
    expect(byDescription.items.map((s) => s.name)).toEqual(['list/c']);

    await deleteSecret({ region, secretId: 'list/c', recoveryDays: 7 });
    const all = await listSecrets({ region, filters: [{ key: 'name', values: ['list/'] }] });
    const c = all.items.find((s) => s.name === 'list/c');
    expect(c?.deletionAt).toBeInstanceOf(Date);
    const days = ((c?.deletionAt?.getTime() ?? 0) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(6.9);
    expect(days).toBeLessThanOrEqual(7);
    expect(all.items.find((s) => s.name === 'list/a')?.deletionAt).toBeUndefined();
  });

  it('describes metadata, tags and KMS key, and lists versions with their stages', async () => {
    await createSecret({
      region,
      name: 'describe/one',
      description: 'first',
      kmsKeyId: 'alias/demo',
      value: sealValue('v1'),
    });
    await putSecretValue({ region, secretId: 'describe/one', value: sealValue('v2') });
    const d = await describeSecret({ region, secretId: 'describe/one' });
    expect(d).toMatchObject({ name: 'describe/one', description: 'first', kmsKeyId: 'alias/demo' });
    expect(d.isRotationEnabled).toBe(false);
    const versions = await listSecretVersions({ region, secretId: 'describe/one' });
    expect(versions.items.map((v) => v.stages).sort()).toEqual([['AWSCURRENT'], ['AWSPREVIOUS']]);

    await updateSecretMetadata({ region, secretId: 'describe/one', description: 'second', kmsKeyId: 'alias/other' });
    await tagSecret({ region, secretId: 'describe/one', tags: [{ key: 'team', value: 'core' }] });
    expect(await describeSecret({ region, secretId: 'describe/one' })).toMatchObject({
      description: 'second',
      kmsKeyId: 'alias/other',
      tags: [{ key: 'team', value: 'core' }],
    });
    await untagSecret({ region, secretId: 'describe/one', keys: ['team'] });
    expect((await describeSecret({ region, secretId: 'describe/one' })).tags).toEqual([]);
    // Metadata changes make no new version.
    expect((await listSecretVersions({ region, secretId: 'describe/one' })).items).toHaveLength(2);
  });
});

describe('values', () => {
  it('reads a value by stage or version id; a put moves AWSCURRENT to the new version and AWSPREVIOUS to the old', async () => {
    const created = await createSecret({ region, name: 'value/json', value: sealValue('{"user":"a","pass":"1"}') });
    const put = await putSecretValue({ region, secretId: 'value/json', value: sealValue('{"user":"a","pass":"2"}') });
    expect(put.stages).toEqual(['AWSCURRENT']);
    expect(await stageMap('value/json')).toEqual({
      [put.id]: ['AWSCURRENT'],
      [created.versionId ?? '']: ['AWSPREVIOUS'],
    });
    const current = await getSecretValue({ region, secretId: 'value/json' });
    expect(current).toMatchObject({ kind: 'string', text: '{"user":"a","pass":"2"}', versionId: put.id });
    const previous = await getSecretValue({ region, secretId: 'value/json', stage: 'AWSPREVIOUS' });
    expect(previous).toMatchObject({ kind: 'string', text: '{"user":"a","pass":"1"}' });
    const byId = await getSecretValue({ region, secretId: 'value/json', versionId: created.versionId });
    expect(byId).toMatchObject({ text: '{"user":"a","pass":"1"}', stages: ['AWSPREVIOUS'] });
  });

  it('puts with a custom stage label, leaving AWSCURRENT where it was', async () => {
    const created = await createSecret({ region, name: 'value/label', value: sealValue('one') });
    const put = await putSecretValue({ region, secretId: 'value/label', value: sealValue('two'), stages: ['CANARY'] });
    expect(await stageMap('value/label')).toEqual({ [created.versionId ?? '']: ['AWSCURRENT'], [put.id]: ['CANARY'] });
    expect(await getSecretValue({ region, secretId: 'value/label', stage: 'CANARY' })).toMatchObject({ text: 'two' });
  });

  it('shows a binary secret as base64 with its size', async () => {
    const sm = new SecretsManagerClient(emu.clientConfig);
    await sm.send(new CreateSecretCommand({ Name: 'value/binary', SecretBinary: new Uint8Array([0, 1, 2, 250, 255]) }));
    const v = await getSecretValue({ region, secretId: 'value/binary' });
    expect(v).toMatchObject({ kind: 'binary', base64: 'AAEC+v8=', size: 5 });
  });

  it('a refused put (over 64 KB) leaves the old value current, and its failure names no value', async () => {
    await createSecret({ region, name: 'value/big', value: sealValue('small') });
    const before = await stageMap('value/big');
    const big = 'canary-'.padEnd(65_537, 'x');
    const error = await putSecretValue({ region, secretId: 'value/big', value: sealValue(big) }).catch(
      (e: unknown) => e,
    );
    expect(toAppError(error).kind).toBe('invalid');
    expect(failureMessage('put a new value into value/big', error)).not.toContain('canary');
    expect(await stageMap('value/big')).toEqual(before);
    expect(await getSecretValue({ region, secretId: 'value/big' })).toMatchObject({ text: 'small' });
  });

  it('refuses a bad name, a duplicate, and a name scheduled for deletion, each with its own reason', async () => {
    const bad = await createSecret({ region, name: 'has spaces', value: sealValue('x') }).catch((e: unknown) => e);
    expect(toAppError(bad).message).toMatch(/pattern/);
    await createSecret({ region, name: 'dup/one', value: sealValue('x') });
    const dup = await createSecret({ region, name: 'dup/one', value: sealValue('y') }).catch((e: unknown) => e);
    expect(toAppError(dup).code).toBe('ResourceExistsException');
    await deleteSecret({ region, secretId: 'dup/one', recoveryDays: 30 });
    const scheduled = await createSecret({ region, name: 'dup/one', value: sealValue('y') }).catch((e: unknown) => e);
    expect(toAppError(scheduled).message).toMatch(/scheduled for deletion/);
  });

  it('makes random passwords of the asked length and characters', async () => {
    const p = await getRandomPassword({ region, length: 40, excludePunctuation: true });
    expect(p).toMatch(/^[A-Za-z0-9]{40}$/);
  });
});

describe('deletion', () => {
  it('schedules deletion (value unreadable), restores it, and force-deletes without recovery', async () => {
    await createSecret({ region, name: 'del/one', value: sealValue('keep me') });
    const out = await deleteSecret({ region, secretId: 'del/one', recoveryDays: 10 });
    expect(out.deletionAt).toBeInstanceOf(Date);
    const read = await getSecretValue({ region, secretId: 'del/one' }).catch((e: unknown) => e);
    expect(toAppError(read).message).toMatch(/marked for deletion/);
    const again = await deleteSecret({ region, secretId: 'del/one', recoveryDays: 10 }).catch((e: unknown) => e);
    expect(toAppError(again).message).toMatch(/already scheduled for deletion/);
    await restoreSecret({ region, secretId: 'del/one' });
    expect((await describeSecret({ region, secretId: 'del/one' })).deletionAt).toBeUndefined();
    expect(await getSecretValue({ region, secretId: 'del/one' })).toMatchObject({ text: 'keep me' });

    const window = await deleteSecret({ region, secretId: 'del/one', recoveryDays: 3 }).catch((e: unknown) => e);
    expect(toAppError(window).message).toMatch(/between 7 and 30/);
    await deleteSecret({ region, secretId: 'del/one', force: true });
    const gone = await describeSecret({ region, secretId: 'del/one' }).catch((e: unknown) => e);
    expect(toAppError(gone).kind).toBe('not-found');
  });
});

describe('the permission probe', () => {
  it('tells an admin yes without reading the value (the last read date stays unset)', async () => {
    await createSecret({ region, name: 'probe/one', value: sealValue('x') });
    expect(await probeGetSecretValue({ region, secretId: 'probe/one' })).toEqual({ isAllowed: true });
    expect((await describeSecret({ region, secretId: 'probe/one' })).lastAccessedAt).toBeUndefined();
  });
});

describe('the viewer role', () => {
  it('lists and describes but may not read a value, and the denial names secretsmanager:GetSecretValue', async () => {
    await createSecret({ region, name: 'viewer/one', value: sealValue('hidden') });
    signInAs(emu.viewerCredentials);
    try {
      expect((await listSecrets({ region, filters: [{ key: 'name', values: ['viewer/'] }] })).items).toHaveLength(1);
      expect((await describeSecret({ region, secretId: 'viewer/one' })).name).toBe('viewer/one');
      const denied = toAppError(await getSecretValue({ region, secretId: 'viewer/one' }).catch((e: unknown) => e));
      expect(denied.kind).toBe('forbidden');
      expect(denied.action).toBe('secretsmanager:GetSecretValue');
      expect(await probeGetSecretValue({ region, secretId: 'viewer/one' })).toEqual({
        isAllowed: false,
        action: 'secretsmanager:GetSecretValue',
      });
    } finally {
      signInAs(emu.credentials);
    }
  });
});
