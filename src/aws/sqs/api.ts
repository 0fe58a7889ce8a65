import { withClient } from '../clients';

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

export interface QueueOverview {
  queues: QueueSummary[];
  /** More queues exist than were listed. */
  isPartial: boolean;
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

/** Queues with their message counts, flagging dead-letter queues (named in another queue's RedrivePolicy). */
export async function queueOverview(
  region: string,
  params: { limit?: number },
  signal?: AbortSignal,
): Promise<QueueOverview> {
  return withClient('sqs', region, async (client) => {
    const { ListQueuesCommand, GetQueueAttributesCommand } = await import('@aws-sdk/client-sqs');
    const list = await client.send(new ListQueuesCommand({ MaxResults: params.limit ?? 100 }), { abortSignal: signal });
    const urls = list.QueueUrls ?? [];
    const queues = await Promise.all(
      urls.map(async (url): Promise<QueueSummary> => {
        const out = await client.send(
          new GetQueueAttributesCommand({
            QueueUrl: url,
            AttributeNames: [
              'QueueArn',
              'ApproximateNumberOfMessages',
              'ApproximateNumberOfMessagesNotVisible',
              'RedrivePolicy',
            ],
          }),
          { abortSignal: signal },
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
    return { queues, isPartial: Boolean(list.NextToken) };
  });
}
