import { AwsError } from '../../core/errors.js';
import { xmlSafe, type QueryTag } from '../../protocols/ec2-query.js';
import type { InstanceRecord } from './model.js';

/** EC2's limit of user tags per resource. */
export const MAX_TAGS = 50;

/** Keys and values as EC2 allows them (length limits, the reserved aws: prefix). */
export function checkTags(tags: QueryTag[]): Array<{ key: string; value: string }> {
  return tags.map(({ key, value = '' }) => {
    if (!key) throw new AwsError('InvalidParameterValue', 'Tag key must not be empty');
    if ([...key].length > 127)
      throw new AwsError('InvalidParameterValue', `Tag key exceeds the maximum length of 127 characters`);
    if ([...value].length > 255)
      throw new AwsError('InvalidParameterValue', `Tag value exceeds the maximum length of 255 characters`);
    if (xmlSafe(key) !== key || xmlSafe(value) !== value) {
      throw new AwsError('InvalidParameterValue', 'Tag keys and values must not contain control characters');
    }
    if (key.toLowerCase().startsWith('aws:')) {
      throw new AwsError('InvalidParameterValue', "Tag keys starting with 'aws:' are reserved for internal use");
    }
    return { key, value };
  });
}

/** Add or overwrite tags, keeping the existing order; TagLimitExceeded past 50. */
export function withTags(rec: InstanceRecord, tags: Array<{ key: string; value: string }>): InstanceRecord {
  const next = rec.tags.map((t) => ({ ...t }));
  for (const tag of tags) {
    const existing = next.find((t) => t.key === tag.key);
    if (existing) existing.value = tag.value;
    else next.push({ ...tag });
  }
  if (next.length > MAX_TAGS)
    throw new AwsError('TagLimitExceeded', 'The maximum number of Tags for a resource has been reached.');
  return { ...rec, tags: next };
}
