import { randomBytes } from 'node:crypto';
import { AwsError } from '../../../core/errors.js';
import { integerParam, stringList, structList, tagList } from '../../../protocols/ec2-query.js';
import { type Ec2Call, type Ec2Handler } from '../call.js';
import { stateAt } from '../lifecycle.js';
import type { InstanceRecord } from '../model.js';
import {
  architectureOf,
  defaultSecurityGroup,
  defaultVpcId,
  isInstanceType,
  privateIpFor,
  publicIpFor,
  zonesOf,
  type Zone,
} from '../network.js';
import { reservationsXml } from '../serialize.js';
import { checkTags } from '../tags.js';

/** Instances a region may hold at once (running or pending), like an account's default quota. */
const INSTANCE_LIMIT = 256;
const TAGGABLE = new Set(['instance', 'volume', 'network-interface', 'spot-instances-request', 'elastic-gpu']);

export function randomId(prefix: string): string {
  return `${prefix}-0${randomBytes(8).toString('hex')}`;
}

function required(call: Ec2Call, name: string): string {
  const v = call.params.get(name);
  if (v === undefined || v === '')
    throw new AwsError('MissingParameter', `The request must contain the parameter ${name}`);
  return v;
}

function chooseZone(call: Ec2Call, existing: number): Zone {
  const zones = zonesOf(call.region);
  const subnetId = call.params.get('SubnetId');
  const zoneName = call.params.get('Placement.AvailabilityZone');
  let zone: Zone | undefined;
  if (subnetId) {
    if (!/^subnet-[0-9a-f]{8,17}$/.test(subnetId))
      throw new AwsError('InvalidSubnetID.Malformed', `Invalid id: "${subnetId}"`);
    zone = zones.find((z) => z.subnetId === subnetId);
    if (!zone) throw new AwsError('InvalidSubnetID.NotFound', `The subnet ID '${subnetId}' does not exist`);
  }
  if (zoneName) {
    const named = zones.find((z) => z.zoneName === zoneName);
    if (!named) throw new AwsError('InvalidParameterValue', `Invalid availability zone: [${zoneName}]`);
    if (zone && zone !== named) {
      throw new AwsError(
        'InvalidParameterCombination',
        `The subnet '${subnetId}' is not in the availability zone '${zoneName}'`,
      );
    }
    zone = named;
  }
  return zone ?? (zones[existing % zones.length] as Zone);
}

export const runInstances: Ec2Handler = (call) => {
  const { params, now } = call;
  const region = call.region;
  const imageId = required(call, 'ImageId');
  if (!/^ami-[0-9a-f]{8,17}$/.test(imageId))
    throw new AwsError('InvalidAMIID.Malformed', `Invalid id: "${imageId}" (expecting "ami-...")`);
  const instanceType = params.get('InstanceType') ?? 'm1.small';
  if (!isInstanceType(instanceType))
    throw new AwsError('InvalidParameterValue', `Invalid value '${instanceType}' for InstanceType.`);
  required(call, 'MinCount');
  required(call, 'MaxCount');
  const minCount = integerParam(params, 'MinCount') ?? 1;
  const maxCount = integerParam(params, 'MaxCount') ?? 1;
  if (minCount < 1)
    throw new AwsError(
      'InvalidParameterValue',
      `Value (${minCount}) for parameter minCount is invalid. Expecting a value greater than 0.`,
    );
  if (maxCount < minCount)
    throw new AwsError(
      'InvalidParameterValue',
      `Value (${maxCount}) for parameter maxCount is invalid. Expecting a value greater than or equal to minCount (${minCount}).`,
    );
  const specs = structList(params, 'TagSpecification', (sub) => ({
    resourceType: params.get(`${sub}.ResourceType`) ?? '',
    tags: checkTags(tagList(params, `${sub}.Tag`)),
  }));
  for (const s of specs) {
    if (!TAGGABLE.has(s.resourceType)) {
      throw new AwsError(
        'InvalidParameterValue',
        `'${s.resourceType}' is not a valid taggable resource type for this operation.`,
      );
    }
  }
  // A key given twice keeps its last value, as one tag.
  const instanceTags = [
    ...new Map(
      specs.filter((s) => s.resourceType === 'instance').flatMap((s) => s.tags.map((t) => [t.key, t] as const)),
    ).values(),
  ];
  const sg = defaultSecurityGroup(region);
  for (const groupId of stringList(params, 'SecurityGroupId')) {
    if (groupId !== sg.groupId)
      throw new AwsError('InvalidGroup.NotFound', `The security group '${groupId}' does not exist`);
  }
  const keyName = params.get('KeyName') || null;
  const clientToken = params.get('ClientToken') || null;

  const existing = call.store.list(region, now);
  // ClientToken makes RunInstances idempotent: a retry returns the first call's instances.
  if (clientToken) {
    const earlier = existing.filter((s) => s.rec.clientToken === clientToken).map((s) => s.rec);
    if (earlier.length) return reservationsXml(earlier, call.env.accountId, now)[0] ?? {};
  }
  const active = existing.filter((s) => ['pending', 'running'].includes(stateAt(s.rec, now))).length;
  const room = INSTANCE_LIMIT - active;
  if (room < minCount) {
    throw new AwsError(
      'InstanceLimitExceeded',
      `You have requested more instances (${minCount}) than your current instance limit of ${INSTANCE_LIMIT} allows for the specified instance type.`,
    );
  }
  const zone = chooseZone(call, existing.length);
  const reservationId = randomId('r');
  const launchTime = new Date(now).toISOString();
  const records: InstanceRecord[] = [];
  for (let i = 0; i < Math.min(maxCount, room); i++) {
    const id = randomId('i');
    records.push({
      id,
      region,
      reservationId,
      imageId,
      instanceType,
      architecture: architectureOf(instanceType),
      keyName,
      availabilityZone: zone.zoneName,
      subnetId: zone.subnetId,
      vpcId: defaultVpcId(region),
      privateIp: privateIpFor(id, zone),
      publicIp: publicIpFor(id, now),
      securityGroups: [sg],
      launchTime,
      amiLaunchIndex: i,
      clientToken,
      state: 'pending',
      transitionAt: now,
      tags: instanceTags.map((t) => ({ ...t })),
    });
  }
  call.store.insert(records);
  return reservationsXml(records, call.env.accountId, now)[0] ?? {};
};
