import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DescribeInstancesCommand,
  paginateDescribeInstances,
  type EC2Client,
  type Filter,
  type Instance,
} from '@aws-sdk/client-ec2';
import { startTestEmulator, type TestEmulator } from '../../testing.js';
import { ec2Client, failure, seedEc2Only } from './test-support.js';

let emu: TestEmulator;
let ec2: EC2Client;

beforeAll(async () => {
  emu = await startTestEmulator();
  seedEc2Only(emu);
  ec2 = ec2Client(emu);
});
afterAll(() => emu.dispose());

async function instances(Filters?: Filter[], InstanceIds?: string[]): Promise<Instance[]> {
  const out = await ec2.send(new DescribeInstancesCommand({ Filters, InstanceIds }));
  return (out.Reservations ?? []).flatMap((r) => r.Instances ?? []);
}

const nameOf = (i: Instance) => i.Tags?.find((t) => t.Key === 'Name')?.Value;
const names = (list: Instance[]) => list.map(nameOf).sort();

describe('DescribeInstances on the seeded data', () => {
  it('lists the seeded instances of the caller region with every field the console reads', async () => {
    const all = await instances();
    expect(all.length).toBe(25);
    const web = all.find((i) => nameOf(i) === 'web-prod-1');
    expect(web).toMatchObject({
      State: { Code: 16, Name: 'running' },
      InstanceType: 't3.large',
      Architecture: 'x86_64',
      PlatformDetails: 'Linux/UNIX',
      KeyName: 'ops-prod',
      Placement: { AvailabilityZone: 'us-east-1a' },
      StateTransitionReason: '',
    });
    expect(web?.InstanceId).toMatch(/^i-[0-9a-f]{17}$/);
    expect(web?.ImageId).toMatch(/^ami-/);
    expect(web?.LaunchTime).toBeInstanceOf(Date);
    expect(web?.PrivateIpAddress).toMatch(/^172\.31\./);
    expect(web?.PublicIpAddress).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(web?.VpcId).toMatch(/^vpc-/);
    expect(web?.SubnetId).toMatch(/^subnet-/);
    expect(web?.SecurityGroups?.[0]?.GroupName).toBe('default');
    expect(web?.Tags).toContainEqual({ Key: 'Environment', Value: 'prod' });
    const stopped = all.find((i) => nameOf(i) === 'dev-bob');
    expect(stopped?.State).toEqual({ Code: 80, Name: 'stopped' });
    expect(stopped?.StateTransitionReason).toMatch(/^User initiated \(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d GMT\)$/);
    expect(stopped?.StateReason).toEqual({
      Code: 'Client.UserInitiatedShutdown',
      Message: 'Client.UserInitiatedShutdown: User initiated shutdown',
    });
    expect(stopped?.PublicIpAddress).toBeUndefined();
    expect(all.find((i) => i.InstanceType === 'c6g.large')?.Architecture).toBe('arm64');
  });

  it('seeds every state, several types and zones, and a few instances in eu-west-1', async () => {
    const all = await instances();
    const states = new Set(all.map((i) => i.State?.Name));
    for (const s of ['running', 'stopped', 'terminated']) expect(states).toContain(s);
    expect(new Set(all.map((i) => i.InstanceType)).size).toBeGreaterThanOrEqual(4);
    expect(new Set(all.map((i) => i.Placement?.AvailabilityZone))).toEqual(
      new Set(['us-east-1a', 'us-east-1b', 'us-east-1c']),
    );
    const eu = await ec2Client(emu, 'eu-west-1').send(new DescribeInstancesCommand({}));
    const euInstances = (eu.Reservations ?? []).flatMap((r) => r.Instances ?? []);
    expect(names(euInstances)).toEqual([
      'api-prod-eu-1',
      'dev-eu-1',
      'web-prod-eu-1',
      'web-prod-eu-2',
      'worker-staging-eu-1',
    ]);
    expect(euInstances[0]?.Placement?.AvailabilityZone).toMatch(/^eu-west-1[abc]$/);
  });

  it('groups instances launched together into one reservation', async () => {
    const out = await ec2.send(
      new DescribeInstancesCommand({ Filters: [{ Name: 'tag:Name', Values: ['web-prod-*'] }] }),
    );
    const sizes = (out.Reservations ?? []).map((r) => r.Instances?.length).sort();
    expect(sizes).toEqual([1, 3]);
    expect(out.Reservations?.[0]?.OwnerId).toBe(emu.accountId);
    expect(out.Reservations?.[0]?.ReservationId).toMatch(/^r-[0-9a-f]{17}$/);
  });
});

describe('DescribeInstances filters', () => {
  it('filters by state name, type, zone and instance id', async () => {
    const stopped = await instances([{ Name: 'instance-state-name', Values: ['stopped'] }]);
    expect(stopped.length).toBeGreaterThanOrEqual(6);
    expect(stopped.every((i) => i.State?.Name === 'stopped')).toBe(true);
    const types = await instances([{ Name: 'instance-type', Values: ['m5.xlarge', 'r6g.large'] }]);
    expect(new Set(types.map((i) => i.InstanceType))).toEqual(new Set(['m5.xlarge', 'r6g.large']));
    const zoneC = await instances([{ Name: 'availability-zone', Values: ['us-east-1c'] }]);
    expect(zoneC.length).toBeGreaterThan(0);
    expect(zoneC.every((i) => i.Placement?.AvailabilityZone === 'us-east-1c')).toBe(true);
    const one = zoneC[0]?.InstanceId ?? '';
    expect((await instances([{ Name: 'instance-id', Values: [one] }])).map((i) => i.InstanceId)).toEqual([one]);
  });

  it('filters by tag:KEY, tag-key and tag-value, ANDing filters and ORing values', async () => {
    const dev = await instances([{ Name: 'tag:Environment', Values: ['dev'] }]);
    expect(dev.length).toBeGreaterThan(3);
    expect(dev.every((i) => i.Tags?.some((t) => t.Key === 'Environment' && t.Value === 'dev'))).toBe(true);
    const devRunning = await instances([
      { Name: 'tag:Environment', Values: ['dev'] },
      { Name: 'instance-state-name', Values: ['running'] },
    ]);
    expect(names(devRunning)).toEqual(['dev-alice']);
    expect((await instances([{ Name: 'tag-key', Values: ['Environment'] }])).length).toBe(25);
    expect((await instances([{ Name: 'tag-key', Values: ['Owner'] }])).length).toBe(0);
    expect(names(await instances([{ Name: 'tag-value', Values: ['dev-bob', 'dev-carol'] }]))).toEqual([
      'dev-bob',
      'dev-carol',
    ]);
  });

  it('honours * and ? wildcards, and \\ escapes them', async () => {
    expect(names(await instances([{ Name: 'tag:Name', Values: ['api-prod-?'] }]))).toEqual([
      'api-prod-1',
      'api-prod-2',
      'api-prod-3',
    ]);
    expect(names(await instances([{ Name: 'tag:Name', Values: ['*-staging-1'] }]))).toEqual([
      'api-staging-1',
      'batch-staging-1',
      'web-staging-1',
      'worker-staging-1',
    ]);
    expect(
      (await instances([{ Name: 'instance-type', Values: ['t3.*'] }])).every((i) => i.InstanceType?.startsWith('t3.')),
    ).toBe(true);
    expect(await instances([{ Name: 'tag:Name', Values: ['api-prod-\\?'] }])).toEqual([]);
    expect(await instances([{ Name: 'tag:Name', Values: ['API-PROD-1'] }])).toEqual([]);
  });

  it('refuses an unknown filter name', async () => {
    const err = await failure(instances([{ Name: 'colour', Values: ['blue'] }]));
    expect(err.name).toBe('InvalidParameterValue');
    expect(err.message).toContain("'colour'");
  });
});

describe('DescribeInstances ids', () => {
  it('names every missing id in InvalidInstanceID.NotFound', async () => {
    const [known] = await instances([{ Name: 'tag:Name', Values: ['dev-alice'] }]);
    const missing = ['i-0123456789abcdef0', 'i-0fedcba9876543210'];
    const err = await failure(instances(undefined, [known?.InstanceId ?? '', ...missing]));
    expect(err.name).toBe('InvalidInstanceID.NotFound');
    expect(err.status).toBe(400);
    for (const id of missing) expect(err.message).toContain(id);
    expect(err.message).not.toContain(known?.InstanceId);
  });

  it('refuses ids not shaped like i-[0-9a-f]{8,17} as InvalidInstanceID.Malformed', async () => {
    for (const bad of ['i-xyz', 'instance-1', 'i-0123', 'I-0123456789ABCDEF0', 'i-\u0001<x>&']) {
      expect((await failure(instances(undefined, [bad]))).name).toBe('InvalidInstanceID.Malformed');
    }
    expect((await failure(instances(undefined, ['i-01234567']))).name).toBe('InvalidInstanceID.NotFound');
  });

  it('returns exactly the instances asked for, with filters applied on top', async () => {
    const some = (await instances([{ Name: 'tag:Environment', Values: ['prod'] }])).slice(0, 3);
    const ids = some.map((i) => i.InstanceId ?? '');
    expect((await instances(undefined, ids)).map((i) => i.InstanceId).sort()).toEqual([...ids].sort());
    const stoppedOnly = await instances([{ Name: 'instance-state-name', Values: ['stopped'] }], ids);
    expect(stoppedOnly).toEqual([]);
  });
});

describe('DescribeInstances paging', () => {
  it('pages with MaxResults and NextToken through every instance exactly once', async () => {
    const seen: string[] = [];
    let pages = 0;
    for await (const page of paginateDescribeInstances({ client: ec2, pageSize: 5 }, {})) {
      pages += 1;
      const ids = (page.Reservations ?? []).flatMap((r) => r.Instances ?? []).map((i) => i.InstanceId ?? '');
      expect(ids.length).toBeLessThanOrEqual(5);
      seen.push(...ids);
    }
    expect(pages).toBe(5);
    expect(seen.length).toBe(25);
    expect(new Set(seen).size).toBe(25);
  });

  it('pages filtered results', async () => {
    const first = await ec2.send(
      new DescribeInstancesCommand({ MaxResults: 5, Filters: [{ Name: 'tag:Environment', Values: ['prod'] }] }),
    );
    expect(first.NextToken).toBeTruthy();
    const second = await ec2.send(
      new DescribeInstancesCommand({
        MaxResults: 1000,
        NextToken: first.NextToken,
        Filters: [{ Name: 'tag:Environment', Values: ['prod'] }],
      }),
    );
    expect(second.NextToken).toBeUndefined();
    const count = [first, second].flatMap((p) => (p.Reservations ?? []).flatMap((r) => r.Instances ?? [])).length;
    expect(count).toBe(12);
  });

  it('refuses MaxResults outside 5-1000, MaxResults with InstanceIds, and a foreign NextToken', async () => {
    expect((await failure(ec2.send(new DescribeInstancesCommand({ MaxResults: 4 })))).name).toBe(
      'InvalidParameterValue',
    );
    expect((await failure(ec2.send(new DescribeInstancesCommand({ MaxResults: 1001 })))).name).toBe(
      'InvalidParameterValue',
    );
    expect(
      (await failure(ec2.send(new DescribeInstancesCommand({ MaxResults: 5, InstanceIds: ['i-01234567'] })))).name,
    ).toBe('InvalidParameterCombination');
    expect((await failure(ec2.send(new DescribeInstancesCommand({ NextToken: 'not-a-token' })))).name).toBe(
      'InvalidParameterValue',
    );
  });
});
