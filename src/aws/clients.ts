import type { S3Client } from '@aws-sdk/client-s3';
import type { EC2Client } from '@aws-sdk/client-ec2';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { SQSClient } from '@aws-sdk/client-sqs';
import type { STSClient } from '@aws-sdk/client-sts';
import type { LambdaClient } from '@aws-sdk/client-lambda';
import type { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { endpointFor, type ConsoleConfig } from './config';
import type { CredentialStore } from './credentials';
import { toAppError } from './errors';

export interface ClientMap {
  s3: S3Client;
  ec2: EC2Client;
  dynamodb: DynamoDBClient;
  sqs: SQSClient;
  sts: STSClient;
  lambda: LambdaClient;
  logs: CloudWatchLogsClient;
}
export type ClientService = keyof ClientMap;

export interface Session {
  config: ConsoleConfig;
  credentials: CredentialStore;
}

let session: Session | undefined;
let sessionKey: string | undefined;
const clients = new Map<string, Promise<unknown>>();

/** Set after sign-in (or at start in static/guest mode); every API call goes through it. */
export function setSession(next: Session | undefined, key?: string): void {
  if (session && session !== next) session.credentials.clear();
  session = next;
  sessionKey = next ? key : undefined;
  clients.clear();
}

/**
 * The session for `key` (e.g. the signed-in user), created once: render code may call this more
 * than once (React StrictMode), and must always get the same credentials.
 */
export function ensureSession(key: string, config: ConsoleConfig, create: () => CredentialStore): CredentialStore {
  if (session && sessionKey === key && session.config === config) return session.credentials;
  const credentials = create();
  setSession({ config, credentials }, key);
  return credentials;
}

export function getSession(): Session {
  if (!session) throw new Error('Not signed in');
  return session;
}

interface BaseConfig {
  region: string;
  endpoint?: string;
  credentials: () => ReturnType<CredentialStore['get']>;
  // Retries belong to the query client, so a retry is visible there and never doubles up.
  maxAttempts: number;
}

/** The SDK module of each service, imported on first use (its own chunk). */
const sdkModules = {
  s3: () => import('@aws-sdk/client-s3'),
  ec2: () => import('@aws-sdk/client-ec2'),
  dynamodb: () => import('@aws-sdk/client-dynamodb'),
  sqs: () => import('@aws-sdk/client-sqs'),
  sts: () => import('@aws-sdk/client-sts'),
  lambda: () => import('@aws-sdk/client-lambda'),
  logs: () => import('@aws-sdk/client-cloudwatch-logs'),
};

/** The SDK module of a service (its commands), e.g. `SdkModule<'s3'>['ListObjectsV2Command']`. */
export type SdkModule<K extends ClientService> = Awaited<ReturnType<(typeof sdkModules)[K]>>;

export function loadSdk<K extends ClientService>(service: K): Promise<SdkModule<K>> {
  return sdkModules[service]() as Promise<SdkModule<K>>;
}

/** Start loading a page's SDK chunks alongside the page's own chunk instead of after its first render. */
export function preloadClients(services: ClientService[]): void {
  for (const s of services) sdkModules[s]().catch(() => undefined);
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
  const { config, credentials } = getSession();
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
    client = factories[service](base, endpoint !== undefined);
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
    await getSession().credentials.refresh();
    return call(await getClient(service, region));
  }
}
