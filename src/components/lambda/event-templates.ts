// Test-event templates in the shapes AWS services send, filled from the user's own resources where given.

export interface TemplateContext {
  region: string;
  accountId?: string | undefined;
  /** A real bucket and one of its keys, for the S3 template. */
  bucket?: string | undefined;
  object?: { key: string; size: number; etag?: string | undefined } | undefined;
  /** A real queue, for the SQS template. */
  queueArn?: string | undefined;
  now?: Date;
}

export interface EventTemplate {
  id: 'apigateway-proxy' | 's3-put' | 'sqs-batch' | 'eventbridge';
  label: string;
  build: (ctx: TemplateContext) => unknown;
}

const ACCOUNT = '123456789012';
const uuid = (n: number) => `${'c0ffee00'.repeat(1)}-0000-4000-8000-${String(n).padStart(12, '0')}`;

export const EVENT_TEMPLATES: EventTemplate[] = [
  {
    id: 'apigateway-proxy',
    label: 'API Gateway proxy (REST)',
    build: ({ region, accountId, now = new Date() }) => ({
      resource: '/{proxy+}',
      path: '/orders/42',
      httpMethod: 'GET',
      headers: { Accept: 'application/json', Host: `abc123.execute-api.${region}.amazonaws.com` },
      multiValueHeaders: { Accept: ['application/json'] },
      queryStringParameters: { verbose: 'true' },
      multiValueQueryStringParameters: { verbose: ['true'] },
      pathParameters: { proxy: 'orders/42' },
      stageVariables: null,
      requestContext: {
        accountId: accountId ?? ACCOUNT,
        resourcePath: '/{proxy+}',
        httpMethod: 'GET',
        stage: 'prod',
        requestId: uuid(1),
        requestTimeEpoch: now.getTime(),
        identity: { sourceIp: '203.0.113.10', userAgent: 'curl/8.5.0' },
        apiId: 'abc123',
      },
      body: null,
      isBase64Encoded: false,
    }),
  },
  {
    id: 's3-put',
    label: 'S3 put',
    build: ({ region, bucket, object, now = new Date() }) => {
      const name = bucket ?? 'example-bucket';
      return {
        Records: [
          {
            eventVersion: '2.1',
            eventSource: 'aws:s3',
            awsRegion: region,
            eventTime: now.toISOString(),
            eventName: 'ObjectCreated:Put',
            s3: {
              s3SchemaVersion: '1.0',
              configurationId: 'console-test',
              bucket: { name, arn: `arn:aws:s3:::${name}` },
              object: {
                // S3 sends the key URL-encoded, spaces as "+".
                key: encodeURIComponent(object?.key ?? 'example/key.txt')
                  .replace(/%20/g, '+')
                  .replace(/%2F/g, '/'),
                size: object?.size ?? 1024,
                eTag: (object?.etag ?? '0123456789abcdef0123456789abcdef').replace(/"/g, ''),
                sequencer: '0A1B2C3D4E5F678901',
              },
            },
          },
        ],
      };
    },
  },
  {
    id: 'sqs-batch',
    label: 'SQS batch',
    build: ({ region, accountId, queueArn, now = new Date() }) => {
      const arn = queueArn ?? `arn:aws:sqs:${region}:${accountId ?? ACCOUNT}:example-queue`;
      return {
        Records: [1, 2].map((n) => ({
          messageId: uuid(n),
          receiptHandle: `AQEB-example-${n}`,
          body: JSON.stringify({ orderId: `ORD-0000${n}` }),
          attributes: {
            ApproximateReceiveCount: '1',
            SentTimestamp: String(now.getTime()),
            SenderId: accountId ?? ACCOUNT,
            ApproximateFirstReceiveTimestamp: String(now.getTime()),
          },
          messageAttributes: {},
          md5OfBody: '',
          eventSource: 'aws:sqs',
          eventSourceARN: arn,
          awsRegion: region,
        })),
      };
    },
  },
  {
    id: 'eventbridge',
    label: 'EventBridge (scheduled)',
    build: ({ region, accountId, now = new Date() }) => ({
      version: '0',
      id: uuid(3),
      'detail-type': 'Scheduled Event',
      source: 'aws.events',
      account: accountId ?? ACCOUNT,
      time: now.toISOString().replace(/\.\d{3}Z$/, 'Z'),
      region,
      resources: [`arn:aws:events:${region}:${accountId ?? ACCOUNT}:rule/every-5-minutes`],
      detail: {},
    }),
  },
];

/** A template's payload as the editor shows it. */
export function templatePayload(id: EventTemplate['id'], ctx: TemplateContext): string {
  const t = EVENT_TEMPLATES.find((x) => x.id === id);
  if (!t) throw new Error(`No template ${id}`);
  return JSON.stringify(t.build(ctx), null, 2);
}
