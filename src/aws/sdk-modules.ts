// The SDK chunks alone, apart from the clients: the router's page preloads import this file, and it must
// not bring clients.ts (credentials, error mapping) into the entry chunk the sign-in page loads.

/**
 * The SDK module of each service, imported on first use (its own chunk): the client and only the commands
 * the console calls, so the chunk holds their schemas alone (EC2's whole client was 226 KB gzip).
 */
export const sdkModules = {
  s3: () => import('./s3/sdk'),
  ec2: () => import('./ec2/sdk'),
  dynamodb: () => import('./dynamodb/sdk'),
  sqs: () => import('./sqs/sdk'),
  sts: () => import('./sts/sdk'),
  secretsmanager: () => import('./secretsmanager/sdk'),
  lambda: () => import('./lambda/sdk'),
  logs: () => import('./logs/sdk'),
};

/** The SDK module of a service (its commands), e.g. `SdkModule<'s3'>['ListObjectsV2Command']`. */
export type SdkModule<K extends keyof typeof sdkModules> = Awaited<ReturnType<(typeof sdkModules)[K]>>;

export function loadSdk<K extends keyof typeof sdkModules>(service: K): Promise<SdkModule<K>> {
  return sdkModules[service]() as Promise<SdkModule<K>>;
}

/** Start loading a page's SDK chunks alongside the page's own chunk instead of after its first render. */
export function preloadClients(services: Array<keyof typeof sdkModules>): void {
  for (const s of services) sdkModules[s]().catch(() => undefined);
}
