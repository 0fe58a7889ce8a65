import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { toAppError, type AppError } from './errors';
import type { DeniedActions } from './permissions';

declare module '@tanstack/react-query' {
  interface Register {
    queryMeta: {
      /** What the query loads, in words ("the bucket list"): a failed background refresh names it. */
      label?: string;
      /** Failures are not announced (e.g. the header's identity lookup). */
      isSilent?: boolean;
    };
  }
}

/**
 * Retry policy: fail fast. A network error (unreachable endpoint, CORS) or any 4xx shows at once;
 * only throttling (with growing back-off) and 5xx are retried, and the page shows "retrying".
 */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  const e = toAppError(error);
  if (e.kind === 'throttled') return failureCount < 4;
  if (e.kind === 'unknown' && e.status !== undefined && e.status >= 500) return failureCount < 2;
  return false;
}

export function retryDelay(attempt: number, error: unknown): number {
  const base = toAppError(error).kind === 'throttled' ? 1000 : 500;
  return Math.min(base * 2 ** attempt, 15_000) * (0.75 + Math.random() / 2);
}

export interface BackgroundFailure {
  /** "the bucket list" */
  label: string;
  error: AppError;
}

export function createQueryClient(
  denied: DeniedActions,
  onBackgroundError?: (failure: BackgroundFailure) => void,
): QueryClient {
  return new QueryClient({
    queryCache: new QueryCache({
      onError: (error, query) => {
        denied.recordError(error);
        // A first-load error renders in place; only a failed refresh of data on screen is announced.
        if (query.state.data !== undefined && !query.meta?.isSilent)
          onBackgroundError?.({ label: query.meta?.label ?? 'data', error: toAppError(error) });
      },
    }),
    mutationCache: new MutationCache({ onError: (error) => void denied.recordError(error) }),
    defaultOptions: {
      queries: { retry: shouldRetry, retryDelay, staleTime: 30_000, refetchOnWindowFocus: false },
      mutations: { retry: false },
    },
  });
}
