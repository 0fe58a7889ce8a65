import { AwsError } from '../../../core/errors.js';
import { stringList, tagList } from '../../../protocols/ec2-query.js';
import type { QueryParams } from '../../../protocols/query-params.js';
import { findInstances, type Ec2Handler } from '../call.js';
import { INSTANCE_ID, type InstanceRecord } from '../model.js';
import { checkTags, withTags } from '../tags.js';

/** ResourceId.N: only instances live here, so any other id is one EC2 would not find either. */
export function resourceIds(params: QueryParams): string[] {
  const ids = [...new Set(stringList(params, 'ResourceId'))];
  if (ids.length === 0) throw new AwsError('MissingParameter', 'The request must contain the parameter resourceIdSet');
  for (const id of ids) {
    if (id.startsWith('i-') && !INSTANCE_ID.test(id))
      throw new AwsError('InvalidInstanceID.Malformed', `Invalid id: "${id}"`);
    if (!id.startsWith('i-')) throw new AwsError('InvalidID', `The ID '${id}' is not valid`);
  }
  return ids;
}

export const createTags: Ec2Handler = (call) => {
  const ids = resourceIds(call.params);
  const given = tagList(call.params, 'Tag');
  if (given.length === 0) throw new AwsError('MissingParameter', 'The request must contain the parameter Tag');
  const tags = checkTags(given);
  const updated = findInstances(call, ids).map((rec) => withTags(rec, tags));
  call.store.update(updated);
  return { return: true };
};

function withoutTags(rec: InstanceRecord, given: ReturnType<typeof tagList>): InstanceRecord {
  // No Tag.N means every user tag; a Value (even empty) deletes the tag only when it matches.
  if (given.length === 0) return { ...rec, tags: [] };
  return {
    ...rec,
    tags: rec.tags.filter((t) => !given.some((g) => g.key === t.key && (g.value === undefined || g.value === t.value))),
  };
}

export const deleteTags: Ec2Handler = (call) => {
  const ids = resourceIds(call.params);
  const given = tagList(call.params, 'Tag');
  for (const g of given) if (!g.key) throw new AwsError('InvalidParameterValue', 'Tag key must not be empty');
  call.store.update(findInstances(call, ids).map((rec) => withoutTags(rec, given)));
  return { return: true };
};
