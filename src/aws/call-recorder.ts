import type { CallHistory } from './call-history';
import { serviceOfClient } from './code/catalog';
import { toAppError } from './errors';

interface HandlerContext {
  clientName?: string;
  commandName?: string;
  __smithy_context?: { abortSignal?: AbortSignal };
}
type Next = (args: { input: object }) => Promise<unknown>;
type RecorderMiddleware = (next: Next, context: HandlerContext) => Next;

interface StackOwner {
  middlewareStack: {
    add(middleware: RecorderMiddleware, options: { step: 'initialize'; name: string; priority: 'high' }): void;
  };
}

export interface RecorderOptions {
  region: string;
  endpoint?: string;
  /** The session's history, read at each call (none: nothing is kept). */
  history: () => CallHistory | undefined;
}

/**
 * Every command a client sends (through `send`, a paginator or lib-storage alike) goes into the session's
 * history: its name and input as the SDK has them before serializing, its outcome and duration.
 */
export function recordCalls<C>(client: C, options: RecorderOptions): C {
  const middleware: RecorderMiddleware = (next, context) => async (args) => {
    const history = options.history();
    const service = serviceOfClient(context.clientName ?? '');
    if (!history || !service || !context.commandName) return next(args);
    const id = history.start(
      {
        service,
        operation: context.commandName.replace(/Command$/, ''),
        input: args.input as Record<string, unknown>,
        region: options.region,
        ...(options.endpoint ? { endpoint: options.endpoint } : {}),
      },
      context.__smithy_context?.abortSignal,
    );
    try {
      const out = await next(args);
      history.finish(id, 'ok');
      return out;
    } catch (e) {
      const err = toAppError(e);
      history.finish(id, 'error', err.code ?? err.kind);
      throw e;
    }
  };
  (client as unknown as StackOwner).middlewareStack.add(middleware, {
    step: 'initialize',
    name: 'callHistory',
    priority: 'high',
  });
  return client;
}
