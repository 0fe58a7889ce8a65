import { toAppError } from '../errors';
import { useAwsMutation } from '../mutation';
import { changeVisibility, deleteMessages, sendMessage, type MessageHandle, type SendParams } from './message-api';
import { createQueue, deleteQueue, purgeQueue, tagQueue, untagQueue } from './queue-api';
import { cancelMessageMove, startMessageMove } from './redrive-api';
import { sqsKeys } from './queries';

export function useCreateQueue() {
  return useAwsMutation({
    describe: (v: { region: string; name: string }) => `create queue ${v.name}`,
    mutationFn: (v: { region: string; name: string; attributes: Record<string, string> }) => createQueue(v),
    invalidates: (v) => [sqsKeys.queues(v.region)],
    action: 'sqs:CreateQueue',
  });
}

export function useDeleteQueue() {
  return useAwsMutation({
    describe: (v: { region: string; url: string; name: string }) => `delete queue ${v.name}`,
    mutationFn: (v: { region: string; url: string; name: string }) => deleteQueue(v),
    // Only the lists: refetching the deleted queue's own data would only show it missing.
    invalidates: (v) => [sqsKeys.queues(v.region)],
    action: 'sqs:DeleteQueue',
  });
}

export function usePurgeQueue() {
  return useAwsMutation({
    describe: (v: { region: string; url: string; name: string }) => `purge queue ${v.name}`,
    mutationFn: (v: { region: string; url: string; name: string }) => purgeQueue(v),
    invalidates: (v) => [sqsKeys.attributes(v.region, v.url)],
    action: 'sqs:PurgeQueue',
    // SQS allows one purge per queue every 60 seconds: say so plainly.
    explain: (error, v) =>
      toAppError(error).code === 'PurgeQueueInProgress'
        ? `A purge of ${v.name} started less than 60 seconds ago. SQS allows one purge per queue every 60 seconds: try again in a minute.`
        : undefined,
  });
}

export function useTagQueue() {
  return useAwsMutation({
    describe: (v: { region: string; url: string; tags: Record<string, string> }) =>
      `tag the queue with ${Object.keys(v.tags).join(', ')}`,
    mutationFn: (v: { region: string; url: string; tags: Record<string, string> }) => tagQueue(v),
    invalidates: (v) => [sqsKeys.tags(v.region, v.url)],
    action: 'sqs:TagQueue',
  });
}

export function useUntagQueue() {
  return useAwsMutation({
    describe: (v: { region: string; url: string; keys: string[] }) => `remove tag ${v.keys.join(', ')}`,
    mutationFn: (v: { region: string; url: string; keys: string[] }) => untagQueue(v),
    invalidates: (v) => [sqsKeys.tags(v.region, v.url)],
    action: 'sqs:UntagQueue',
  });
}

export function useSendMessage() {
  return useAwsMutation({
    describe: () => 'send the message',
    mutationFn: (v: SendParams) => sendMessage(v),
    invalidates: (v) => [sqsKeys.attributes(v.region, v.url)],
    action: 'sqs:SendMessage',
  });
}

interface HandlesVars {
  region: string;
  url: string;
  messages: MessageHandle[];
}

export function useDeleteMessages() {
  return useAwsMutation({
    describe: (v: HandlesVars) =>
      v.messages.length === 1 ? 'delete the message' : `delete ${v.messages.length} messages`,
    mutationFn: (v: HandlesVars) => deleteMessages(v),
    invalidates: (v) => [sqsKeys.attributes(v.region, v.url)],
    action: 'sqs:DeleteMessage',
  });
}

export function useChangeVisibility() {
  return useAwsMutation({
    describe: (v: HandlesVars & { timeoutSeconds: number }) =>
      `change the visibility of ${v.messages.length === 1 ? 'the message' : `${v.messages.length} messages`}`,
    mutationFn: (v: HandlesVars & { timeoutSeconds: number }) => changeVisibility(v),
    invalidates: (v) => [sqsKeys.attributes(v.region, v.url)],
    action: 'sqs:ChangeMessageVisibility',
  });
}

interface RedriveVars {
  region: string;
  sourceArn: string;
  sourceName: string;
  destinationArn?: string | undefined;
  maxPerSecond?: number | undefined;
}

export function useStartRedrive() {
  return useAwsMutation({
    describe: (v: RedriveVars) => `start the redrive of ${v.sourceName}`,
    mutationFn: (v: RedriveVars) => startMessageMove(v),
    invalidates: (v) => [sqsKeys.moveTasks(v.region, v.sourceArn)],
    action: 'sqs:StartMessageMoveTask',
  });
}

export function useCancelRedrive() {
  return useAwsMutation({
    describe: () => 'cancel the redrive',
    mutationFn: (v: { region: string; handle: string; sourceArn: string }) => cancelMessageMove(v),
    invalidates: (v) => [sqsKeys.moveTasks(v.region, v.sourceArn)],
    action: 'sqs:CancelMessageMoveTask',
  });
}
