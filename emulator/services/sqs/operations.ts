import { reqString, type Input } from './input.js';
import {
  changeMessageVisibility,
  changeMessageVisibilityBatch,
  deleteMessage,
  deleteMessageBatch,
  sendMessage,
  sendMessageBatch,
} from './message-ops.js';
import { sourceArnOfHandle, type MoveTasks } from './move-tasks.js';
import {
  createQueue,
  deleteQueue,
  getQueueAttributes,
  getQueueUrl,
  listDeadLetterSourceQueues,
  listQueues,
  listQueueTags,
  purgeQueue,
  setQueueAttributes,
  tagQueue,
  untagQueue,
} from './queue-ops.js';
import { receiveMessage } from './receive.js';
import type { SqsState } from './state.js';
import type { OperationCall } from './types.js';
import type { Operation } from '../../core/operations.js';

export type Output = Record<string, unknown>;

/** What SQS operations share: the queues and the running message-move tasks. */
export interface Sqs {
  queues: SqsState;
  tasks: MoveTasks;
}
type SqsOperation = Operation<Sqs, Input>;
type Resource = (state: SqsState, input: Input, region: string) => string;
type Run = (state: SqsState, input: Input, call: OperationCall, tasks: MoveTasks) => Output | Promise<Output>;

/** Adapt SQS's (state, input, region) / (state, input, call, tasks) functions to the shared operation shape. */
function op(action: string, resource: Resource, run: Run): SqsOperation {
  return {
    action,
    resource: (input, call) => resource(call.state.queues, input, call.region),
    run: (input, call) => run(call.state.queues, input, call, call.state.tasks),
  };
}

const arn = (state: SqsState, region: string, name: string) => `arn:aws:sqs:${region}:${state.accountId}:${name}`;
const byUrl = (state: SqsState, input: Input, region: string) =>
  arn(state, region, state.nameFromUrl(reqString(input, 'QueueUrl')));
const byName = (state: SqsState, input: Input, region: string) => arn(state, region, reqString(input, 'QueueName'));

function onQueue(action: string, run: Run): SqsOperation {
  return op(action, byUrl, run);
}

export const OPERATIONS: Record<string, SqsOperation> = {
  CreateQueue: op('sqs:CreateQueue', byName, createQueue),
  GetQueueUrl: op('sqs:GetQueueUrl', byName, getQueueUrl),
  ListQueues: op('sqs:ListQueues', (state, _input, region) => arn(state, region, '*'), listQueues),
  DeleteQueue: onQueue('sqs:DeleteQueue', deleteQueue),
  GetQueueAttributes: onQueue('sqs:GetQueueAttributes', getQueueAttributes),
  SetQueueAttributes: onQueue('sqs:SetQueueAttributes', setQueueAttributes),
  PurgeQueue: onQueue('sqs:PurgeQueue', purgeQueue),
  ListDeadLetterSourceQueues: onQueue('sqs:ListDeadLetterSourceQueues', listDeadLetterSourceQueues),
  TagQueue: onQueue('sqs:TagQueue', tagQueue),
  UntagQueue: onQueue('sqs:UntagQueue', untagQueue),
  ListQueueTags: onQueue('sqs:ListQueueTags', listQueueTags),
  SendMessage: onQueue('sqs:SendMessage', sendMessage),
  SendMessageBatch: onQueue('sqs:SendMessage', sendMessageBatch),
  ReceiveMessage: onQueue('sqs:ReceiveMessage', receiveMessage),
  DeleteMessage: onQueue('sqs:DeleteMessage', deleteMessage),
  DeleteMessageBatch: onQueue('sqs:DeleteMessage', deleteMessageBatch),
  ChangeMessageVisibility: onQueue('sqs:ChangeMessageVisibility', changeMessageVisibility),
  ChangeMessageVisibilityBatch: onQueue('sqs:ChangeMessageVisibility', changeMessageVisibilityBatch),
  StartMessageMoveTask: {
    action: 'sqs:StartMessageMoveTask',
    resource: (input) => reqString(input, 'SourceArn'),
    run: (input, call) => call.state.tasks.start(input),
  },
  ListMessageMoveTasks: {
    action: 'sqs:ListMessageMoveTasks',
    resource: (input) => reqString(input, 'SourceArn'),
    run: (input, call) => call.state.tasks.list(input),
  },
  CancelMessageMoveTask: {
    action: 'sqs:CancelMessageMoveTask',
    resource: (input) => sourceArnOfHandle(reqString(input, 'TaskHandle')),
    run: (input, call) => call.state.tasks.cancel(input),
  },
};
