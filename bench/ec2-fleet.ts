import { DescribeInstancesCommand, EC2Client, RunInstancesCommand, StopInstancesCommand } from '@aws-sdk/client-ec2';

/** The emulator (like an account's default quota) allows 256 pending or running instances per region. */
const BATCH = 250;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * A fleet of `size` instances launched through the emulator's RunInstances (MaxCount, in batches).
 * All but the last batch are stopped, as the instance quota counts only pending and running ones:
 * the fleet ends up mostly stopped, with the last batch running.
 */
export async function seedFleet(
  ec2: EC2Client,
  size: number,
  namePrefix: string,
  log: (m: string) => void = () => undefined,
): Promise<void> {
  let launched = 0;
  let batch = 0;
  while (launched < size) {
    const count = Math.min(BATCH, size - launched);
    const out = await ec2.send(
      new RunInstancesCommand({
        ImageId: 'ami-0a1b2c3d4e5f60718',
        InstanceType: batch % 2 ? 't3.micro' : 'm5.large',
        MinCount: 1,
        MaxCount: count,
        TagSpecifications: [
          {
            ResourceType: 'instance',
            Tags: [
              { Key: 'Name', Value: `${namePrefix}-${batch}` },
              { Key: 'Team', Value: `team-${batch % 7}` },
            ],
          },
        ],
      }),
    );
    const ids = (out.Instances ?? []).map((i) => i.InstanceId ?? '');
    launched += ids.length;
    batch += 1;
    if (launched < size) {
      // A pending instance cannot be stopped: wait for the batch to run, then stop it to make room.
      await waitRunning(ec2, ids);
      await ec2.send(new StopInstancesCommand({ InstanceIds: ids, Force: true }));
    }
    if (batch % 10 === 0) log(`${launched} instances launched`);
  }
}

async function waitRunning(ec2: EC2Client, ids: string[]): Promise<void> {
  for (;;) {
    await sleep(500);
    const out = await ec2.send(new DescribeInstancesCommand({ InstanceIds: ids.slice(0, 1) }));
    if (out.Reservations?.[0]?.Instances?.[0]?.State?.Name === 'running') return;
  }
}
