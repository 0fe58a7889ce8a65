import { pageOf, type Page } from '../paging';
import { send } from '../send';

export interface QueueSummary {
  name: string;
  url: string;
  arn?: string;
  messagesWaiting: number;
  messagesInFlight: number;
  /** ARN of this queue's dead-letter queue, from its RedrivePolicy. */
  deadLetterTargetArn?: string;
  /** Another queue names this one as its dead-letter queue. */
  isDeadLetterQueue: boolean;
}

export function queueNameOf(url: string): string {
  return url.split('/').pop() ?? url;
}

function deadLetterTarget(redrivePolicy: string | undefined): string | undefined {
  if (!redrivePolicy) return undefined;
  try {
    const parsed = JSON.parse(redrivePolicy) as { deadLetterTargetArn?: unknown };
    return typeof parsed.deadLetterTargetArn === 'string' ? parsed.deadLetterTargetArn : undefined;
  } catch {
    return undefined;
  }
}

/** One page of queues with their message counts, flagging dead-letter queues (named in another queue's RedrivePolicy). */
export async function listQueueOverview(
  params: { region: string; limit?: number; token?: string | undefined },
  signal?: AbortSignal,
): Promise<Page<QueueSummary>> {
  const list = await send(
    'sqs',
    params.region,
    (sqs) => new sqs.ListQueuesCommand({ MaxResults: params.limit ?? 100, NextToken: params.token }),
    signal,
  );
  const urls = list.QueueUrls ?? [];
  const queues = await Promise.all(
    urls.map(async (url): Promise<QueueSummary> => {
      const out = await send(
        'sqs',
        params.region,
        (sqs) =>
          new sqs.GetQueueAttributesCommand({
            QueueUrl: url,
            AttributeNames: [
              'QueueArn',
              'ApproximateNumberOfMessages',
              'ApproximateNumberOfMessagesNotVisible',
              'RedrivePolicy',
            ],
          }),
        signal,
      );
      const a = out.Attributes ?? {};
      const target = deadLetterTarget(a.RedrivePolicy);
      return {
        name: queueNameOf(url),
        url,
        ...(a.QueueArn ? { arn: a.QueueArn } : {}),
        messagesWaiting: Number(a.ApproximateNumberOfMessages ?? 0),
        messagesInFlight: Number(a.ApproximateNumberOfMessagesNotVisible ?? 0),
        ...(target ? { deadLetterTargetArn: target } : {}),
        isDeadLetterQueue: false,
      };
    }),
  );
  const targets = new Set(queues.flatMap((q) => (q.deadLetterTargetArn ? [q.deadLetterTargetArn] : [])));
  for (const q of queues) q.isDeadLetterQueue = q.arn !== undefined && targets.has(q.arn);
  return pageOf(queues, list.NextToken);
}
