import { AwsError } from '../../core/errors.js';

/** JSON error names whose query-protocol code differs (the SDK maps these back through x-amzn-query-error). */
const QUERY_CODES: Record<string, string> = {
  QueueDoesNotExist: 'AWS.SimpleQueueService.NonExistentQueue',
  QueueNameExists: 'QueueAlreadyExists',
  BatchEntryIdsNotDistinct: 'AWS.SimpleQueueService.BatchEntryIdsNotDistinct',
  BatchRequestTooLong: 'AWS.SimpleQueueService.BatchRequestTooLong',
  EmptyBatchRequest: 'AWS.SimpleQueueService.EmptyBatchRequest',
  InvalidBatchEntryId: 'AWS.SimpleQueueService.InvalidBatchEntryId',
  MessageNotInflight: 'AWS.SimpleQueueService.MessageNotInflight',
  PurgeQueueInProgress: 'AWS.SimpleQueueService.PurgeQueueInProgress',
  QueueDeletedRecently: 'AWS.SimpleQueueService.QueueDeletedRecently',
  TooManyEntriesInBatchRequest: 'AWS.SimpleQueueService.TooManyEntriesInBatchRequest',
  UnsupportedOperation: 'AWS.SimpleQueueService.UnsupportedOperation',
};

/** The legacy (query protocol) code of an error. */
export function queryCodeOf(code: string): string {
  return QUERY_CODES[code] ?? code;
}

export const queueDoesNotExist = () => new AwsError('QueueDoesNotExist', 'The specified queue does not exist.', 400);

export const missingParameter = (name: string) =>
  new AwsError('MissingParameter', `The request must contain the parameter ${name}.`, 400);

export const invalidParameter = (name: string, value: unknown, reason: string) =>
  new AwsError(
    'InvalidParameterValue',
    `Value ${String(value)} for parameter ${name} is invalid. Reason: ${reason}`,
    400,
  );

export const invalidAttributeValue = (name: string) =>
  new AwsError('InvalidAttributeValue', `Invalid value for the parameter ${name}.`, 400);

export const invalidAttributeName = (name: string) =>
  new AwsError('InvalidAttributeName', `Unknown Attribute ${name}.`, 400);

export const receiptHandleIsInvalid = (handle: string) =>
  new AwsError('ReceiptHandleIsInvalid', `The input receipt handle "${handle}" is not a valid receipt handle.`, 404);
