import { filterList, items } from '../../../protocols/ec2-query.js';
import { findInstances, instanceIdsParam, pageOf, pageParams, type Ec2Handler } from '../call.js';
import { instancePredicate, viewOf } from '../instance-filters.js';
import { reservationsXml } from '../serialize.js';

export const describeInstances: Ec2Handler = (call) => {
  const ids = instanceIdsParam(call.params);
  const match = instancePredicate(filterList(call.params));
  const page = pageParams(call.params, ids.length > 0);
  let all = call.store.list(call.region, call.now);
  if (ids.length) {
    findInstances(call, ids);
    const wanted = new Set(ids);
    all = all.filter((s) => wanted.has(s.rec.id));
  }
  const result = pageOf(all, page, (s) => match(viewOf(s.rec, call.now)));
  const records = result.items.map((s) => s.rec);
  return {
    reservationSet: items(reservationsXml(records, call.env.accountId, call.now)),
    nextToken: result.nextToken,
  };
};
