import { withClient, type ClientService } from './clients';
import { loadSdk, type SdkModule } from './sdk-modules';

/** The output type of an SDK v3 command instance (what `client.send(command)` resolves to). */
export type OutputOf<C> = C extends {
  resolveMiddleware: (...args: never[]) => (args: never) => Promise<{ output: infer O }>;
}
  ? O
  : never;

interface Sendable<C> {
  send(command: C, options: { abortSignal?: AbortSignal }): Promise<OutputOf<C>>;
}

/**
 * One call to AWS: the service's SDK module is loaded lazily (its own chunk), the client for the
 * region is reused, expired credentials are renewed once. An api function only names its command:
 *   send('s3', region, (s3) => new s3.ListBucketsCommand({}), signal)
 */
export function send<K extends ClientService, C extends object>(
  service: K,
  region: string,
  command: (sdk: SdkModule<K>) => C,
  signal?: AbortSignal,
): Promise<OutputOf<C>> {
  return withClient(service, region, async (client) => {
    const cmd = command(await loadSdk(service));
    return (client as unknown as Sendable<C>).send(cmd, signal ? { abortSignal: signal } : {});
  });
}
