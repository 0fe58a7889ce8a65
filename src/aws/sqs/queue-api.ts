import { pageOf, type Page } from '../paging';
import { send } from '../send';
import { parseQueueArn, parseQueueAttributes, queueNameOf, type QueueAttributes } from './queue-attributes';

export interface QueueRef {
  name: string;
  url: string;
}

/** One page of queue URLs; the name prefix is matched by SQS. Attributes come per row, on screen only. */
export async function listQueues(
  params: { region: string; prefix?: string | undefined; token?: string | undefined; limit?: number },
  signal?: AbortSignal,
): Promise<Page<QueueRef>> {
  const out = await send(
    'sqs',
    params.region,
    (sqs) =>
      new sqs.ListQueuesCommand({
        MaxResults: params.limit ?? 100,
        ...(params.prefix ? { QueueNamePrefix: params.prefix } : {}),
        ...(params.token ? { NextToken: params.token } : {}),
      }),
    signal,
  );
  return pageOf(
    (out.QueueUrls ?? []).map((url) => ({ name: queueNameOf(url), url })),
    out.NextToken,
  );
}

export async function getQueueUrl(
  params: { region: string; name: string; accountId?: string | undefined },
  signal?: AbortSignal,
): Promise<string> {
  const out = await send(
    'sqs',
    params.region,
    (sqs) =>
      new sqs.GetQueueUrlCommand({
        QueueName: params.name,
        ...(params.accountId ? { QueueOwnerAWSAccountId: params.accountId } : {}),
      }),
    signal,
  );
  if (!out.QueueUrl) throw new Error(`SQS returned no URL for ${params.name}`);
  return out.QueueUrl;
}

/** The URL of the queue an ARN names (a dead-letter target, a redrive source). */
export function getQueueUrlByArn(params: { region: string; arn: string }, signal?: AbortSignal): Promise<string> {
  const parts = parseQueueArn(params.arn);
  if (!parts) return Promise.reject(new Error(`Not an SQS queue ARN: ${params.arn}`));
  return getQueueUrl({ region: parts.region, name: parts.name, accountId: parts.accountId }, signal);
}

export async function getQueueAttributes(
  params: { region: string; url: string },
  signal?: AbortSignal,
): Promise<QueueAttributes> {
  const out = await send(
    'sqs',
    params.region,
    (sqs) => new sqs.GetQueueAttributesCommand({ QueueUrl: params.url, AttributeNames: ['All'] }),
    signal,
  );
  return parseQueueAttributes(out.Attributes ?? {});
}

export async function createQueue(params: {
  region: string;
  name: string;
  attributes: Record<string, string>;
  tags?: Record<string, string>;
}): Promise<string> {
  const out = await send(
    'sqs',
    params.region,
    (sqs) =>
      new sqs.CreateQueueCommand({
        QueueName: params.name,
        Attributes: params.attributes,
        ...(params.tags && Object.keys(params.tags).length ? { tags: params.tags } : {}),
      }),
  );
  if (!out.QueueUrl) throw new Error(`SQS returned no URL for ${params.name}`);
  return out.QueueUrl;
}

export async function deleteQueue(params: { region: string; url: string }, signal?: AbortSignal): Promise<void> {
  await send('sqs', params.region, (sqs) => new sqs.DeleteQueueCommand({ QueueUrl: params.url }), signal);
}

export async function purgeQueue(params: { region: string; url: string }): Promise<void> {
  await send('sqs', params.region, (sqs) => new sqs.PurgeQueueCommand({ QueueUrl: params.url }));
}

/** Queues whose RedrivePolicy names this one as their dead-letter queue. */
export async function listDeadLetterSources(
  params: { region: string; url: string; token?: string | undefined },
  signal?: AbortSignal,
): Promise<Page<QueueRef>> {
  const out = await send(
    'sqs',
    params.region,
    (sqs) =>
      new sqs.ListDeadLetterSourceQueuesCommand({
        QueueUrl: params.url,
        MaxResults: 100,
        ...(params.token ? { NextToken: params.token } : {}),
      }),
    signal,
  );
  return pageOf(
    (out.queueUrls ?? []).map((url) => ({ name: queueNameOf(url), url })),
    out.NextToken,
  );
}

export interface QueueTag {
  key: string;
  value: string;
}

export async function listQueueTags(
  params: { region: string; url: string },
  signal?: AbortSignal,
): Promise<QueueTag[]> {
  const out = await send('sqs', params.region, (sqs) => new sqs.ListQueueTagsCommand({ QueueUrl: params.url }), signal);
  return Object.entries(out.Tags ?? {})
    .map(([key, value]) => ({ key, value }))
    .sort((a, b) => a.key.localeCompare(b.key));
}

export async function tagQueue(params: { region: string; url: string; tags: Record<string, string> }): Promise<void> {
  await send('sqs', params.region, (sqs) => new sqs.TagQueueCommand({ QueueUrl: params.url, Tags: params.tags }));
}

export async function untagQueue(params: { region: string; url: string; keys: string[] }): Promise<void> {
  await send('sqs', params.region, (sqs) => new sqs.UntagQueueCommand({ QueueUrl: params.url, TagKeys: params.keys }));
}
