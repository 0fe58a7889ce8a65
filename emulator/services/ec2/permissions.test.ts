import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CreateTagsCommand,
  DescribeInstancesCommand,
  RunInstancesCommand,
  StopInstancesCommand,
  TerminateInstancesCommand,
  type EC2Client,
} from '@aws-sdk/client-ec2';
import { startTestEmulator, type TestEmulator } from '../../testing.js';
import { ec2Client, failure } from './test-support.js';
import { EMULATOR_ADMIN_ROLE_NAME } from '../../seed/accounts.js';

let emu: TestEmulator;
let ec2: EC2Client;
let mine = '';
let theirs = '';

/** Replace the static keys' role policy (role files are re-read when they change). */
function setPolicy(statements: unknown[]): void {
  const file = join(emu.dataDir, 'auth', 'roles', `${EMULATOR_ADMIN_ROLE_NAME}.json`);
  writeFileSync(
    file,
    JSON.stringify({
      RoleName: EMULATOR_ADMIN_ROLE_NAME,
      PolicyDocument: { Version: '2012-10-17', Statement: statements },
    }),
  );
}

beforeAll(async () => {
  emu = await startTestEmulator();
  ec2 = ec2Client(emu);
  const out = await ec2.send(new RunInstancesCommand({ ImageId: 'ami-0a1b2c3d4e5f60718', MinCount: 2, MaxCount: 2 }));
  [mine = '', theirs = ''] = (out.Instances ?? []).map((i) => i.InstanceId ?? '');
  const arn = `arn:aws:ec2:${emu.region}:${emu.accountId}:instance/${mine}`;
  setPolicy([
    { Effect: 'Allow', Action: 'ec2:Describe*', Resource: '*' },
    { Effect: 'Allow', Action: ['ec2:StopInstances', 'ec2:CreateTags'], Resource: arn },
  ]);
});
afterAll(() => emu.dispose());

describe('IAM actions and resources', () => {
  it('checks instance actions against each instance ARN, and DryRun reports what would happen', async () => {
    expect((await failure(ec2.send(new StopInstancesCommand({ InstanceIds: [mine], DryRun: true })))).name).toBe(
      'DryRunOperation',
    );
    const denied = await failure(ec2.send(new StopInstancesCommand({ InstanceIds: [theirs], DryRun: true })));
    expect(denied.name).toBe('UnauthorizedOperation');
    expect(denied.status).toBe(403);
    // One denied instance refuses the whole call.
    expect((await failure(ec2.send(new StopInstancesCommand({ InstanceIds: [mine, theirs] })))).name).toBe(
      'UnauthorizedOperation',
    );
    expect(
      (await failure(ec2.send(new CreateTagsCommand({ Resources: [theirs], Tags: [{ Key: 'a', Value: 'b' }] })))).name,
    ).toBe('UnauthorizedOperation');
    await ec2.send(new CreateTagsCommand({ Resources: [mine], Tags: [{ Key: 'a', Value: 'b' }] }));
  });

  it('allows Describe* on *, and refuses actions the role lacks', async () => {
    const out = await ec2.send(new DescribeInstancesCommand({}));
    expect(out.Reservations?.[0]?.Instances).toHaveLength(2);
    expect((await failure(ec2.send(new TerminateInstancesCommand({ InstanceIds: [mine] })))).name).toBe(
      'UnauthorizedOperation',
    );
    const run = await failure(
      ec2.send(new RunInstancesCommand({ ImageId: 'ami-0a1b2c3d4e5f60718', MinCount: 1, MaxCount: 1, DryRun: true })),
    );
    expect(run.name).toBe('UnauthorizedOperation');
  });
});
