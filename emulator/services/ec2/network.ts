import { createHash } from 'node:crypto';

/** The regions DescribeRegions lists (those enabled by default). */
export const REGIONS = [
  'us-east-1',
  'us-east-2',
  'us-west-1',
  'us-west-2',
  'ca-central-1',
  'sa-east-1',
  'eu-west-1',
  'eu-west-2',
  'eu-west-3',
  'eu-central-1',
  'eu-north-1',
  'ap-south-1',
  'ap-northeast-1',
  'ap-northeast-2',
  'ap-northeast-3',
  'ap-southeast-1',
  'ap-southeast-2',
];

function hex(seed: string, length: number): string {
  return createHash('sha256').update(seed).digest('hex').slice(0, length);
}

/** A stable small number from a seed, for addresses. */
function byte(seed: string, salt: string): number {
  return parseInt(hex(`${salt}:${seed}`, 4), 16);
}

/** use1, euw1, apne1: the prefix of zone ids. */
function regionCode(region: string): string {
  const [area = '', direction = '', number = ''] = region.split('-');
  const dir = direction
    .replace('north', 'n')
    .replace('south', 's')
    .replace('east', 'e')
    .replace('west', 'w')
    .replace('central', 'c');
  return `${area}${dir}${number}`;
}

export interface Zone {
  zoneName: string;
  zoneId: string;
  subnetId: string;
  /** Third octet of the subnet's 172.31.X.0/20. */
  octet: number;
}

export function zonesOf(region: string): Zone[] {
  const letters = region === 'us-east-1' ? ['a', 'b', 'c', 'd', 'e', 'f'] : ['a', 'b', 'c'];
  return letters.map((letter, i) => ({
    zoneName: `${region}${letter}`,
    zoneId: `${regionCode(region)}-az${i + 1}`,
    subnetId: `subnet-0${hex(`subnet:${region}${letter}`, 16)}`,
    octet: i * 16,
  }));
}

export function defaultVpcId(region: string): string {
  return `vpc-0${hex(`vpc:${region}`, 16)}`;
}

export function defaultSecurityGroup(region: string): { groupId: string; groupName: string } {
  return { groupId: `sg-0${hex(`sg:${region}`, 16)}`, groupName: 'default' };
}

export function privateIpFor(instanceId: string, zone: Zone): string {
  return `172.31.${zone.octet + (byte(instanceId, 'o') % 16)}.${1 + (byte(instanceId, 'h') % 254)}`;
}

/** A public address, new for each start (the counter), as after a stop/start on AWS. */
export function publicIpFor(instanceId: string, starts: number): string {
  const s = `${instanceId}#${starts}`;
  return `${[3, 18, 34, 44, 52, 54][byte(s, 'a') % 6]}.${byte(s, 'b') % 256}.${byte(s, 'c') % 256}.${1 + (byte(s, 'd') % 254)}`;
}

export function privateDnsName(ip: string, region: string): string {
  const host = `ip-${ip.replace(/\./g, '-')}`;
  return region === 'us-east-1' ? `${host}.ec2.internal` : `${host}.${region}.compute.internal`;
}

export function publicDnsName(ip: string, region: string): string {
  const host = `ec2-${ip.replace(/\./g, '-')}`;
  return region === 'us-east-1' ? `${host}.compute-1.amazonaws.com` : `${host}.${region}.compute.amazonaws.com`;
}

const TYPE =
  /^(t2|t3|t3a|t4g|m5|m5a|m6a|m6i|m6g|m7a|m7i|m7g|c5|c5a|c6a|c6i|c6g|c7i|c7g|r5|r6i|r6g|r7g|x2idn|p3|p4d|g4dn|g5|i3|i4i)\.(nano|micro|small|medium|large|xlarge|\d{1,2}xlarge|metal)$|^m1\.small$/;

export function isInstanceType(type: string): boolean {
  return TYPE.test(type);
}

/** Graviton families (t4g, m6g, c7g, ...) are arm64; the rest x86_64. */
export function architectureOf(type: string): string {
  const family = type.split('.')[0] ?? '';
  return /\dg$/.test(family) ? 'arm64' : 'x86_64';
}
