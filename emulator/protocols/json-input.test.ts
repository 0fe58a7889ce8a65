import { describe, expect, it } from 'vitest';
import { AwsError } from '../core/errors.js';
import * as lambda from '../services/lambda/input.js';
import * as sqs from '../services/sqs/input.js';
import { JsonInput } from './json-input.js';

/** The error a read throws, as the client would see it: code and message. */
function failure(read: () => unknown): { code: string; message: string } {
  try {
    read();
  } catch (e) {
    if (e instanceof AwsError) return { code: e.code, message: e.message };
    throw e;
  }
  throw new Error('the read did not fail');
}

describe('one JSON member reader, worded per service', () => {
  it('reads well-formed members the same way for every service', () => {
    const input = { Name: 'a', Count: 3, On: true, Tags: { k: 'v' }, Ids: ['x'] };
    expect(sqs.reqString(input, 'Name')).toBe('a');
    expect(lambda.optInt(input, 'Count', 1, 5)).toBe(3);
    expect(lambda.optBool(input, 'On')).toBe(true);
    expect(sqs.stringMap(input, 'Tags')).toEqual({ k: 'v' });
    expect(sqs.stringMap({}, 'Tags')).toEqual({});
    expect(lambda.optStringMap({}, 'Tags')).toBeUndefined();
    expect(new JsonInput(input).strList('Ids')).toEqual(['x']);
  });

  it('SQS: MissingParameter, SerializationException for a type, InvalidParameterValue for a range; numbers may be text', () => {
    expect(failure(() => sqs.reqString({}, 'QueueUrl'))).toEqual({
      code: 'MissingParameter',
      message: 'The request must contain the parameter QueueUrl.',
    });
    expect(failure(() => sqs.optString({ QueueUrl: 5 }, 'QueueUrl'))).toEqual({
      code: 'SerializationException',
      message: 'Value for parameter QueueUrl must be a string.',
    });
    expect(failure(() => sqs.stringMap({ Attributes: { A: 1 } }, 'Attributes')).message).toBe(
      'Value for parameter Attributes.A must be a string.',
    );
    expect(failure(() => sqs.stringMap({ Attributes: [] }, 'Attributes')).message).toBe(
      'Value for parameter Attributes must be a map.',
    );
    expect(failure(() => sqs.optInt({ MaxNumberOfMessages: 11 }, 'MaxNumberOfMessages', 1, 10))).toEqual({
      code: 'InvalidParameterValue',
      message: 'Value 11 for parameter MaxNumberOfMessages is invalid. Reason: Must be between 1 and 10, if provided.',
    });
    expect(sqs.optInt({ WaitTimeSeconds: '20' }, 'WaitTimeSeconds', 0, 20)).toBe(20);
  });

  it("Lambda: ValidationException in AWS's constraint wording; strings hold 4,096 unless told", () => {
    const constraint = (member: string, rule: string) =>
      `1 validation error detected: Value at '${member}' failed to satisfy constraint: ${rule}`;
    expect(failure(() => lambda.reqString({}, 'FunctionName'))).toEqual({
      code: 'ValidationException',
      message: constraint('FunctionName', 'Member must not be null'),
    });
    expect(failure(() => lambda.optString({ Description: 'x'.repeat(4097) }, 'Description')).message).toBe(
      constraint('Description', 'Member must have length less than or equal to 4096'),
    );
    expect(failure(() => lambda.optInt({ Timeout: 0 }, 'Timeout', 1, 900)).message).toBe(
      constraint('Timeout', 'Member must have value greater than or equal to 1'),
    );
    expect(failure(() => lambda.optInt({ Timeout: 901 }, 'Timeout', 1, 900)).message).toBe(
      constraint('Timeout', 'Member must have value less than or equal to 900'),
    );
    expect(failure(() => lambda.optStringMap({ Variables: { A: 1 } }, 'Variables')).message).toBe(
      constraint('Variables.A', 'Member must be a string'),
    );
    expect(failure(() => lambda.optBlob({ ZipFile: '***' }, 'ZipFile')).message).toBe(
      constraint('ZipFile', 'Member must be base64'),
    );
  });

  it('Cognito, Secrets Manager and Logs: InvalidParameterException; a required member of the wrong type is missing', () => {
    expect(failure(() => new JsonInput({ SecretId: 5 }).str('SecretId'))).toEqual({
      code: 'InvalidParameterException',
      message: "1 validation error detected: Value at 'SecretId' failed to satisfy constraint: Member must not be null",
    });
    expect(failure(() => new JsonInput({ Limit: 'x' }).optNum('Limit'))).toEqual({
      code: 'InvalidParameterException',
      message: 'Limit must be a number',
    });
    expect(failure(() => new JsonInput({ Logins: { a: 1 } }).strMap('Logins')).message).toBe(
      'Logins must be a map of strings',
    );
  });
});
