import type { S3Client } from '@aws-sdk/client-s3';
import type { EC2Client } from '@aws-sdk/client-ec2';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { SQSClient } from '@aws-sdk/client-sqs';
import type { STSClient } from '@aws-sdk/client-sts';
import type { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import type { LambdaClient } from '@aws-sdk/client-lambda';
import type { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { endpointFor } from './config';
import type { CredentialStore } from './credentials';
import { currentSession } from './session';
import { toAppError } from './errors';
import { recordCalls } from './call-recorder';
import { sdkModules } from './sdk-modules';

export interface ClientMap {
  s3: S3Client;
  ec2: EC2Client;
  dynamodb: DynamoDBClient;
  sqs: SQSClient;
  sts: STSClient;
  secretsmanager: SecretsManagerClient;
  lambda: LambdaClient;
  logs: CloudWatchLogsClient;
}
export type ClientService = keyof ClientMap;

interface BaseConfig {
  region: string;
  endpoint?: string;
  credentials: () => ReturnType<CredentialStore['get']>;
  // Retries belong to the query client, so a retry is visible there and never doubles up.
  maxAttempts: number;
}

/** Each client module is imported on first use, so a page's chunk only carries the SDKs it calls. */
const factories: { [K in ClientService]: (base: BaseConfig, hasEndpoint: boolean) => Promise<ClientMap[K]> } = {
  async s3(base, hasEndpoint) {
    const { S3Client } = await sdkModules.s3();
    // WHEN_REQUIRED: the default checksum path breaks Blob bodies in browsers (aws-sdk-js-v3#6834).
    return new S3Client({ ...base, forcePathStyle: hasEndpoint, requestChecksumCalculation: 'WHEN_REQUIRED' });
  },
  async ec2(base) {
    const { EC2Client } = await sdkModules.ec2();
    return new EC2Client(base);
  },
  async dynamodb(base) {
    const { DynamoDBClient } = await sdkModules.dynamodb();
    return new DynamoDBClient(base);
  },
  async sqs(base) {
    const { SQSClient } = await sdkModules.sqs();
    return new SQSClient(base);
  },
  async sts(base) {
    const { STSClient } = await sdkModules.sts();
    return new STSClient(base);
  },
  async secretsmanager(base) {
    const { SecretsManagerClient } = await sdkModules.secretsmanager();
    return new SecretsManagerClient(base);
  },
  async lambda(base) {
    const { LambdaClient } = await sdkModules.lambda();
    return new LambdaClient(base);
  },
  async logs(base) {
    const { CloudWatchLogsClient } = await sdkModules.logs();
    return new CloudWatchLogsClient(base);
  },
};

/** One client per (service, region, credentials generation), created lazily and reused. */
export function getClient<K extends ClientService>(service: K, region: string): Promise<ClientMap[K]> {
  const { config, credentials, clients } = currentSession();
  const key = `${service}|${region}|${credentials.generation}`;
  let client = clients.get(key) as Promise<ClientMap[K]> | undefined;
  if (!client) {
    for (const k of clients.keys()) if (k.startsWith(`${service}|${region}|`)) clients.delete(k);
    const endpoint = endpointFor(config, service);
    const base: BaseConfig = {
      region,
      ...(endpoint ? { endpoint } : {}),
      credentials: () => credentials.get(),
      maxAttempts: 1,
    };
    const history = currentSession().history;
    client = factories[service](base, endpoint !== undefined).then((c) =>
      recordCalls(c, { region, ...(endpoint ? { endpoint } : {}), history: () => history }),
    );
    clients.set(key, client);
  }
  return client;
}

/**
 * Run a call with the service's client; after an ExpiredToken-class error, renew the credentials and
 * retry once, so the page (an open form, an upload) never notices.
 */
export async function withClient<K extends ClientService, T>(
  service: K,
  region: string,
  call: (client: ClientMap[K]) => Promise<T>,
): Promise<T> {
  try {
    return await call(await getClient(service, region));
  } catch (e) {
    if (toAppError(e).kind !== 'expired') throw e;
    await currentSession().credentials.refresh();
    return call(await getClient(service, region));
  }
}
