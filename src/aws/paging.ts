/** Every list call returns one page in this shape, whatever the service calls its token. */
export interface Page<T> {
  items: T[];
  /** The service's continuation token (ContinuationToken, NextToken, LastEvaluatedKey...), when more exist. */
  nextToken?: string;
}

/** The paging half of an `infiniteQueryOptions`: a page's token feeds the next request. */
export const tokenPaging = {
  initialPageParam: undefined as string | undefined,
  getNextPageParam: (last: Page<unknown>): string | undefined => last.nextToken,
};

/** A page with `nextToken` only when the service gave one (exactOptionalPropertyTypes-friendly). */
export function pageOf<T>(items: T[], nextToken: string | undefined | null): Page<T> {
  return nextToken ? { items, nextToken } : { items };
}

/** All loaded rows of an infinite query's pages, in order. */
export function rowsOf<T>(data: { pages: Page<T>[] } | undefined): T[] {
  return data ? data.pages.flatMap((p) => p.items) : [];
}
