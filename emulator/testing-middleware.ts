/** Test support: SDK v3 clients that send what a browser page or a tampering replayer would. */

interface Stack {
  add(middleware: unknown, options: { step: 'build' | 'deserialize'; name: string; priority?: 'low' }): void;
}
interface Args {
  request: { headers: Record<string, string> };
}
type Next = (args: Args) => Promise<{ response: unknown }>;

const stackOf = (client: { middlewareStack: unknown }) => client.middlewareStack as Stack;

/** Headers set before signing ('build', e.g. a page's Origin) or after it ('deserialize', unsigned). */
export function withHeaders<T extends { middlewareStack: unknown }>(
  client: T,
  headers: Record<string, string>,
  when: 'before-signing' | 'after-signing',
): T {
  stackOf(client).add(
    (next: Next) => async (args: Args) => {
      Object.assign(args.request.headers, headers);
      return next(args);
    },
    { step: when === 'before-signing' ? 'build' : 'deserialize', name: `withHeaders-${when}` },
  );
  return client;
}

/** The raw HTTP status and headers of a call, whether it succeeds or fails. */
export async function responseOf(
  client: { middlewareStack: unknown },
  send: () => Promise<unknown>,
): Promise<{ status: number; headers: Record<string, string> }> {
  let seen: { status: number; headers: Record<string, string> } | undefined;
  stackOf(client).add(
    (next: Next) => async (args: Args) => {
      const out = await next(args);
      const response = out.response as { statusCode: number; headers: Record<string, string> };
      seen = { status: response.statusCode, headers: response.headers };
      return out;
    },
    { step: 'deserialize', name: 'responseOf', priority: 'low' },
  );
  await send().catch(() => undefined);
  if (!seen) throw new Error('no response');
  return seen;
}
