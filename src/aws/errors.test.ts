import { describe, expect, it } from 'vitest';
import { S3Client, ListBucketsCommand, GetObjectCommand } from '@aws-sdk/client-s3';
import { networkHint, parseAccessDenied, toAppError } from './errors';

function sdkError(name: string, status: number, message = name) {
  return Object.assign(new Error(message), { name, $metadata: { httpStatusCode: status } });
}

describe('toAppError', () => {
  it('maps AccessDenied with the action and resource from the message', () => {
    const e = toAppError(
      sdkError(
        'AccessDenied',
        403,
        'User: arn:aws:sts::123456789012:assumed-role/ConsoleReadOnly/x is not authorized to perform: s3:ListAllMyBuckets on resource: arn:aws:s3:::* because no identity-based policy allows it',
      ),
    );
    expect(e).toMatchObject({
      kind: 'forbidden',
      action: 's3:ListAllMyBuckets',
      resource: 'arn:aws:s3:::*',
      retryable: false,
    });
  });

  it('maps the other kinds by name and status', () => {
    expect(toAppError(sdkError('ExpiredTokenException', 400)).kind).toBe('expired');
    expect(toAppError(sdkError('ThrottlingException', 400)).kind).toBe('throttled');
    expect(toAppError(sdkError('SlowDown', 503)).kind).toBe('throttled');
    expect(toAppError(sdkError('RequestThrottled', 403)).kind).toBe('throttled');
    expect(toAppError(sdkError('NoSuchBucket', 404)).kind).toBe('not-found');
    expect(toAppError(sdkError('ResourceNotFoundException', 400)).kind).toBe('not-found');
    expect(toAppError(sdkError('AWS.SimpleQueueService.NonExistentQueue', 400)).kind).toBe('not-found');
    expect(toAppError(sdkError('BucketNotEmpty', 409)).kind).toBe('conflict');
    expect(toAppError(sdkError('ValidationException', 400)).kind).toBe('invalid');
    expect(toAppError(sdkError('InternalError', 500))).toMatchObject({ kind: 'unknown', retryable: true });
    expect(toAppError(new TypeError('Failed to fetch'))).toMatchObject({ kind: 'network', retryable: true });
    expect(
      toAppError(sdkError('UnauthorizedOperation', 403, 'You are not authorized to perform this operation.')).kind,
    ).toBe('forbidden');
  });

  it('maps a real SDK connection failure to network', async () => {
    const client = new S3Client({
      region: 'us-east-1',
      endpoint: 'http://127.0.0.1:9',
      forcePathStyle: true,
      maxAttempts: 1,
      credentials: { accessKeyId: 'a', secretAccessKey: 'b' },
    });
    const e = await client.send(new ListBucketsCommand({})).catch((x: unknown) => x);
    expect(toAppError(e).kind).toBe('network');
    const e2 = await client.send(new GetObjectCommand({ Bucket: 'b', Key: 'k' })).catch((x: unknown) => x);
    expect(toAppError(e2).kind).toBe('network');
  });

  it('parses quoted and unquoted resources, and handles messages without them', () => {
    expect(
      parseAccessDenied('not authorized to perform: sqs:ListQueues on resource: "arn:aws:sqs:us-east-1:1:*"'),
    ).toEqual({ action: 'sqs:ListQueues', resource: 'arn:aws:sqs:us-east-1:1:*' });
    expect(parseAccessDenied('Access Denied')).toEqual({});
  });

  it('quotes the whole ARN as the service sent it, spaces and quotes of the key included', () => {
    const key = 'arn:aws:s3:::xss-test/dir-1-<img src=x onerror="alert(1)"> and more.txt';
    const user = 'User: arn:aws:sts::123456789012:assumed-role/ConsoleReadOnly/x is not authorized to perform';
    expect(parseAccessDenied(`${user}: s3:PutObject on resource: ${key}`).resource).toBe(key);
    expect(
      parseAccessDenied(`${user}: s3:PutObject on resource: "${key}" because no identity-based policy allows it`)
        .resource,
    ).toBe(key);
    expect(
      parseAccessDenied(`${user}: s3:PutObject on resource: ${key} with an explicit deny in an identity-based policy`)
        .resource,
    ).toBe(key);
    expect(
      parseAccessDenied(
        `You are not authorized to perform this operation. ${user}: ec2:StopInstances on resource: arn:aws:ec2:us-east-1:1:instance/i-1 because no identity-based policy allows the ec2:StopInstances action. Encoded authorization failure message: abc`,
      ).resource,
    ).toBe('arn:aws:ec2:us-east-1:1:instance/i-1');
  });

  it('explains CORS only for non-loopback endpoints', () => {
    expect(networkHint('s3', undefined, 'https://console.example.com')).toMatch(
      /CORS.*https:\/\/console\.example\.com/,
    );
    expect(networkHint('s3', 'http://127.0.0.1:4566', 'http://localhost:5173')).not.toMatch(/CORS/);
  });

  it('gives advice that fits the service: bucket CORS for S3 only', () => {
    const origin = 'https://console.example.com';
    expect(networkHint('s3', undefined, origin)).toMatch(/bucket/);
    expect(networkHint('dynamodb', undefined, origin)).not.toMatch(/bucket/i);
    expect(networkHint('dynamodb', undefined, origin)).toMatch(/DYNAMODB/);
    expect(networkHint('sqs', 'https://sqs.internal.example', origin)).toMatch(/preflight/);
  });
});
