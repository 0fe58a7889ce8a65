import { QueryCache, QueryClient } from '@tanstack/react-query';
import { toAppError, type AppError } from './errors';

/** Retry policy: never a 4xx (except throttling, with backoff); network and 5xx twice. */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  const e = toAppError(error);
  if (e.kind === 'throttled') return failureCount < 4;
  if (e.kind === 'network' || (e.kind === 'unknown' && e.retryable)) return failureCount < 2;
  return false;
}

export function retryDelay(attempt: number, error: unknown): number {
  const base = toAppError(error).kind === 'throttled' ? 1000 : 500;
  return Math.min(base * 2 ** attempt, 15_000) * (0.75 + Math.random() / 2);
}

export function createQueryClient(onError?: (error: AppError) => void): QueryClient {
  return new QueryClient({
    queryCache: new QueryCache({
      // Only background refetch failures go to a toast; a first-load error renders in place.
      onError: (error, query) => {
        if (query.state.data !== undefined) onError?.(toAppError(error));
      },
    }),
    defaultOptions: {
      queries: { retry: shouldRetry, retryDelay, staleTime: 30_000, refetchOnWindowFocus: false },
      mutations: { retry: false },
    },
  });
}
