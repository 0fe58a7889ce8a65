import { reqString, type Input } from './input.js';
import {
  changeMessageVisibility, changeMessageVisibilityBatch, deleteMessage, deleteMessageBatch, sendMessage, sendMessageBatch,
} from './message-ops.js';
import { sourceArnOfHandle, type MoveTasks } from './move-tasks.js';
import {
  createQueue, deleteQueue, getQueueAttributes, getQueueUrl, listDeadLetterSourceQueues, listQueues, listQueueTags,
  purgeQueue, setQueueAttributes, tagQueue, untagQueue,
} from './queue-ops.js';
import { receiveMessage } from './receive.js';
import type { SqsState } from './state.js';
import type { OperationCall } from './types.js';

export type Output = Record<string, unknown>;

export interface Operation {
  /** The IAM action AWS checks for the operation. */
  action: string;
  /** The resource ARN AWS authorizes the action on. */
  resource(state: SqsState, input: Input, region: string): string;
  run(state: SqsState, input: Input, call: OperationCall, tasks: MoveTasks): Output | Promise<Output>;
}

const arn = (state: SqsState, region: string, name: string) => `arn:aws:sqs:${region}:${state.accountId}:${name}`;
const byUrl = (state: SqsState, input: Input, region: string) => arn(state, region, state.nameFromUrl(reqString(input, 'QueueUrl')));
const byName = (state: SqsState, input: Input, region: string) => arn(state, region, reqString(input, 'QueueName'));

function onQueue(action: string, run: Operation['run']): Operation {
  return { action, resource: byUrl, run };
}

export const OPERATIONS: Record<string, Operation> = {
  CreateQueue: { action: 'sqs:CreateQueue', resource: byName, run: createQueue },
  GetQueueUrl: { action: 'sqs:GetQueueUrl', resource: byName, run: getQueueUrl },
  ListQueues: { action: 'sqs:ListQueues', resource: (state, _input, region) => arn(state, region, '*'), run: listQueues },
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
    resource: (_state, input) => reqString(input, 'SourceArn'),
    run: (_state, input, _call, tasks) => tasks.start(input),
  },
  ListMessageMoveTasks: {
    action: 'sqs:ListMessageMoveTasks',
    resource: (_state, input) => reqString(input, 'SourceArn'),
    run: (_state, input, _call, tasks) => tasks.list(input),
  },
  CancelMessageMoveTask: {
    action: 'sqs:CancelMessageMoveTask',
    resource: (_state, input) => sourceArnOfHandle(reqString(input, 'TaskHandle')),
    run: (_state, input, _call, tasks) => tasks.cancel(input),
  },
};
