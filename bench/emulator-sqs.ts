// SQS hot path: SendMessage + ReceiveMessage + DeleteMessage round trips per second through the SDK.
import {
  CreateQueueCommand,
  DeleteMessageCommand,
  ReceiveMessageCommand,
  SendMessageCommand,
  SQSClient,
} from '@aws-sdk/client-sqs';

interface ClientConfig {
  endpoint: string;
  region: string;
  credentials: { accessKeyId: string; secretAccessKey: string };
}

/** Run `workers` loops of send -> receive -> delete on their own queues for `ms`; cycles per second. */
async function cycles(sqs: SQSClient, name: string, workers: number, ms: number): Promise<number> {
  const urls = await Promise.all(
    Array.from({ length: workers }, async (_, i) => {
      const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: `${name}-${i}` }));
      return QueueUrl as string;
    }),
  );
  let done = 0;
  const started = performance.now();
  const end = started + ms;
  await Promise.all(
    urls.map(async (QueueUrl) => {
      while (performance.now() < end) {
        await sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: `bench ${done}` }));
        const { Messages } = await sqs.send(new ReceiveMessageCommand({ QueueUrl, MaxNumberOfMessages: 1 }));
        const handle = Messages?.[0]?.ReceiptHandle;
        if (!handle) throw new Error('a sent message was not received');
        await sqs.send(new DeleteMessageCommand({ QueueUrl, ReceiptHandle: handle }));
        done++;
      }
    }),
  );
  return done / ((performance.now() - started) / 1000);
}

export async function benchSqs(clientConfig: ClientConfig): Promise<Record<string, number>> {
  const sqs = new SQSClient(clientConfig);
  try {
    await cycles(sqs, 'bench-warmup', 1, 200);
    const sequential = await cycles(sqs, 'bench-seq', 1, 1500);
    const parallel = await cycles(sqs, 'bench-par', 8, 1500);
    return {
      'SQS send+receive+delete/s (1 client loop)': Math.round(sequential),
      'SQS send+receive+delete/s (8 concurrent loops)': Math.round(parallel),
    };
  } finally {
    sqs.destroy();
  }
}
