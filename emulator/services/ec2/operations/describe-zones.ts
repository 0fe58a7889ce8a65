import { AwsError } from '../../../core/errors.js';
import { booleanParam, filterList, items, stringList } from '../../../protocols/ec2-query.js';
import { type Ec2Handler } from '../call.js';
import { filterPredicate } from '../filters.js';
import { REGIONS, zonesOf, type Zone } from '../network.js';

const REGION_FILTERS: Record<string, (r: string) => string> = {
  'region-name': (r) => r,
  endpoint: (r) => `ec2.${r}.amazonaws.com`,
  'opt-in-status': () => 'opt-in-not-required',
};

export const describeRegions: Ec2Handler = (call) => {
  const names = stringList(call.params, 'RegionName');
  for (const n of names) if (!REGIONS.includes(n)) throw new AwsError('InvalidParameterValue', `Invalid region: ${n}`);
  booleanParam(call.params, 'AllRegions');
  const match = filterPredicate<string>(
    filterList(call.params),
    (r, f) => [REGION_FILTERS[f]?.(r) ?? ''],
    (f) => f in REGION_FILTERS,
  );
  const regions = REGIONS.filter((r) => (names.length === 0 || names.includes(r)) && match(r));
  return {
    regionInfo: items(
      regions.map((r) => ({
        regionName: r,
        regionEndpoint: `ec2.${r}.amazonaws.com`,
        optInStatus: 'opt-in-not-required',
      })),
    ),
  };
};

export const describeAvailabilityZones: Ec2Handler = (call) => {
  const region = call.region;
  const zones = zonesOf(region);
  const names = stringList(call.params, 'ZoneName');
  const zoneIds = stringList(call.params, 'ZoneId');
  for (const n of names) {
    if (!zones.some((z) => z.zoneName === n))
      throw new AwsError('InvalidParameterValue', `The zone '${n}' does not exist in region ${region}`);
  }
  for (const n of zoneIds) {
    if (!zones.some((z) => z.zoneId === n))
      throw new AwsError('InvalidParameterValue', `The zone ID '${n}' does not exist in region ${region}`);
  }
  booleanParam(call.params, 'AllAvailabilityZones');
  const fields: Record<string, (z: Zone) => string> = {
    'zone-name': (z) => z.zoneName,
    'zone-id': (z) => z.zoneId,
    state: () => 'available',
    'region-name': () => region,
    'zone-type': () => 'availability-zone',
    'group-name': () => region,
    'opt-in-status': () => 'opt-in-not-required',
  };
  const match = filterPredicate<Zone>(
    filterList(call.params),
    (z, f) => [fields[f]?.(z) ?? ''],
    (f) => f in fields,
  );
  const chosen = zones.filter(
    (z) =>
      (names.length === 0 && zoneIds.length === 0 ? true : names.includes(z.zoneName) || zoneIds.includes(z.zoneId)) &&
      match(z),
  );
  return {
    availabilityZoneInfo: items(
      chosen.map((z) => ({
        zoneName: z.zoneName,
        zoneState: 'available',
        optInStatus: 'opt-in-not-required',
        messageSet: '',
        regionName: region,
        zoneId: z.zoneId,
        groupName: region,
        networkBorderGroup: region,
        zoneType: 'availability-zone',
      })),
    ),
  };
};
