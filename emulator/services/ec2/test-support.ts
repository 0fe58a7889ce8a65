import { DescribeInstancesCommand, EC2Client, type Instance } from '@aws-sdk/client-ec2';
import { join } from 'node:path';
import type { TestEmulator } from '../../testing.js';
import { seedEc2 } from '../../seed/ec2.js';
import { InstanceStore } from './store.js';

/** An EC2 client with the SDK's defaults, pointed at a test emulator. */
export function ec2Client(emu: TestEmulator, region = emu.region): EC2Client {
  return new EC2Client({ ...emu.clientConfig, region });
}

export async function describeOne(ec2: EC2Client, id: string): Promise<Instance> {
  const out = await ec2.send(new DescribeInstancesCommand({ InstanceIds: [id] }));
  const instance = out.Reservations?.[0]?.Instances?.[0];
  if (!instance) throw new Error(`no instance ${id}`);
  return instance;
}

/** Poll until the instance shows `state`; returns the ms it took. Fails after `timeoutMs`. */
export async function waitForState(ec2: EC2Client, id: string, state: string, timeoutMs = 8000): Promise<number> {
  const started = Date.now();
  for (;;) {
    const instance = await describeOne(ec2, id);
    if (instance.State?.Name === state) return Date.now() - started;
    if (Date.now() - started > timeoutMs)
      throw new Error(`${id} still ${instance.State?.Name} after ${timeoutMs} ms, wanted ${state}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The error a rejected SDK call raised, with its name and HTTP status. */
export async function failure(
  p: Promise<unknown>,
): Promise<{ name: string; message: string; status: number | undefined }> {
  try {
    await p;
  } catch (e) {
    const err = e as Error & { $metadata?: { httpStatusCode?: number } };
    return { name: err.name, message: err.message, status: err.$metadata?.httpStatusCode };
  }
  throw new Error('expected the call to fail');
}

/** Write the EC2 demo data only (seeding every service would cost seconds of S3 objects). */
export function seedEc2Only(emu: TestEmulator): void {
  const store = new InstanceStore(join(emu.dataDir, 'ec2'));
  try {
    seedEc2(store, Date.now());
  } finally {
    store.close();
  }
}
