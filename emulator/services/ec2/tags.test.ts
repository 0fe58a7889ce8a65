import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CreateTagsCommand,
  DeleteTagsCommand,
  DescribeInstancesCommand,
  RunInstancesCommand,
  type EC2Client,
} from '@aws-sdk/client-ec2';
import { startTestEmulator, type TestEmulator } from '../../testing.js';
import { describeOne, ec2Client, failure } from './test-support.js';

let emu: TestEmulator;
let ec2: EC2Client;

beforeAll(async () => {
  emu = await startTestEmulator();
  ec2 = ec2Client(emu);
});
afterAll(() => emu.dispose());

async function launch(count = 1): Promise<string[]> {
  const out = await ec2.send(
    new RunInstancesCommand({
      ImageId: 'ami-0a1b2c3d4e5f60718',
      MinCount: count,
      MaxCount: count,
      TagSpecifications: [{ ResourceType: 'instance', Tags: [{ Key: 'Name', Value: 'tagged' }] }],
    }),
  );
  return (out.Instances ?? []).map((i) => i.InstanceId ?? '');
}

describe.concurrent('CreateTags and DeleteTags', () => {
  it('adds and overwrites tags on several instances, and DescribeInstances filters on them', async () => {
    const ids = await launch(2);
    await ec2.send(
      new CreateTagsCommand({
        Resources: ids,
        Tags: [
          { Key: 'Owner', Value: 'team-a' },
          { Key: 'Name', Value: 'renamed' },
        ],
      }),
    );
    for (const id of ids) {
      expect((await describeOne(ec2, id)).Tags).toEqual([
        { Key: 'Name', Value: 'renamed' },
        { Key: 'Owner', Value: 'team-a' },
      ]);
    }
    const owned = await ec2.send(
      new DescribeInstancesCommand({ Filters: [{ Name: 'tag:Owner', Values: ['team-a'] }] }),
    );
    const found = (owned.Reservations ?? []).flatMap((r) => r.Instances ?? []).map((i) => i.InstanceId);
    expect(found.sort()).toEqual([...ids].sort());
    // A tag with an empty value is still a tag.
    await ec2.send(new CreateTagsCommand({ Resources: [ids[0] ?? ''], Tags: [{ Key: 'Flag' }] }));
    expect((await describeOne(ec2, ids[0] ?? '')).Tags).toContainEqual({ Key: 'Flag', Value: '' });
  });

  it('deletes by key, by key and matching value only, and every tag when none are named', async () => {
    const [id = ''] = await launch();
    await ec2.send(
      new CreateTagsCommand({
        Resources: [id],
        Tags: [
          { Key: 'A', Value: '1' },
          { Key: 'B', Value: '2' },
          { Key: 'C', Value: '3' },
        ],
      }),
    );
    await ec2.send(new DeleteTagsCommand({ Resources: [id], Tags: [{ Key: 'A' }] }));
    await ec2.send(new DeleteTagsCommand({ Resources: [id], Tags: [{ Key: 'B', Value: 'not-2' }] }));
    expect((await describeOne(ec2, id)).Tags?.map((t) => t.Key)).toEqual(['Name', 'B', 'C']);
    await ec2.send(new DeleteTagsCommand({ Resources: [id], Tags: [{ Key: 'B', Value: '2' }] }));
    expect((await describeOne(ec2, id)).Tags?.map((t) => t.Key)).toEqual(['Name', 'C']);
    await ec2.send(new DeleteTagsCommand({ Resources: [id] }));
    expect((await describeOne(ec2, id)).Tags).toBeUndefined();
  });

  it('refuses unknown and malformed resources, reserved keys and more than 50 tags', async () => {
    const [id = ''] = await launch();
    const tags = [{ Key: 'X', Value: 'y' }];
    expect(
      (await failure(ec2.send(new CreateTagsCommand({ Resources: ['i-0123456789abcdef0'], Tags: tags })))).name,
    ).toBe('InvalidInstanceID.NotFound');
    expect((await failure(ec2.send(new CreateTagsCommand({ Resources: ['i-zz'], Tags: tags })))).name).toBe(
      'InvalidInstanceID.Malformed',
    );
    expect((await failure(ec2.send(new CreateTagsCommand({ Resources: ['nonsense'], Tags: tags })))).name).toBe(
      'InvalidID',
    );
    expect(
      (await failure(ec2.send(new CreateTagsCommand({ Resources: [id], Tags: [{ Key: 'aws:owner', Value: 'x' }] }))))
        .name,
    ).toBe('InvalidParameterValue');
    expect(
      (await failure(ec2.send(new CreateTagsCommand({ Resources: [id], Tags: [{ Key: 'bell\u0007', Value: 'x' }] }))))
        .name,
    ).toBe('InvalidParameterValue');
    const many = Array.from({ length: 50 }, (_, i) => ({ Key: `k${i}`, Value: 'v' }));
    expect((await failure(ec2.send(new CreateTagsCommand({ Resources: [id], Tags: many })))).name).toBe(
      'TagLimitExceeded',
    );
    expect((await describeOne(ec2, id)).Tags).toEqual([{ Key: 'Name', Value: 'tagged' }]);
    const dry = await failure(ec2.send(new CreateTagsCommand({ Resources: [id], Tags: tags, DryRun: true })));
    expect(dry.name).toBe('DryRunOperation');
    expect((await describeOne(ec2, id)).Tags).toEqual([{ Key: 'Name', Value: 'tagged' }]);
  });
});
