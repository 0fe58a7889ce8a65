import { useCallback, useMemo, useState, type ReactNode } from 'react';
import {
  useInfiniteQuery,
  useQueryClient,
  type InfiniteData,
  type QueryKey,
  type UseInfiniteQueryOptions,
  type UseInfiniteQueryResult,
} from '@tanstack/react-query';
import { SERVICE_NAMES, type ServiceName } from '../aws/config';
import type { Page } from '../aws/paging';
import { ErrorNotice } from '../components/error-notice';
import { formatCount } from '../components/format';
import type { RefreshButtonProps } from '../components/ui/refresh-button';
import { useConfig } from './config-context';
import { errorProps, retryingText } from './error-props';
import { useFirstDataMark } from './use-first-data-mark';

export interface ResourceListOptions {
  /** Also refetched by Refresh: queries a row shows beside the list's own (a queue's counts). */
  alsoRefresh?: readonly QueryKey[];
  /** The bench's mark, `first-data:<name>`, set once the first rows are on screen. */
  firstDataMark?: string;
  /** What to show when the list is empty (what is missing, why, the primary action). */
  empty?: ReactNode;
}

/** The props a ResourceTable takes from a list (spread them: `<ResourceTable {...list.table} />`). */
export interface ResourceListTableProps<T> {
  rows: T[];
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  onLoadMore: () => void;
  isLoading: boolean;
  loadingText: string | undefined;
  error: ReactNode;
  empty?: ReactNode;
}

export interface ResourceList<T, TPage extends Page<T> = Page<T>> {
  /** The query itself, for what a page shows beyond the rows (DynamoDB's scanned count). */
  query: UseInfiniteQueryResult<InfiniteData<TPage, unknown>, Error>;
  rows: T[];
  /** The header's open-ended counter: "3", "1,000+"; undefined until the first page is in. */
  count: string | undefined;
  table: ResourceListTableProps<T>;
  refresh: RefreshButtonProps;
}

/** The service of a key built by a service's key factory: ['aws', region, 's3', ...]. */
function serviceOf(key: QueryKey): ServiceName | undefined {
  const s = key[2];
  return typeof s === 'string' && (SERVICE_NAMES as readonly string[]).includes(s) ? (s as ServiceName) : undefined;
}

/**
 * Every list page's data: the service's own paging (a page at a time as the user scrolls), the open-ended
 * count, loading / empty / error (with the service's hint) for the table, and Refresh with the data's age.
 * Cached rows show at once and are revalidated whenever the page opens, so a list is never older than
 * the visit (a bucket made with the CLI a minute ago is there). Cloudscape's `useCollection` is the model:
 * the page spreads what it returns.
 */
type ItemOf<P> = P extends Page<infer T> ? T : never;

export function useResourceList<
  TPage extends Page<unknown>,
  TKey extends QueryKey,
  TParam,
  TData extends InfiniteData<TPage, unknown>,
>(
  options: UseInfiniteQueryOptions<TPage, Error, TData, TKey, TParam>,
  { alsoRefresh, firstDataMark, empty }: ResourceListOptions = {},
): ResourceList<ItemOf<TPage>, TPage & Page<ItemOf<TPage>>> {
  type T = ItemOf<TPage>;
  const config = useConfig();
  const queryClient = useQueryClient();
  const query = useInfiniteQuery({ ...options, refetchOnMount: 'always' });
  const rows = useMemo(() => query.data?.pages.flatMap((p) => p.items as T[]) ?? [], [query.data]);
  const [isRefreshing, setRefreshing] = useState(false);
  useFirstDataMark(firstDataMark ?? '', firstDataMark !== undefined && query.isSuccess);

  const { queryKey } = options;
  const { refetch, fetchNextPage, hasNextPage, isFetching } = query;
  const onRefresh = useCallback(() => {
    setRefreshing(true);
    void Promise.all([
      queryClient.invalidateQueries({ queryKey, exact: true }),
      ...(alsoRefresh ?? []).map((key) => queryClient.invalidateQueries({ queryKey: key })),
    ]).finally(() => setRefreshing(false));
  }, [queryClient, queryKey, alsoRefresh]);
  // Never during a refresh: fetching a next page would cancel the refetch of the pages on screen.
  const onLoadMore = useCallback(() => {
    if (hasNextPage && !isFetching) void fetchNextPage();
  }, [fetchNextPage, hasNextPage, isFetching]);

  const service = serviceOf(queryKey);
  // With rows on screen the failure was a next page's: retry that page, keeping the rows.
  const retry = rows.length > 0 ? onLoadMore : () => void refetch();
  const error = query.error ? (
    service ? (
      <ErrorNotice {...errorProps(query.error, config, service, retry)} />
    ) : (
      <ErrorNotice kind="unknown" message={query.error.message} onRetry={retry} />
    )
  ) : undefined;

  return {
    query: query as ResourceList<T, TPage & Page<T>>['query'],
    rows,
    count: query.data ? formatCount(rows.length, query.hasNextPage) : undefined,
    table: {
      rows,
      hasNextPage: query.hasNextPage,
      isFetchingNextPage: query.isFetchingNextPage,
      onLoadMore,
      isLoading: query.isPending,
      loadingText: retryingText(query),
      error,
      ...(empty !== undefined ? { empty } : {}),
    },
    refresh: {
      onRefresh,
      isRefreshing: isRefreshing || (query.isRefetching && !query.isFetchingNextPage),
      updatedAt: query.dataUpdatedAt,
    },
  };
}
