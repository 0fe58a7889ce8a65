import { hashKey, type QueryKey } from '@tanstack/react-query';
import { activeSession } from '../session';
import type { ApiCall } from './call';

interface FetchContext {
  queryKey: QueryKey;
  signal: AbortSignal;
  pageParam?: unknown;
}

/**
 * A query function that remembers the calls its first page made (under the query's key), so the
 * list can show as code what it read: the filters in force, without the page token.
 */
export function rememberingCalls<C extends FetchContext, T>(
  queryFn: (context: C) => T | Promise<T>,
): (context: C) => Promise<T> {
  return async (context) => {
    try {
      return await queryFn(context);
    } finally {
      if (context.pageParam === undefined)
        activeSession()?.history?.remember(hashKey(context.queryKey), context.signal);
    }
  };
}

/** The calls behind a list's first page, when it has loaded. */
export function listCalls(queryKey: QueryKey): readonly ApiCall[] | undefined {
  return activeSession()?.history?.remembered(hashKey(queryKey));
}
