import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CopyObjectCommand,
  CreateBucketCommand,
  CreateMultipartUploadCommand,
  DeleteObjectCommand,
  DeleteObjectsCommand,
  GetObjectCommand,
  HeadObjectCommand,
  PutObjectCommand,
  S3Client,
  UploadPartCommand,
} from '@aws-sdk/client-s3';
import {
  CreateTableCommand,
  DescribeTableCommand,
  DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
  type AttributeValue,
} from '@aws-sdk/client-dynamodb';
import {
  AdminCreateUserCommand,
  CognitoIdentityProviderClient,
  CreateUserPoolCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { errorOf, startTestEmulator, type TestEmulator } from './testing.js';
import { rawRequest, signedRawRequest } from './testing-http.js';

/** An item attribute nested `levels` maps deep. */
function nested(levels: number): AttributeValue {
  let value: AttributeValue = { S: 'bottom' };
  for (let i = 0; i < levels; i++) value = { M: { n: value } };
  return value;
}

describe("malformed input gets the protocol's 4xx error, never a 500", () => {
  let emu: TestEmulator;
  let s3: S3Client;
  beforeAll(async () => {
    emu = await startTestEmulator();
    s3 = new S3Client({ ...emu.clientConfig, forcePathStyle: true });
    await s3.send(new CreateBucketCommand({ Bucket: 'bad-input' }));
  });
  afterAll(() => emu.dispose());

  it('answers a malformed Host header with 400 in the service shape, CORS headers included', async () => {
    for (const host of ['localhost:99999', 'a b', '[::1', 'x:y']) {
      const res = await rawRequest(emu.url, {
        path: '/bad-input/k',
        headers: { host, origin: 'http://localhost:5173' },
      });
      expect(res.status).toBe(400);
      expect(res.text).toContain('<Code>InvalidArgument</Code>');
      expect(res.headers['access-control-allow-origin']).toBe('http://localhost:5173');
    }
  });

  it('refuses AdminCreateUser with UserAttributes [null] as InvalidParameterException', async () => {
    const idp = new CognitoIdentityProviderClient(emu.clientConfig);
    const pool = (await idp.send(new CreateUserPoolCommand({ PoolName: 'p' }))).UserPool?.Id ?? '';
    const res = await signedRawRequest(emu, {
      service: 'cognito-idp',
      method: 'POST',
      headers: {
        'content-type': 'application/x-amz-json-1.1',
        'x-amz-target': 'AWSCognitoIdentityProviderService.AdminCreateUser',
      },
      body: JSON.stringify({ UserPoolId: pool, Username: 'n', UserAttributes: [null] }),
    });
    expect(res.status).toBe(400);
    expect(JSON.parse(res.text)).toMatchObject({ __type: 'InvalidParameterException' });
    const ok = await idp.send(
      new AdminCreateUserCommand({
        UserPoolId: pool,
        Username: 'n',
        UserAttributes: [{ Name: 'email', Value: 'n@example.com' }],
      }),
    );
    expect(ok.User?.UserStatus).toBe('FORCE_CHANGE_PASSWORD');
  });

  it('treats prototype names as unknown operations on every JSON and query service', async () => {
    const json = async (service: string, target: string) => {
      const res = await signedRawRequest(emu, {
        service,
        method: 'POST',
        headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': target },
        body: '{"echo":"me"}',
      });
      return { status: res.status, text: res.text };
    };
    for (const name of ['constructor', 'valueOf', '__proto__', 'toString', 'hasOwnProperty']) {
      for (const [service, prefix] of [
        ['cognito-idp', 'AWSCognitoIdentityProviderService.'],
        ['cognito-identity', 'AWSCognitoIdentityService.'],
        ['dynamodb', 'DynamoDB_20120810.'],
        ['sqs', 'AmazonSQS.'],
      ] as const) {
        const res = await json(service, `${prefix}${name}`);
        expect(res.status, `${service} ${name}`).toBe(400);
        expect(res.text).toMatch(/UnknownOperation|InvalidAction/);
        expect(res.text).not.toContain('"echo"');
      }
      for (const service of ['ec2', 'sqs', 'sts']) {
        const res = await signedRawRequest(emu, {
          service,
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: `Action=${name}&Version=2016-11-15`,
        });
        expect(res.status, `${service} ${name}`).toBeGreaterThanOrEqual(400);
        expect(res.status, `${service} ${name}`).toBeLessThan(500);
      }
    }
  });

  it('refuses DynamoDB items nested past 32 levels with ValidationException, even a thousand deep', async () => {
    const ddb = new DynamoDBClient(emu.clientConfig);
    await ddb.send(
      new CreateTableCommand({
        TableName: 'deep',
        KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
        AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
        BillingMode: 'PAY_PER_REQUEST',
      }),
    );
    await expect
      .poll(async () => (await ddb.send(new DescribeTableCommand({ TableName: 'deep' }))).Table?.TableStatus, {
        interval: 50,
        timeout: 5000,
      })
      .toBe('ACTIVE');
    await ddb.send(new PutItemCommand({ TableName: 'deep', Item: { id: { S: 'ok' }, v: nested(31) } }));
    expect((await ddb.send(new GetItemCommand({ TableName: 'deep', Key: { id: { S: 'ok' } } }))).Item?.id?.S).toBe(
      'ok',
    );
    for (const levels of [33, 1000]) {
      const err = await errorOf(
        ddb.send(new PutItemCommand({ TableName: 'deep', Item: { id: { S: `l${levels}` }, v: nested(levels) } })),
      );
      expect(err.name).toBe('ValidationException');
      expect(err.message).toBe('Nesting Levels have exceeded supported limits');
    }
    const raw = await signedRawRequest(emu, {
      service: 'dynamodb',
      method: 'POST',
      headers: { 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': 'DynamoDB_20120810.PutItem' },
      body: `{"TableName":"deep","Item":{"id":{"S":"raw"},"v":${'{"L":['.repeat(5000)}{"S":"x"}${']}'.repeat(5000)}}}`,
    });
    expect(raw.status).toBe(400);
    expect(raw.text).toContain('ValidationException');
  });

  it('checks the 1,024-byte key limit on every S3 operation that names a key', async () => {
    const long = 'k'.repeat(1025);
    await s3.send(new PutObjectCommand({ Bucket: 'bad-input', Key: 'src', Body: 'x' }));
    const calls: Array<[string, () => Promise<unknown>]> = [
      ['PutObject', () => s3.send(new PutObjectCommand({ Bucket: 'bad-input', Key: long, Body: 'x' }))],
      ['GetObject', () => s3.send(new GetObjectCommand({ Bucket: 'bad-input', Key: long }))],
      ['DeleteObject', () => s3.send(new DeleteObjectCommand({ Bucket: 'bad-input', Key: long }))],
      ['CreateMultipartUpload', () => s3.send(new CreateMultipartUploadCommand({ Bucket: 'bad-input', Key: long }))],
      [
        'UploadPart',
        () =>
          s3.send(new UploadPartCommand({ Bucket: 'bad-input', Key: long, UploadId: 'x', PartNumber: 1, Body: 'x' })),
      ],
      [
        'CopyObject target',
        () => s3.send(new CopyObjectCommand({ Bucket: 'bad-input', Key: long, CopySource: 'bad-input/src' })),
      ],
      [
        'CopyObject source',
        () => s3.send(new CopyObjectCommand({ Bucket: 'bad-input', Key: 'dst', CopySource: `bad-input/${long}` })),
      ],
    ];
    for (const [name, call] of calls) {
      const err = await errorOf(call());
      expect(err.name, name).toBe('KeyTooLongError');
      expect(err.$metadata?.httpStatusCode, name).toBe(400);
    }
    expect(
      (await errorOf(s3.send(new HeadObjectCommand({ Bucket: 'bad-input', Key: long })))).$metadata?.httpStatusCode,
    ).toBe(400);
    const batch = await s3.send(
      new DeleteObjectsCommand({ Bucket: 'bad-input', Delete: { Objects: [{ Key: long }, { Key: 'src' }] } }),
    );
    expect(batch.Errors?.map((e) => e.Code)).toEqual(['KeyTooLongError']);
    expect(batch.Deleted?.map((d) => d.Key)).toEqual(['src']);
  });

  it("refuses XML entities other than XML's five as MalformedXML, and still decodes those and character references", async () => {
    await s3.send(new PutObjectCommand({ Bucket: 'bad-input', Key: 'a&b', Body: 'x' }));
    await s3.send(new PutObjectCommand({ Bucket: 'bad-input', Key: 'AB', Body: 'x' }));
    const deleteWith = (xml: string) =>
      signedRawRequest(emu, {
        service: 's3',
        method: 'POST',
        path: '/bad-input',
        query: { delete: '' },
        headers: { 'content-type': 'application/xml', 'content-md5': createHash('md5').update(xml).digest('base64') },
        body: xml,
      });
    for (const entity of ['&nbsp;', '&copy;', '&bogus;', '& ']) {
      const res = await deleteWith(`<Delete><Object><Key>x${entity}y</Key></Object></Delete>`);
      expect(res.status, entity).toBe(400);
      expect(res.text).toContain('<Code>MalformedXML</Code>');
    }
    const ok = await deleteWith(
      '<Delete><Object><Key>a&amp;b</Key></Object><Object><Key>&#65;&#x42;</Key></Object><Object><Key><![CDATA[&nbsp;]]></Key></Object></Delete>',
    );
    expect(ok.status).toBe(200);
    expect(ok.text).toContain('<Key>a&amp;b</Key>');
    expect(ok.text).toContain('<Key>AB</Key>');
  });

  it('answers an oversized unsigned body with 413 before reading it', async () => {
    const res = await rawRequest(emu.url, {
      method: 'POST',
      path: '/',
      headers: {
        host: new URL(emu.url).host,
        'x-amz-target': 'AWSCognitoIdentityProviderService.InitiateAuth',
        'content-type': 'application/x-amz-json-1.1',
        'content-length': String(10 * 2 ** 20),
      },
    }).catch((e: Error) => ({ status: 0, text: e.message, headers: {} }));
    expect(res.status).toBe(413);
  });
});
