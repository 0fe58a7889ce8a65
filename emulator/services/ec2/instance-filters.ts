import type { QueryFilter } from '../../protocols/ec2-query.js';
import { filterPredicate } from './filters.js';
import { STATE_CODES, type InstanceRecord, type StateName } from './model.js';
import { hasPublicIp, stateAt } from './lifecycle.js';

/** A record with its state at the time of the request. */
export interface InstanceView {
  rec: InstanceRecord;
  state: StateName;
}

const FIELDS: Record<string, (v: InstanceView) => Array<string | null | undefined>> = {
  'instance-state-name': (v) => [v.state],
  'instance-state-code': (v) => [String(STATE_CODES[v.state])],
  'instance-id': (v) => [v.rec.id],
  'instance-type': (v) => [v.rec.instanceType],
  'availability-zone': (v) => [v.rec.availabilityZone],
  'image-id': (v) => [v.rec.imageId],
  'key-name': (v) => [v.rec.keyName],
  'vpc-id': (v) => [v.rec.vpcId],
  'subnet-id': (v) => [v.rec.subnetId],
  'reservation-id': (v) => [v.rec.reservationId],
  architecture: (v) => [v.rec.architecture],
  'private-ip-address': (v) => [v.rec.privateIp],
  'ip-address': (v) => (hasPublicIp(v.state) ? [v.rec.publicIp] : []),
  'instance.group-id': (v) => v.rec.securityGroups.map((g) => g.groupId),
  'instance.group-name': (v) => v.rec.securityGroups.map((g) => g.groupName),
  'tag-key': (v) => v.rec.tags.map((t) => t.key),
  'tag-value': (v) => v.rec.tags.map((t) => t.value),
};

function read(v: InstanceView, name: string): string[] {
  if (name.startsWith('tag:')) {
    const key = name.slice(4);
    return v.rec.tags.filter((t) => t.key === key).map((t) => t.value);
  }
  return (FIELDS[name]?.(v) ?? []).filter((x): x is string => typeof x === 'string');
}

export function isInstanceFilter(name: string): boolean {
  return name in FIELDS || (name.startsWith('tag:') && name.length > 4);
}

export function instancePredicate(filters: QueryFilter[], extraKnown: (name: string) => boolean = () => false) {
  return filterPredicate<InstanceView>(filters, read, (n) => isInstanceFilter(n) || extraKnown(n));
}

export function viewOf(rec: InstanceRecord, now: number): InstanceView {
  return { rec, state: stateAt(rec, now) };
}
