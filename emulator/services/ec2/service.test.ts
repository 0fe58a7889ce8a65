import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CreateTagsCommand,
  DescribeAvailabilityZonesCommand,
  DescribeInstancesCommand,
  DescribeRegionsCommand,
  EC2Client,
  RunInstancesCommand,
  StopInstancesCommand,
} from '@aws-sdk/client-ec2';
import { signedRequest, startEmulatorProcess, startTestEmulator, type TestEmulator } from '../../testing.js';
import { describeOne, ec2Client, failure, waitForState } from './test-support.js';
import { createEc2Service } from './index.js';

const AWS_CLI = '/usr/bin/aws';
const KEYS = { accessKeyId: 'AKIAEC2DURABLE', secretAccessKey: 'ec2-durable-secret' };
const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'ec2-durability-'));
  dirs.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('durability', () => {
  it('keeps instances, tags and their state timeline across a restart', async () => {
    const dataDir = tempDir();
    const first = await startTestEmulator({ dataDir });
    const ec2 = ec2Client(first);
    const run = await ec2.send(new RunInstancesCommand({ ImageId: 'ami-0a1b2c3d4e5f60718', MinCount: 1, MaxCount: 1 }));
    const id = run.Instances?.[0]?.InstanceId ?? '';
    await ec2.send(new CreateTagsCommand({ Resources: [id], Tags: [{ Key: 'Name', Value: 'kept' }] }));
    await first.stop();

    // The instance was pending when the emulator stopped; it must come back and settle to running.
    const second = await startTestEmulator({ dataDir });
    const again = ec2Client(second);
    await waitForState(again, id, 'running');
    expect((await describeOne(again, id)).Tags).toEqual([{ Key: 'Name', Value: 'kept' }]);
    await second.stop();
  });

  it('never loses an acknowledged RunInstances or StopInstances to kill -9', async () => {
    const dataDir = tempDir();
    const child = await startEmulatorProcess(dataDir, KEYS);
    const ec2 = new EC2Client({ endpoint: child.url, region: 'eu-west-1', credentials: KEYS });
    const run = await ec2.send(new RunInstancesCommand({ ImageId: 'ami-0a1b2c3d4e5f60718', MinCount: 2, MaxCount: 2 }));
    const [a = '', b = ''] = (run.Instances ?? []).map((i) => i.InstanceId ?? '');
    await waitForState(ec2, a, 'running');
    await ec2.send(new StopInstancesCommand({ InstanceIds: [a] }));
    await child.kill();
    ec2.destroy();

    const back = await startTestEmulator({ dataDir });
    const after = ec2Client(back, 'eu-west-1');
    expect((await describeOne(after, a)).State?.Name).toMatch(/^(stopping|stopped)$/);
    expect((await describeOne(after, b)).State?.Name).toBe('running');
    // Instances live per region.
    expect(
      (await failure(ec2Client(back, 'us-east-1').send(new DescribeInstancesCommand({ InstanceIds: [a] })))).name,
    ).toBe('InvalidInstanceID.NotFound');
    await back.dispose();
  });
});

describe('seed', () => {
  it("writes the demo instances through the service's seed(), once, with counter-made ids", async () => {
    const dataDir = tempDir();
    mkdirSync(join(dataDir, 'ec2'));
    const service = await createEc2Service({
      dataDir: join(dataDir, 'ec2'),
      accountId: '123456789012',
      defaultRegion: 'us-east-1',
      baseUrl: () => '',
      log: () => {},
    });
    await service.seed?.();
    await service.seed?.();
    await service.close();
    const emu = await startTestEmulator({ dataDir });
    const ec2 = ec2Client(emu);
    const all =
      (await ec2.send(new DescribeInstancesCommand({}))).Reservations?.flatMap((r) => r.Instances ?? []) ?? [];
    expect(all).toHaveLength(25);
    const bob = all.find((i) => i.Tags?.some((t) => t.Key === 'Name' && t.Value === 'dev-bob'));
    expect(bob?.InstanceId).toBe('i-0000000000000ec14');
    await emu.stop();
  });
});

describe('protocol and service edges', () => {
  let emu: TestEmulator;
  let ec2: EC2Client;
  beforeAll(async () => {
    emu = await startTestEmulator();
    ec2 = ec2Client(emu);
  });
  afterAll(() => emu.dispose());

  /** A raw signed EC2 query call, for what the SDK would never send. */
  async function rawCall(form: string): Promise<{ status: number; text: string }> {
    const headers = { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' };
    const res = await signedRequest(emu, { service: 'ec2', headers, body: form });
    return { status: res.status, text: await res.text() };
  }

  it('answers EC2 XML with the 2016-11-15 namespace, and EC2 error documents', async () => {
    const ok = await rawCall('Action=DescribeInstances&Version=2016-11-15');
    expect(ok.status).toBe(200);
    expect(ok.text).toMatch(
      /^<\?xml[^>]*>\s*<DescribeInstancesResponse xmlns="http:\/\/ec2\.amazonaws\.com\/doc\/2016-11-15\/"><requestId>[^<]+<\/requestId><reservationSet>/,
    );
    const unknown = await rawCall('Action=LaunchRocket&Version=2016-11-15');
    expect(unknown.status).toBe(400);
    expect(unknown.text).toMatch(
      /<Response><Errors><Error><Code>InvalidAction<\/Code><Message>[^<]+<\/Message><\/Error><\/Errors><RequestID>[^<]+<\/RequestID><\/Response>/,
    );
    expect((await rawCall('%%%garbage=&&==')).text).toContain('<Code>MissingAction</Code>');
    expect((await rawCall('Action=DescribeInstances&MaxResults=lots')).text).toContain(
      '<Code>InvalidParameterValue</Code>',
    );
    expect((await rawCall('Action=StopInstances&InstanceId.1=i-0123456789abcdef0&DryRun=maybe')).text).toContain(
      '<Code>InvalidParameterValue</Code>',
    );
    expect((await rawCall('Action=RunInstances&ImageId=ami-0a1b2c3d4e5f60718')).text).toContain(
      '<Code>MissingParameter</Code>',
    );
    expect((await rawCall('Action=__proto__')).text).toContain('<Code>InvalidAction</Code>');
  });

  it('applies injected faults to EC2 operations', async () => {
    await emu.admin('faults', {
      service: 'ec2',
      operation: 'DescribeInstances',
      error: { code: 'RequestLimitExceeded', status: 503 },
      count: 1,
    });
    const noRetry = new EC2Client({ ...emu.clientConfig, maxAttempts: 1 });
    expect((await failure(noRetry.send(new DescribeInstancesCommand({})))).name).toBe('RequestLimitExceeded');
    expect((await noRetry.send(new DescribeInstancesCommand({}))).Reservations).toEqual([]);
  });

  it('describes regions and the caller region availability zones, with filters', async () => {
    const regions = await ec2.send(new DescribeRegionsCommand({}));
    expect(regions.Regions?.map((r) => r.RegionName)).toEqual(
      expect.arrayContaining(['us-east-1', 'eu-west-1', 'ap-southeast-2']),
    );
    expect(regions.Regions?.find((r) => r.RegionName === 'eu-west-1')).toEqual({
      RegionName: 'eu-west-1',
      Endpoint: 'ec2.eu-west-1.amazonaws.com',
      OptInStatus: 'opt-in-not-required',
    });
    const named = await ec2.send(new DescribeRegionsCommand({ RegionNames: ['eu-west-1'] }));
    expect(named.Regions?.map((r) => r.RegionName)).toEqual(['eu-west-1']);
    const filtered = await ec2.send(
      new DescribeRegionsCommand({ Filters: [{ Name: 'region-name', Values: ['eu-*'] }] }),
    );
    expect(filtered.Regions?.every((r) => r.RegionName?.startsWith('eu-'))).toBe(true);
    expect((await failure(ec2.send(new DescribeRegionsCommand({ RegionNames: ['mars-1'] })))).name).toBe(
      'InvalidParameterValue',
    );

    const zones = await ec2Client(emu, 'eu-west-1').send(new DescribeAvailabilityZonesCommand({}));
    expect(zones.AvailabilityZones?.map((z) => z.ZoneName)).toEqual(['eu-west-1a', 'eu-west-1b', 'eu-west-1c']);
    expect(zones.AvailabilityZones?.[0]).toMatchObject({
      State: 'available',
      RegionName: 'eu-west-1',
      ZoneId: 'euw1-az1',
      ZoneType: 'availability-zone',
    });
    const one = await ec2.send(
      new DescribeAvailabilityZonesCommand({ Filters: [{ Name: 'zone-name', Values: ['us-east-1b'] }] }),
    );
    expect(one.AvailabilityZones?.map((z) => z.ZoneName)).toEqual(['us-east-1b']);
    expect((await failure(ec2.send(new DescribeAvailabilityZonesCommand({ ZoneNames: ['us-east-1z'] })))).name).toBe(
      'InvalidParameterValue',
    );
  });
});

describe.skipIf(!existsSync(AWS_CLI))('the AWS CLI as an independent client', () => {
  let emu: TestEmulator;
  beforeAll(async () => {
    emu = await startTestEmulator();
  });
  afterAll(() => emu.dispose());

  async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
    const env = {
      PATH: process.env.PATH ?? '',
      HOME: tmpdir(),
      AWS_ACCESS_KEY_ID: emu.credentials.accessKeyId,
      AWS_SECRET_ACCESS_KEY: emu.credentials.secretAccessKey,
      AWS_DEFAULT_REGION: emu.region,
      AWS_CONFIG_FILE: '/dev/null',
      AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
      AWS_PAGER: '',
    };
    try {
      const out = await promisify(execFile)(AWS_CLI, ['--endpoint-url', emu.url, '--output', 'json', ...args], { env });
      return { code: 0, stdout: out.stdout, stderr: out.stderr };
    } catch (e) {
      const err = e as { code?: number; stdout?: string; stderr?: string };
      return { code: err.code ?? 1, stdout: err.stdout ?? '', stderr: err.stderr ?? '' };
    }
  }

  it('runs, describes with filters, and stops instances', async () => {
    const run = await cli(
      'ec2',
      'run-instances',
      '--image-id',
      'ami-0a1b2c3d4e5f60718',
      '--count',
      '2',
      '--instance-type',
      't3.micro',
      '--tag-specifications',
      'ResourceType=instance,Tags=[{Key=Name,Value=from-cli}]',
    );
    expect(run.stderr).toBe('');
    const ids = (JSON.parse(run.stdout) as { Instances: Array<{ InstanceId: string }> }).Instances.map(
      (i) => i.InstanceId,
    );
    expect(ids).toHaveLength(2);
    const described = await cli(
      'ec2',
      'describe-instances',
      '--filters',
      'Name=tag:Name,Values=from-cli',
      '--query',
      'Reservations[].Instances[].[InstanceId,State.Name,Placement.AvailabilityZone]',
    );
    const rows = JSON.parse(described.stdout) as string[][];
    expect(rows.map((r) => r[0]).sort()).toEqual([...ids].sort());
    expect(rows[0]?.[2]).toMatch(/^us-east-1/);
    const [missing, dry] = await Promise.all([
      cli('ec2', 'stop-instances', '--instance-ids', 'i-0123456789abcdef0'),
      cli('ec2', 'terminate-instances', '--instance-ids', ids[0] ?? '', '--dry-run'),
    ]);
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toContain('InvalidInstanceID.NotFound');
    expect(dry.stderr).toContain('DryRunOperation');
  });
});
