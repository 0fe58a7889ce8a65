import type { InstanceRecord, StateName } from '../services/ec2/model.js';
import {
  architectureOf,
  defaultSecurityGroup,
  defaultVpcId,
  privateIpFor,
  publicIpFor,
  zonesOf,
} from '../services/ec2/network.js';
import type { InstanceStore } from '../services/ec2/store.js';

/**
 * Demo instances: ids come from a counter so they are the same on every seed (i-0000000000000ec01, ...);
 * docs and tests should still refer to instances by their Name tag.
 * Times are relative to the seeding moment: "pending", "stopping" and "shutting-down" ones were acted on
 * just now and settle within seconds, as they would on AWS; terminated ones stay listed for about an hour.
 */
interface SeedRow {
  name: string;
  env: 'prod' | 'staging' | 'dev';
  type: string;
  zone: 'a' | 'b' | 'c';
  state: StateName;
  /** Minutes before seeding when the state was entered. */
  minutesAgo?: number;
  /** Instances launched together share a reservation. */
  group?: string;
}

const US_EAST_1: SeedRow[] = [
  { name: 'web-prod-1', env: 'prod', type: 't3.large', zone: 'a', state: 'running', group: 'web-prod' },
  { name: 'web-prod-2', env: 'prod', type: 't3.large', zone: 'a', state: 'running', group: 'web-prod' },
  { name: 'web-prod-3', env: 'prod', type: 't3.large', zone: 'a', state: 'running', group: 'web-prod' },
  { name: 'web-prod-4', env: 'prod', type: 't3.large', zone: 'b', state: 'running' },
  { name: 'api-prod-1', env: 'prod', type: 'm5.xlarge', zone: 'a', state: 'running' },
  { name: 'api-prod-2', env: 'prod', type: 'm5.xlarge', zone: 'b', state: 'running' },
  { name: 'api-prod-3', env: 'prod', type: 'm5.xlarge', zone: 'c', state: 'running' },
  { name: 'worker-prod-1', env: 'prod', type: 'c6g.large', zone: 'b', state: 'running', group: 'worker-prod' },
  { name: 'worker-prod-2', env: 'prod', type: 'c6g.large', zone: 'b', state: 'running', group: 'worker-prod' },
  { name: 'db-prod-1', env: 'prod', type: 'r6g.large', zone: 'c', state: 'running' },
  { name: 'bastion-prod', env: 'prod', type: 't3.micro', zone: 'a', state: 'running' },
  { name: 'reporting-prod-1', env: 'prod', type: 'm5.xlarge', zone: 'c', state: 'stopped', minutesAgo: 60 * 24 * 3 },
  { name: 'web-staging-1', env: 'staging', type: 't3.micro', zone: 'a', state: 'running' },
  { name: 'web-staging-2', env: 'staging', type: 't3.micro', zone: 'b', state: 'stopped', minutesAgo: 60 * 5 },
  { name: 'api-staging-1', env: 'staging', type: 't3.large', zone: 'c', state: 'stopped', minutesAgo: 60 * 26 },
  { name: 'worker-staging-1', env: 'staging', type: 'c6g.large', zone: 'a', state: 'stopping' },
  { name: 'batch-staging-1', env: 'staging', type: 'm5.xlarge', zone: 'b', state: 'pending' },
  { name: 'old-api-staging', env: 'staging', type: 'm5.xlarge', zone: 'c', state: 'terminated', minutesAgo: 20 },
  { name: 'dev-alice', env: 'dev', type: 't3.micro', zone: 'a', state: 'running' },
  { name: 'dev-bob', env: 'dev', type: 't3.micro', zone: 'b', state: 'stopped', minutesAgo: 60 * 17 },
  { name: 'dev-carol', env: 'dev', type: 't4g.medium', zone: 'c', state: 'stopped', minutesAgo: 60 * 40 },
  { name: 'ml-dev-1', env: 'dev', type: 'm5.xlarge', zone: 'a', state: 'stopped', minutesAgo: 60 * 24 * 9 },
  { name: 'ci-runner-dev-1', env: 'dev', type: 'c6g.large', zone: 'b', state: 'pending' },
  { name: 'scratch-dev-1', env: 'dev', type: 't3.micro', zone: 'c', state: 'terminated', minutesAgo: 5 },
  { name: 'scratch-dev-2', env: 'dev', type: 't3.micro', zone: 'a', state: 'shutting-down' },
];

const EU_WEST_1: SeedRow[] = [
  { name: 'web-prod-eu-1', env: 'prod', type: 't3.large', zone: 'a', state: 'running', group: 'web-prod-eu' },
  { name: 'web-prod-eu-2', env: 'prod', type: 't3.large', zone: 'b', state: 'running', group: 'web-prod-eu' },
  { name: 'api-prod-eu-1', env: 'prod', type: 'm5.xlarge', zone: 'c', state: 'running' },
  { name: 'worker-staging-eu-1', env: 'staging', type: 'c6g.large', zone: 'a', state: 'stopped', minutesAgo: 60 * 8 },
  { name: 'dev-eu-1', env: 'dev', type: 't3.micro', zone: 'b', state: 'stopped', minutesAgo: 60 * 30 },
];

const IMAGES = { x86_64: 'ami-0a1b2c3d4e5f60718', arm64: 'ami-0f1e2d3c4b5a69788' } as const;

function counterId(prefix: string, n: number): string {
  return `${prefix}-0${(0xec00 + n).toString(16).padStart(16, '0')}`;
}

export function seedInstances(now: number): InstanceRecord[] {
  const out: InstanceRecord[] = [];
  let n = 0;
  const groups = new Map<string, string>();
  for (const [region, rows] of [
    ['us-east-1', US_EAST_1],
    ['eu-west-1', EU_WEST_1],
  ] as const) {
    const zones = zonesOf(region);
    for (const row of rows) {
      n += 1;
      const id = counterId('i', n);
      const zone = zones.find((z) => z.zoneName === `${region}${row.zone}`) ?? zones[0];
      if (!zone) continue;
      const reservationId = row.group ? (groups.get(row.group) ?? counterId('r', n)) : counterId('r', n);
      if (row.group) groups.set(row.group, reservationId);
      const transitionAt = now - (row.minutesAgo ?? 0) * 60_000;
      // Launched some days before seeding, the older the further down the list.
      const launchedAt = Math.min(transitionAt, now - ((n % 7) + 1) * 86_400_000 - n * 3_600_000);
      const architecture = architectureOf(row.type);
      out.push({
        id,
        region,
        reservationId,
        imageId: IMAGES[architecture === 'arm64' ? 'arm64' : 'x86_64'],
        instanceType: row.type,
        architecture,
        keyName: row.env === 'prod' ? 'ops-prod' : 'ops-dev',
        availabilityZone: zone.zoneName,
        subnetId: zone.subnetId,
        vpcId: defaultVpcId(region),
        privateIp: privateIpFor(id, zone),
        publicIp: publicIpFor(id, launchedAt),
        securityGroups: [defaultSecurityGroup(region)],
        launchTime: new Date(row.state === 'pending' ? now : launchedAt).toISOString(),
        amiLaunchIndex: 0,
        clientToken: null,
        state: row.state,
        transitionAt: row.state === 'running' ? launchedAt : transitionAt,
        tags: [
          { key: 'Name', value: row.name },
          { key: 'Environment', value: row.env },
        ],
      });
    }
  }
  // Reservations launched together share an index per instance.
  const perReservation = new Map<string, number>();
  for (const rec of out) {
    const i = perReservation.get(rec.reservationId) ?? 0;
    rec.amiLaunchIndex = i;
    perReservation.set(rec.reservationId, i + 1);
  }
  return out;
}

export function seedEc2(store: InstanceStore, now: number): void {
  store.insert(seedInstances(now));
}
