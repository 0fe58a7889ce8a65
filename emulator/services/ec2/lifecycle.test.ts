import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DescribeInstanceStatusCommand,
  RebootInstancesCommand,
  RunInstancesCommand,
  StartInstancesCommand,
  StopInstancesCommand,
  TerminateInstancesCommand,
  waitUntilInstanceRunning,
  type EC2Client,
  type _InstanceType,
} from '@aws-sdk/client-ec2';
import { startTestEmulator, type TestEmulator } from '../../testing.js';
import { describeOne, ec2Client, failure, waitForState } from './test-support.js';

let emu: TestEmulator;
let ec2: EC2Client;

beforeAll(async () => {
  emu = await startTestEmulator();
  ec2 = ec2Client(emu);
});
afterAll(() => emu.dispose());

async function launch(
  count = 1,
  extra: Partial<ConstructorParameters<typeof RunInstancesCommand>[0]> = {},
): Promise<string[]> {
  const out = await ec2.send(
    new RunInstancesCommand({
      ImageId: 'ami-0a1b2c3d4e5f60718',
      InstanceType: 't3.micro',
      MinCount: count,
      MaxCount: count,
      ...extra,
    }),
  );
  return (out.Instances ?? []).map((i) => i.InstanceId ?? '');
}

async function launchRunning(): Promise<string> {
  const [id = ''] = await launch();
  await waitForState(ec2, id, 'running');
  return id;
}

describe.concurrent('RunInstances', () => {
  it('launches pending instances in one reservation with the asked type, zone, key and tags', async () => {
    const out = await ec2.send(
      new RunInstancesCommand({
        ImageId: 'ami-0a1b2c3d4e5f60718',
        InstanceType: 'c6g.large',
        MinCount: 2,
        MaxCount: 3,
        KeyName: 'my-key',
        Placement: { AvailabilityZone: 'us-east-1c' },
        TagSpecifications: [
          {
            ResourceType: 'instance',
            Tags: [
              { Key: 'Name', Value: 'batch' },
              { Key: 'Environment', Value: 'dev' },
            ],
          },
        ],
      }),
    );
    expect(out.ReservationId).toMatch(/^r-[0-9a-f]{17}$/);
    expect(out.OwnerId).toBe(emu.accountId);
    expect(out.Instances).toHaveLength(3);
    expect(out.Instances?.map((i) => i.AmiLaunchIndex)).toEqual([0, 1, 2]);
    const [first] = out.Instances ?? [];
    expect(first).toMatchObject({
      State: { Code: 0, Name: 'pending' },
      InstanceType: 'c6g.large',
      Architecture: 'arm64',
      KeyName: 'my-key',
      ImageId: 'ami-0a1b2c3d4e5f60718',
      Placement: { AvailabilityZone: 'us-east-1c' },
      Tags: [
        { Key: 'Name', Value: 'batch' },
        { Key: 'Environment', Value: 'dev' },
      ],
    });
    const described = await describeOne(ec2, first?.InstanceId ?? '');
    expect(described.Tags).toEqual(first?.Tags);
    expect(described.SubnetId).toBe(first?.SubnetId);
  });

  it('puts an instance in the zone of the subnet it is given', async () => {
    const [probe = ''] = await launch(1, { Placement: { AvailabilityZone: 'us-east-1b' } });
    const subnet = (await describeOne(ec2, probe)).SubnetId;
    const [id = ''] = await launch(1, { SubnetId: subnet });
    expect((await describeOne(ec2, id)).Placement?.AvailabilityZone).toBe('us-east-1b');
    expect((await failure(launch(1, { SubnetId: 'subnet-0123456789abcdef0' }))).name).toBe('InvalidSubnetID.NotFound');
  });

  it('refuses bad parameters as EC2 does', async () => {
    expect((await failure(launch(1, { ImageId: 'image-1' }))).name).toBe('InvalidAMIID.Malformed');
    expect((await failure(launch(1, { InstanceType: 'huge.box' as _InstanceType }))).name).toBe(
      'InvalidParameterValue',
    );
    expect((await failure(launch(1, { MinCount: 3, MaxCount: 2 }))).name).toBe('InvalidParameterValue');
    expect((await failure(launch(1, { Placement: { AvailabilityZone: 'eu-west-1a' } }))).name).toBe(
      'InvalidParameterValue',
    );
    const err = await failure(
      launch(1, { TagSpecifications: [{ ResourceType: 'instance', Tags: [{ Key: 'aws:x', Value: '1' }] }] }),
    );
    expect(err.name).toBe('InvalidParameterValue');
  });

  it('returns the same instances for a retried ClientToken', async () => {
    const a = await launch(1, { ClientToken: 'token-1' });
    const b = await launch(1, { ClientToken: 'token-1' });
    expect(b).toEqual(a);
  });
});

describe.concurrent('state machine', () => {
  it('goes pending -> running in about 2 s (the SDK waiter sees it)', async () => {
    const [id = ''] = await launch();
    expect((await describeOne(ec2, id)).State?.Name).toBe('pending');
    const took = await waitForState(ec2, id, 'running');
    expect(took).toBeGreaterThan(1200);
    expect(took).toBeLessThan(4000);
    const running = await describeOne(ec2, id);
    expect(running.State).toEqual({ Code: 16, Name: 'running' });
    expect(running.StateReason).toBeUndefined();
    const [other = ''] = await launch();
    const result = await waitUntilInstanceRunning(
      { client: ec2, maxWaitTime: 10, minDelay: 1, maxDelay: 1 },
      { InstanceIds: [other] },
    );
    expect(result.state).toBe('SUCCESS');
  });

  it('stops (running -> stopping -> stopped), restarts, reboots and terminates with previous and current states', async () => {
    const id = await launchRunning();
    const stop = await ec2.send(new StopInstancesCommand({ InstanceIds: [id] }));
    expect(stop.StoppingInstances).toEqual([
      { InstanceId: id, PreviousState: { Code: 16, Name: 'running' }, CurrentState: { Code: 64, Name: 'stopping' } },
    ]);
    const stopping = await describeOne(ec2, id);
    expect(stopping.StateTransitionReason).toMatch(/^User initiated \(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d GMT\)$/);
    expect(stopping.StateReason?.Code).toBe('Client.UserInitiatedShutdown');
    const took = await waitForState(ec2, id, 'stopped');
    expect(took).toBeGreaterThan(2000);
    expect((await describeOne(ec2, id)).PublicIpAddress).toBeUndefined();

    // Stopping a stopped instance is a no-op, as on AWS.
    const again = await ec2.send(new StopInstancesCommand({ InstanceIds: [id] }));
    expect(again.StoppingInstances?.[0]?.CurrentState?.Name).toBe('stopped');
    expect(again.StoppingInstances?.[0]?.PreviousState?.Name).toBe('stopped');

    const start = await ec2.send(new StartInstancesCommand({ InstanceIds: [id] }));
    expect(start.StartingInstances).toEqual([
      { InstanceId: id, PreviousState: { Code: 80, Name: 'stopped' }, CurrentState: { Code: 0, Name: 'pending' } },
    ]);
    await waitForState(ec2, id, 'running');
    expect((await describeOne(ec2, id)).PublicIpAddress).toBeTruthy();

    await ec2.send(new RebootInstancesCommand({ InstanceIds: [id] }));
    expect((await describeOne(ec2, id)).State?.Name).toBe('running');

    const term = await ec2.send(new TerminateInstancesCommand({ InstanceIds: [id] }));
    expect(term.TerminatingInstances).toEqual([
      {
        InstanceId: id,
        PreviousState: { Code: 16, Name: 'running' },
        CurrentState: { Code: 32, Name: 'shutting-down' },
      },
    ]);
    await waitForState(ec2, id, 'terminated');
    const gone = await describeOne(ec2, id);
    expect(gone.State).toEqual({ Code: 48, Name: 'terminated' });
    expect(gone.StateReason?.Code).toBe('Client.UserInitiatedShutdown');
  });

  it('stops sooner with Force', async () => {
    const id = await launchRunning();
    await ec2.send(new StopInstancesCommand({ InstanceIds: [id], Force: true }));
    expect(await waitForState(ec2, id, 'stopped')).toBeLessThan(2000);
  });

  it('refuses to start or stop a terminated instance, and reboot a stopped one, changing nothing', async () => {
    const [a = '', b = ''] = await launch(2);
    await ec2.send(new TerminateInstancesCommand({ InstanceIds: [a] }));
    const start = await failure(ec2.send(new StartInstancesCommand({ InstanceIds: [a] })));
    expect(start.name).toBe('IncorrectInstanceState');
    expect(start.message).toContain(a);
    expect((await failure(ec2.send(new StopInstancesCommand({ InstanceIds: [a] })))).name).toBe(
      'IncorrectInstanceState',
    );
    await waitForState(ec2, b, 'running');
    // One refused instance fails the whole call: b stays running.
    expect((await failure(ec2.send(new StopInstancesCommand({ InstanceIds: [b, a] })))).name).toBe(
      'IncorrectInstanceState',
    );
    expect((await describeOne(ec2, b)).State?.Name).toBe('running');
    // Terminating a terminated instance again is allowed and changes nothing.
    const again = await ec2.send(new TerminateInstancesCommand({ InstanceIds: [a] }));
    expect(again.TerminatingInstances?.[0]?.PreviousState?.Name).toMatch(/shutting-down|terminated/);
    await ec2.send(new StopInstancesCommand({ InstanceIds: [b] }));
    await waitForState(ec2, b, 'stopped');
    expect((await failure(ec2.send(new RebootInstancesCommand({ InstanceIds: [b] })))).name).toBe(
      'IncorrectInstanceState',
    );
  });

  it('answers NotFound and Malformed for the actions too', async () => {
    expect((await failure(ec2.send(new StopInstancesCommand({ InstanceIds: ['i-0123456789abcdef0'] })))).name).toBe(
      'InvalidInstanceID.NotFound',
    );
    expect((await failure(ec2.send(new StartInstancesCommand({ InstanceIds: ['bogus'] })))).name).toBe(
      'InvalidInstanceID.Malformed',
    );
    expect((await failure(ec2.send(new TerminateInstancesCommand({ InstanceIds: [] })))).name).toBe('MissingParameter');
  });
});

describe.concurrent('DryRun', () => {
  it('answers DryRunOperation (412) when allowed and changes nothing', async () => {
    const id = await launchRunning();
    for (const send of [
      () => ec2.send(new StopInstancesCommand({ InstanceIds: [id], DryRun: true })),
      () => ec2.send(new TerminateInstancesCommand({ InstanceIds: [id], DryRun: true })),
      () => ec2.send(new RebootInstancesCommand({ InstanceIds: [id], DryRun: true })),
      () => ec2.send(new DescribeInstanceStatusCommand({ DryRun: true })),
      () => launch(1, { DryRun: true }),
    ]) {
      const err = await failure(send());
      expect(err.name).toBe('DryRunOperation');
      expect(err.status).toBe(412);
      expect(err.message).toBe('Request would have succeeded, but DryRun flag is set.');
    }
    expect((await describeOne(ec2, id)).State?.Name).toBe('running');
  });
});

describe.concurrent('DescribeInstanceStatus', () => {
  it('lists running instances by default and every state with IncludeAllInstances', async () => {
    const [running = '', stopped = ''] = await launch(2);
    await waitForState(ec2, running, 'running');
    await ec2.send(new StopInstancesCommand({ InstanceIds: [stopped], Force: true }));
    await waitForState(ec2, stopped, 'stopped');

    const ids = [running, stopped];
    const byDefault = await ec2.send(new DescribeInstanceStatusCommand({ InstanceIds: ids }));
    expect(byDefault.InstanceStatuses?.map((s) => s.InstanceId)).toEqual([running]);
    expect(byDefault.InstanceStatuses?.[0]).toMatchObject({
      InstanceState: { Code: 16, Name: 'running' },
      InstanceStatus: { Status: 'ok' },
      SystemStatus: { Status: 'ok' },
    });
    expect(byDefault.InstanceStatuses?.[0]?.AvailabilityZone).toMatch(/^us-east-1[a-f]$/);

    const all = await ec2.send(new DescribeInstanceStatusCommand({ InstanceIds: ids, IncludeAllInstances: true }));
    const stoppedStatus = all.InstanceStatuses?.find((s) => s.InstanceId === stopped);
    expect(stoppedStatus?.InstanceState?.Name).toBe('stopped');
    expect(stoppedStatus?.InstanceStatus?.Status).toBe('not-applicable');

    const onlyStopped = await ec2.send(
      new DescribeInstanceStatusCommand({
        IncludeAllInstances: true,
        Filters: [{ Name: 'instance-state-name', Values: ['stopped'] }],
      }),
    );
    expect(onlyStopped.InstanceStatuses?.map((s) => s.InstanceId)).toContain(stopped);
    expect(onlyStopped.InstanceStatuses?.every((s) => s.InstanceState?.Name === 'stopped')).toBe(true);
  });

  it('pages, and refuses unknown ids and filters', async () => {
    await launch(6);
    const page = await ec2.send(new DescribeInstanceStatusCommand({ IncludeAllInstances: true, MaxResults: 5 }));
    expect(page.InstanceStatuses).toHaveLength(5);
    expect(page.NextToken).toBeTruthy();
    const next = await ec2.send(
      new DescribeInstanceStatusCommand({ IncludeAllInstances: true, MaxResults: 5, NextToken: page.NextToken }),
    );
    expect(next.InstanceStatuses?.[0]?.InstanceId).not.toBe(page.InstanceStatuses?.[0]?.InstanceId);
    expect(
      (await failure(ec2.send(new DescribeInstanceStatusCommand({ InstanceIds: ['i-0123456789abcdef0'] })))).name,
    ).toBe('InvalidInstanceID.NotFound');
    expect(
      (await failure(ec2.send(new DescribeInstanceStatusCommand({ Filters: [{ Name: 'tag:Name', Values: ['x'] }] }))))
        .name,
    ).toBe('InvalidParameterValue');
  });
});
