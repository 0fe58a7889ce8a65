import { strToU8, zipSync } from 'fflate';
import type { ServiceEnv } from '../core/types.js';
import { codeSha256 } from '../services/lambda/code.js';
import { newRevision } from '../services/lambda/model.js';
import type { FunctionRecord, FunctionStore } from '../services/lambda/store.js';
import { LAMBDA_DEMO_ROLE_NAME } from './accounts.js';
import { ROTATOR_FUNCTION } from './secrets-rotator.js';

/** A one-file deployment package. */
export function zipOf(files: Record<string, string>): Buffer {
  return Buffer.from(zipSync(Object.fromEntries(Object.entries(files).map(([name, text]) => [name, strToU8(text)]))));
}

interface DemoFunction {
  name: string;
  description: string;
  file: string;
  code: string;
  timeout?: number;
  memorySize?: number;
  environment?: Record<string, string>;
}

export const DEMO_FUNCTIONS: DemoFunction[] = [
  {
    name: 'process-image',
    description: "Reads an S3 object's size and content type (event: { bucket, key }).",
    file: 'index.mjs',
    code: `import { S3Client, HeadObjectCommand } from '@aws-sdk/client-s3';

const s3 = new S3Client({});

export const handler = async (event) => {
  const bucket = event.bucket ?? 'demo-assets';
  const key = event.key ?? 'images/banners/banner-01.png';
  const head = await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
  console.log('processed', bucket, key, head.ContentLength, 'bytes');
  return { bucket, key, size: head.ContentLength, contentType: head.ContentType };
};
`,
    timeout: 10,
  },
  {
    name: 'echo',
    description: 'Answers with the event it was given.',
    file: 'index.mjs',
    code: `export const handler = async (event, context) => {
  console.log('event', JSON.stringify(event));
  return { event, requestId: context.awsRequestId };
};
`,
  },
  {
    name: 'fails',
    description: 'Always throws, to show a function error.',
    file: 'index.js',
    code: `exports.handler = async () => {
  throw new Error('This function always fails');
};
`,
  },
  {
    name: 'slow',
    description: 'Sleeps 5 s against a 2 s timeout, to show a timeout.',
    file: 'index.js',
    code: `exports.handler = (event, context, callback) => {
  console.log('starting a long job; remaining ms', context.getRemainingTimeInMillis());
  setTimeout(() => callback(null, { done: true }), 5000);
};
`,
    timeout: 2,
  },
  {
    name: 'order-lookup',
    description: 'Reads the database secret and an order from the Orders table (event: { orderId }).',
    file: 'index.mjs',
    code: `import { SecretsManagerClient, GetSecretValueCommand } from '@aws-sdk/client-secrets-manager';
import { DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb';

const secrets = new SecretsManagerClient({});
const dynamodb = new DynamoDBClient({});

export const handler = async (event) => {
  const secret = await secrets.send(new GetSecretValueCommand({ SecretId: process.env.SECRET_ID }));
  const { host, username } = JSON.parse(secret.SecretString);
  const orderId = event.orderId ?? 'ORD-00001';
  const item = await dynamodb.send(new GetItemCommand({ TableName: 'Orders', Key: { orderId: { S: orderId } } }));
  return { database: { host, username }, order: item.Item ?? null };
};
`,
    timeout: 10,
    environment: { SECRET_ID: 'prod/database/postgres' },
  },
  ROTATOR_FUNCTION,
];

/** The demo functions, written straight into the store (Active at once). */
export async function seedLambda(store: FunctionStore, env: ServiceEnv): Promise<void> {
  const now = Date.now() - 60_000;
  for (const fn of DEMO_FUNCTIONS) {
    if (store.get(env.defaultRegion, fn.name)) continue;
    const zip = zipOf({ [fn.file]: fn.code });
    const sha = codeSha256(zip);
    store.saveZip(sha, zip);
    const rec: FunctionRecord = {
      region: env.defaultRegion,
      name: fn.name,
      runtime: 'nodejs22.x',
      role: `arn:aws:iam::${env.accountId}:role/${LAMBDA_DEMO_ROLE_NAME}`,
      handler: 'index.handler',
      timeout: fn.timeout ?? 3,
      memorySize: fn.memorySize ?? 128,
      environment: fn.environment ?? {},
      description: fn.description,
      codeSha256: sha,
      codeSize: zip.length,
      deadLetterArn: null,
      revisionId: newRevision(),
      lastModified: now,
      changedAt: now,
      tags: { Environment: 'demo' },
      reservedConcurrency: null,
      onFailure: null,
      maximumRetryAttempts: 2,
      versions: [],
      aliases: [],
      nextVersion: 1,
    };
    store.put(rec);
  }
}
