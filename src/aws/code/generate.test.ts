import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { FileRef, type ApiCall } from './call';
import { snakeCase } from './catalog';
import { codeFor, scriptOf } from './generate';
import { shellQuote } from './literals';

const call = (
  input: Record<string, unknown>,
  operation = 'PutObject',
  service: ApiCall['service'] = 's3',
): ApiCall => ({
  service,
  operation,
  input,
  region: 'eu-west-1',
});

describe('shell quoting', () => {
  it('survives spaces, quotes, unicode and metacharacters through a real shell', () => {
    const words = [`it's "x"`, 'ünï 日本', '$(touch /tmp/pwned) `id` ; | & > < * ? ~ !', '', '-dash', 'a\nb'];
    const out = execFileSync('bash', ['-c', `printf '%s\\0' ${words.map(shellQuote).join(' ')}`]).toString('utf8');
    expect(out.split('\0').slice(0, -1)).toEqual(words);
  });
});

describe('names', () => {
  it('follows botocore for operation and member names', () => {
    expect(snakeCase('ListObjectsV2')).toBe('list_objects_v2');
    expect(snakeCase('DescribeInstanceStatus', '-')).toBe('describe-instance-status');
    expect(snakeCase('SSESpecification', '-')).toBe('sse-specification');
    expect(snakeCase('QueueUrl', '-')).toBe('queue-url');
  });
});

describe('what code never shows', () => {
  it('shows <secret value> for a secret, in every language', () => {
    const code = codeFor(call({ SecretId: 'db', SecretString: 'p@ss w0rd!' }, 'PutSecretValue', 'secretsmanager'));
    for (const text of Object.values(code)) {
      expect(text).not.toContain('p@ss');
      expect(text).toContain('<secret value>');
    }
  });

  it('strips a presigned signature, a session token and an access key id', () => {
    const url =
      'https://b.s3.amazonaws.com/k?X-Amz-Credential=AKIAABCDEFGHIJKLMNOP%2F20260101&X-Amz-Signature=deadbeef&X-Amz-Security-Token=tok';
    const code = codeFor(call({ QueueUrl: 'q', MessageBody: url, SessionToken: 'secret-token' }, 'SendMessage', 'sqs'));
    for (const text of Object.values(code)) {
      for (const leak of ['deadbeef', 'AKIAABCDEFGHIJKLMNOP', 'secret-token', '=tok']) expect(text).not.toContain(leak);
    }
  });
});

describe('shape rules', () => {
  it('names an upload body by its file instead of inlining it', () => {
    const code = codeFor(call({ Bucket: 'b', Key: 'dir/a b.bin', Body: new FileRef('local name.bin', 3) }));
    expect(code.cli).toContain(`--body 'local name.bin'`);
    expect(code.boto3).toContain('with open("local name.bin", "rb") as body:');
    expect(code.sdk).toContain('Body: await readFile("local name.bin")');
  });

  it('uses --cli-input-json when the input is large, and for a value the CLI would read as a file', () => {
    const entries = Array.from({ length: 20 }, (_, i) => ({ Id: `m${i}`, MessageBody: `message number ${i}` }));
    expect(codeFor(call({ QueueUrl: 'q', Entries: entries }, 'SendMessageBatch', 'sqs')).cli).toContain(
      '--cli-input-json',
    );
    expect(codeFor(call({ QueueUrl: 'q', MessageBody: 'file:///etc/passwd' }, 'SendMessage', 'sqs')).cli).toContain(
      '--cli-input-json',
    );
    expect(codeFor(call({ QueueUrl: 'q', MessageBody: 'hi' }, 'SendMessage', 'sqs')).cli).not.toContain(
      '--cli-input-json',
    );
  });

  it('adds the endpoint only when it is not AWS', () => {
    expect(codeFor(call({ Bucket: 'b' }, 'ListObjectsV2')).cli).not.toContain('--endpoint-url');
    const local = codeFor({ ...call({ Bucket: 'b' }, 'ListObjectsV2'), endpoint: 'http://localhost:4566' });
    expect(local.cli).toContain('--endpoint-url http://localhost:4566');
    expect(local.sdk).toContain('forcePathStyle: true');
  });

  it('joins several calls into one script with one client per service and region', () => {
    const script = scriptOf(
      [
        { call: call({ Bucket: 'b', Key: 'k' }, 'DeleteObject'), note: '10:00 DeleteObject ok' },
        { call: call({ Bucket: 'b', Key: 'j' }, 'DeleteObject'), note: '10:01 DeleteObject\nok' },
      ],
      'boto3',
    );
    expect(script.match(/boto3\.client\(/g)).toHaveLength(1);
    expect(script).toContain('# 10:01 DeleteObject ok');
    expect(scriptOf([{ call: call({ Bucket: 'b' }, 'ListObjectsV2') }], 'cli')).toMatch(
      /^#!\/usr\/bin\/env bash\nset -euo pipefail\n/,
    );
  });
});
