import { sendMessage } from '../services/sqs/message-ops.js';
import { createQueue, setQueueAttributes } from '../services/sqs/queue-ops.js';
import type { SqsState } from '../services/sqs/state.js';
import type { OperationCall } from '../services/sqs/types.js';

/**
 * Demo queues: `orders` redriving to `orders-dlq` (which already holds a few failed orders),
 * `events.fifo` with two message groups, and `notifications` with a screenful of messages.
 */
export function seedSqs(state: SqsState, region: string): void {
  const call: OperationCall = {
    region,
    signal: new AbortController().signal,
    caller: {
      accessKeyId: '',
      arn: `arn:aws:iam::${state.accountId}:root`,
      accountId: state.accountId,
      userId: state.accountId,
      roleName: null,
      anonymous: false,
    },
  };
  const url = (name: string, attributes: Record<string, string> = {}, tags: Record<string, string> = {}) =>
    createQueue(state, { QueueName: name, Attributes: attributes, tags }, call).QueueUrl;

  const dlqUrl = url('orders-dlq', { MessageRetentionPeriod: '1209600' }, { Environment: 'demo', Team: 'orders' });
  const ordersUrl = url('orders', { VisibilityTimeout: '60' }, { Environment: 'demo', Team: 'orders' });
  const dlq = state.byUrl(region, dlqUrl);
  const orders = state.byUrl(region, ordersUrl);
  setQueueAttributes(
    state,
    {
      QueueUrl: ordersUrl,
      Attributes: { RedrivePolicy: JSON.stringify({ deadLetterTargetArn: state.arnOf(dlq), maxReceiveCount: 3 }) },
    },
    call,
  );

  const failed = [
    { id: 'ord-1001', total: '129.90', reason: 'payment-declined' },
    { id: 'ord-1002', total: '15.00', reason: 'address-invalid' },
    { id: 'ord-1003', total: '980.45', reason: 'payment-declined' },
    { id: 'ord-1004', total: '42.10', reason: 'inventory-timeout' },
  ];
  for (const o of failed) {
    sendMessage(
      state,
      {
        QueueUrl: dlqUrl,
        MessageBody: JSON.stringify({ orderId: o.id, total: Number(o.total), currency: 'EUR' }),
        MessageAttributes: {
          OrderId: { DataType: 'String', StringValue: o.id },
          Total: { DataType: 'Number', StringValue: o.total },
          FailureReason: { DataType: 'String', StringValue: o.reason },
        },
      },
      call,
    );
  }
  // As if they had failed in `orders` three times: a redrive takes them back there.
  state.db
    .prepare('UPDATE messages SET dead_letter_source = ?, receive_count = 3 WHERE queue_id = ?')
    .run(state.arnOf(orders), dlq.id);

  const eventsUrl = url(
    'events.fifo',
    { FifoQueue: 'true', ContentBasedDeduplication: 'true' },
    { Environment: 'demo' },
  );
  const events = [
    ['customer-42', 'CustomerCreated'],
    ['customer-42', 'AddressChanged'],
    ['customer-7', 'CustomerCreated'],
    ['customer-42', 'OrderPlaced'],
    ['customer-7', 'OrderPlaced'],
    ['customer-7', 'OrderShipped'],
  ] as const;
  events.forEach(([group, type], i) => {
    sendMessage(
      state,
      {
        QueueUrl: eventsUrl,
        MessageGroupId: group,
        MessageBody: JSON.stringify({ type, customerId: group, version: i + 1 }),
        MessageAttributes: { EventType: { DataType: 'String', StringValue: type } },
      },
      call,
    );
  });

  const notificationsUrl = url('notifications', {}, { Environment: 'demo' });
  const channels = ['email', 'sms', 'push'];
  for (let i = 1; i <= 25; i++) {
    const channel = channels[i % channels.length] as string;
    sendMessage(
      state,
      {
        QueueUrl: notificationsUrl,
        MessageBody: JSON.stringify({ notificationId: i, channel, text: `Notification ${i} via ${channel}` }),
        MessageAttributes: { Channel: { DataType: 'String', StringValue: channel } },
      },
      call,
    );
  }
}
