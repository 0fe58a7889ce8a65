// The instances page's data paths against the real emulator in-process, with the real EC2 client.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EC2Client, RunInstancesCommand, TerminateInstancesCommand } from '@aws-sdk/client-ec2';
import { startTestEmulator, type TestEmulator } from '../../../emulator/testing';
import { parseConfig } from '../config';
import { CredentialStore } from '../credentials';
import { activateSession, AwsSession } from '../session';
import { toAppError } from '../errors';
import { performInstanceAction } from './actions';
import { dryRun } from './dry-run';
import {
  countInstanceStates,
  createTags,
  deleteTags,
  describeInstances,
  describeInstanceStatus,
  ec2Filters,
  getInstance,
  listInstances,
  FIRST_PAGE_SIZE,
} from './instances';
import { waiterResult } from './waiters';

let emu: TestEmulator;
let ec2: EC2Client;
let region: string;

async function launch(
  name: string,
  count: number,
  extra: Array<{ Key: string; Value: string }> = [],
): Promise<string[]> {
  const out = await ec2.send(
    new RunInstancesCommand({
      ImageId: 'ami-0a1b2c3d4e5f60718',
      InstanceType: 't3.micro',
      MinCount: count,
      MaxCount: count,
      TagSpecifications: [{ ResourceType: 'instance', Tags: [{ Key: 'Name', Value: name }, ...extra] }],
    }),
  );
  return (out.Instances ?? []).map((i) => i.InstanceId ?? '');
}

async function until(ids: string[], state: string): Promise<void> {
  for (let i = 0; i < 60; i++) {
    const now = await describeInstances({ region, ids });
    if (now.every((x) => x.state === state)) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`not ${state} in time`);
}

beforeAll(async () => {
  emu = await startTestEmulator();
  region = emu.region;
  ec2 = new EC2Client(emu.clientConfig);
  const config = parseConfig({ regions: [region], endpoint: emu.url, auth: { mode: 'static', ...emu.credentials } });
  activateSession(new AwsSession(config, new CredentialStore(async () => ({ ...emu.credentials }))));
});

afterAll(async () => {
  activateSession(undefined);
  await emu?.dispose();
});

describe('EC2 filters', () => {
  it('turns the page filters into EC2 Filters', () => {
    expect(ec2Filters({ state: 'running', q: 'web', type: 't3.micro', zone: 'us-east-1a', tag: 'Env=prod' })).toEqual([
      { Name: 'instance-state-name', Values: ['running'] },
      { Name: 'tag:Name', Values: ['*web*'] },
      { Name: 'tag:Env', Values: ['prod'] },
      { Name: 'instance-type', Values: ['t3.micro'] },
      { Name: 'availability-zone', Values: ['us-east-1a'] },
    ]);
    expect(ec2Filters({ q: 'i-0ab' })).toEqual([{ Name: 'instance-id', Values: ['i-0ab*'] }]);
    expect(ec2Filters({ q: 'i-0123456789abcdef0' })).toEqual([
      { Name: 'instance-id', Values: ['i-0123456789abcdef0'] },
    ]);
    expect(ec2Filters({ q: 'Team=' })).toEqual([{ Name: 'tag-key', Values: ['Team'] }]);
    expect(ec2Filters({ q: '  ' })).toEqual([]);
  });
});

describe('instances against the emulator', () => {
  it('pages through MaxResults and NextToken and filters on EC2', async () => {
    const many = await launch('paged', FIRST_PAGE_SIZE + 20, [{ Key: 'Batch', Value: 'one' }]);
    const first = await listInstances({ region, filters: {} });
    expect(first.items).toHaveLength(FIRST_PAGE_SIZE);
    expect(first.nextToken).toBeDefined();
    const second = await listInstances({ region, filters: {}, token: first.nextToken });
    expect(second.items.length).toBe(20);
    expect(new Set([...first.items, ...second.items].map((i) => i.id)).size).toBe(many.length);

    const [other = ''] = await launch('other-box', 1);
    const byName = await listInstances({ region, filters: { q: 'other' } });
    expect(byName.items.map((i) => i.id)).toEqual([other]);
    const byTag = await listInstances({ region, filters: { tag: 'Batch=one', state: 'pending' } });
    expect(byTag.items.length + (byTag.nextToken ? 1 : 0)).toBeGreaterThan(0);
    expect(byTag.items.every((i) => i.tags.some((t) => t.key === 'Batch'))).toBe(true);
    await ec2.send(new TerminateInstancesCommand({ InstanceIds: [...many, other] }));
  });

  it('counts states exactly in one call for a small fleet, and per state beyond 1,000', async () => {
    const counts = await countInstanceStates({ region });
    expect(counts.requests).toBe(1);
    const total = Object.values(counts.byState).reduce((n, c) => n + c.count, 0);
    expect(total).toBe(FIRST_PAGE_SIZE + 21);
    expect(Object.values(counts.byState).every((c) => !c.hasMore)).toBe(true);
  });

  it('stops, starts and terminates with per-instance state changes, and reports refusals per instance', async () => {
    const [a = '', b = ''] = await launch('actions', 2);
    await until([a, b], 'running');
    const stopped = await performInstanceAction({ region, action: 'stop', ids: [a], force: true });
    expect(stopped.failures).toEqual([]);
    expect(stopped.changes).toEqual([{ id: a, previousState: 'running', currentState: 'stopping' }]);
    expect(waiterResult('stopped', stopped.changes[0]?.currentState)).toBe('waiting');
    await until([a], 'stopped');

    // A stopped instance cannot be rebooted: EC2 refuses the call, then each is asked alone.
    const rebooted = await performInstanceAction({ region, action: 'reboot', ids: [a, b] });
    expect(rebooted.changes.map((c) => c.id)).toEqual([b]);
    expect(rebooted.failures.map((f) => [f.id, toAppError(f.error).code])).toEqual([[a, 'IncorrectInstanceState']]);

    const started = await performInstanceAction({ region, action: 'start', ids: [a] });
    expect(started.changes[0]?.currentState).toBe('pending');
    const terminated = await performInstanceAction({ region, action: 'terminate', ids: [a, b] });
    expect(terminated.changes.map((c) => c.currentState)).toEqual(['shutting-down', 'shutting-down']);
    expect(waiterResult('terminated', 'shutting-down')).toBe('waiting');
    expect(waiterResult('stopped', 'terminated')).toBe('failed');
  });

  it('answers DryRun: allowed for the admin keys, and the call changes nothing', async () => {
    const [id = ''] = await launch('dry', 1);
    const probe = await dryRun({
      region,
      action: 'ec2:TerminateInstances',
      command: (sdk) => new sdk.TerminateInstancesCommand({ InstanceIds: [id], DryRun: true }),
    });
    expect(probe).toEqual({ isAllowed: true, action: 'ec2:TerminateInstances' });
    expect((await getInstance({ region, id })).state).toBe('pending');
  });

  it('adds, changes and removes tags, and reads status checks', async () => {
    const [id = ''] = await launch('tagged', 1, [{ Key: 'Team', Value: 'red' }]);
    await createTags({
      region,
      id,
      tags: [
        { key: 'Team', value: 'blue' },
        { key: 'Owner', value: 'ops' },
      ],
    });
    await deleteTags({ region, id, keys: ['Owner'] });
    const instance = await getInstance({ region, id });
    expect(instance.tags).toEqual([
      { key: 'Name', value: 'tagged' },
      { key: 'Team', value: 'blue' },
    ]);
    expect(instance.name).toBe('tagged');
    const refused = await createTags({ region, id, tags: [{ key: 'aws:x', value: '' }] }).catch((e: unknown) =>
      toAppError(e),
    );
    expect(refused).toMatchObject({ code: 'InvalidParameterValue' });

    await until([id], 'running');
    const status = await describeInstanceStatus({ region, id });
    expect(status.system?.status).toBeDefined();
    expect(status.instance?.status).toBeDefined();
  });
});
