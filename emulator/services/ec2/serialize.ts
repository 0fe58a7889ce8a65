import type { XmlNode } from '../../protocols/xml.js';
import { items } from '../../protocols/ec2-query.js';
import { STATE_CODES, type InstanceRecord, type StateName } from './model.js';
import { hasPublicIp, stateAt, stateDetails } from './lifecycle.js';
import { privateDnsName, publicDnsName } from './network.js';

export function stateXml(state: StateName): XmlNode {
  return { code: STATE_CODES[state], name: state };
}

export function tagSetXml(tags: InstanceRecord['tags']): XmlNode | undefined {
  return tags.length ? items(tags.map((t) => ({ key: t.key, value: t.value }))) : undefined;
}

/** An `<item>` of instancesSet, with the field names of the EC2 API reference. */
export function instanceXml(rec: InstanceRecord, now: number): XmlNode {
  const state = stateAt(rec, now);
  const details = stateDetails(rec, state);
  const gone = state === 'terminated';
  const publicIp = hasPublicIp(state);
  return {
    instanceId: rec.id,
    imageId: rec.imageId,
    instanceState: stateXml(state),
    privateDnsName: gone ? '' : privateDnsName(rec.privateIp, rec.region),
    dnsName: publicIp ? publicDnsName(rec.publicIp, rec.region) : '',
    reason: details.reason,
    keyName: rec.keyName ?? undefined,
    amiLaunchIndex: rec.amiLaunchIndex,
    productCodes: '',
    instanceType: rec.instanceType,
    launchTime: rec.launchTime,
    placement: { availabilityZone: rec.availabilityZone, groupName: '', tenancy: 'default' },
    monitoring: { state: 'disabled' },
    subnetId: gone ? undefined : rec.subnetId,
    vpcId: gone ? undefined : rec.vpcId,
    privateIpAddress: gone ? undefined : rec.privateIp,
    ipAddress: publicIp ? rec.publicIp : undefined,
    sourceDestCheck: gone ? undefined : true,
    groupSet: items(gone ? [] : rec.securityGroups.map((g) => ({ groupId: g.groupId, groupName: g.groupName }))),
    stateReason: details.stateReason ?? undefined,
    architecture: rec.architecture,
    rootDeviceType: 'ebs',
    rootDeviceName: '/dev/xvda',
    blockDeviceMapping: '',
    virtualizationType: 'hvm',
    clientToken: rec.clientToken ?? '',
    tagSet: tagSetXml(rec.tags),
    hypervisor: 'xen',
    networkInterfaceSet: '',
    ebsOptimized: false,
    enaSupport: true,
    platformDetails: 'Linux/UNIX',
    usageOperation: 'RunInstances',
    usageOperationUpdateTime: rec.launchTime,
    currentInstanceBootMode: 'legacy-bios',
  };
}

/** Group instances (already in launch order) into reservations, keeping that order. */
export function reservationsXml(records: InstanceRecord[], ownerId: string, now: number): XmlNode[] {
  const byReservation = new Map<string, InstanceRecord[]>();
  for (const rec of records) {
    const list = byReservation.get(rec.reservationId);
    if (list) list.push(rec);
    else byReservation.set(rec.reservationId, [rec]);
  }
  return [...byReservation].map(([reservationId, recs]) => ({
    reservationId,
    ownerId,
    groupSet: '',
    instancesSet: items(recs.map((r) => instanceXml(r, now))),
  }));
}
