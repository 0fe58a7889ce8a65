import type { ApiCall } from './call';

const str = (v: unknown): string | undefined => (typeof v === 'string' && v ? v : undefined);

function list(values: unknown, limit = 3): string | undefined {
  if (!Array.isArray(values) || values.length === 0) return undefined;
  const names = values.slice(0, limit).map((v) => (typeof v === 'string' ? v : JSON.stringify(v)));
  return values.length > limit ? `${names.join(', ')} and ${values.length - limit} more` : names.join(', ');
}

/** What a call acted on, in a few words, from its input (a history row's "resource"). */
export function resourceOf(call: ApiCall): string {
  const i = call.input;
  const queue = str(i.QueueUrl)?.split('/').pop();
  const bucket = str(i.Bucket);
  if (bucket) {
    const key = str(i.Key) ?? str(i.Prefix);
    const objects = (i.Delete as { Objects?: { Key?: string }[] } | undefined)?.Objects?.map((o) => o.Key ?? '');
    if (objects) return `${list(objects)} in ${bucket}`;
    return key ? `${key} in ${bucket}` : bucket;
  }
  return (
    list(i.InstanceIds) ??
    list(i.Resources) ??
    str(i.TableName) ??
    queue ??
    str(i.QueueName) ??
    str(i.FunctionName) ??
    str(i.SecretId) ??
    str(i.Name) ??
    str(i.logGroupName) ??
    str(i.SourceArn) ??
    (i.RequestItems && typeof i.RequestItems === 'object' ? Object.keys(i.RequestItems).join(', ') : undefined) ??
    ''
  );
}
