import { AwsError } from '../../../core/errors.js';
import { booleanParam, filterList, items } from '../../../protocols/ec2-query.js';
import type { XmlNode } from '../../../protocols/xml.js';
import { findInstances, instanceIdsParam, pageOf, pageParams, type Ec2Handler } from '../call.js';
import { instancePredicate, viewOf, type InstanceView } from '../instance-filters.js';
import { zonesOf } from '../network.js';
import { stateXml } from '../serialize.js';
import { filterPredicate } from '../filters.js';

const STATUS_FILTERS = new Set([
  'instance-status.status',
  'system-status.status',
  'instance-status.reachability',
  'system-status.reachability',
]);
const BASE_FILTERS = new Set(['instance-state-name', 'instance-state-code', 'availability-zone', 'instance-id']);

/** Status checks: a running instance passes them; any other state has none to run. */
function checks(v: InstanceView): { status: string; reachability: string } {
  return v.state === 'running'
    ? { status: 'ok', reachability: 'passed' }
    : { status: 'not-applicable', reachability: '' };
}

function summary(v: InstanceView): XmlNode {
  const c = checks(v);
  return { status: c.status, details: items(c.reachability ? [{ name: 'reachability', status: c.reachability }] : []) };
}

export const describeInstanceStatus: Ec2Handler = (call) => {
  const ids = instanceIdsParam(call.params);
  const filters = filterList(call.params);
  for (const f of filters) {
    if (!BASE_FILTERS.has(f.name) && !STATUS_FILTERS.has(f.name))
      throw new AwsError('InvalidParameterValue', `The filter '${f.name}' is invalid`);
  }
  const baseMatch = instancePredicate(filters.filter((f) => BASE_FILTERS.has(f.name)));
  const statusMatch = filterPredicate<InstanceView>(
    filters.filter((f) => STATUS_FILTERS.has(f.name)),
    (v, name) => [name.endsWith('.status') ? checks(v).status : checks(v).reachability],
    () => true,
  );
  const includeAll = booleanParam(call.params, 'IncludeAllInstances');
  const page = pageParams(call.params, ids.length > 0);
  let all = call.store.list(call.region, call.now);
  if (ids.length) {
    findInstances(call, ids);
    const wanted = new Set(ids);
    all = all.filter((s) => wanted.has(s.rec.id));
  }
  const matching = all.filter((s) => {
    const v = viewOf(s.rec, call.now);
    return (includeAll || v.state === 'running') && baseMatch(v) && statusMatch(v);
  });
  const result = pageOf(matching, page);
  const zones = zonesOf(call.region);
  return {
    instanceStatusSet: items(
      result.items.map((s) => {
        const v = viewOf(s.rec, call.now);
        return {
          instanceId: s.rec.id,
          availabilityZone: s.rec.availabilityZone,
          availabilityZoneId: zones.find((z) => z.zoneName === s.rec.availabilityZone)?.zoneId,
          instanceState: stateXml(v.state),
          systemStatus: summary(v),
          instanceStatus: summary(v),
          attachedEbsStatus: summary(v),
        };
      }),
    ),
    nextToken: result.nextToken,
  };
};
