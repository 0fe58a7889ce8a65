import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import { tokenPaging } from '../paging';
import { getFunction, listAliases, listFunctions, listVersions } from './api';

export const lambdaKeys = {
  all: (region: string) => ['aws', region, 'lambda'] as const,
  functions: (region: string) => [...lambdaKeys.all(region), 'functions'] as const,
  list: (region: string) => [...lambdaKeys.functions(region), 'list'] as const,
  overview: (region: string) => [...lambdaKeys.functions(region), 'overview'] as const,
  /** Everything about one function, by name. */
  fn: (region: string, name: string) => [...lambdaKeys.all(region), 'function', name] as const,
  detail: (region: string, name: string) => [...lambdaKeys.fn(region, name), 'detail'] as const,
  versions: (region: string, name: string) => [...lambdaKeys.fn(region, name), 'versions'] as const,
  aliases: (region: string, name: string) => [...lambdaKeys.fn(region, name), 'aliases'] as const,
};

export const lambdaQueries = {
  /** The dashboard card: the first page only. */
  overview: (region: string) =>
    queryOptions({
      queryKey: lambdaKeys.overview(region),
      queryFn: ({ signal }) => listFunctions({ region }, signal),
      meta: { label: 'the function list' },
    }),
  /** ListFunctions has no server-side name filter: the page filters loaded rows by name. */
  list: (region: string) =>
    infiniteQueryOptions({
      queryKey: lambdaKeys.list(region),
      queryFn: ({ pageParam, signal }) => listFunctions({ region, token: pageParam }, signal),
      ...tokenPaging,
      meta: { label: 'the function list' },
    }),
  detail: (region: string, name: string) =>
    queryOptions({
      queryKey: lambdaKeys.detail(region, name),
      queryFn: ({ signal }) => getFunction({ region, name }, signal),
      meta: { label: 'the function configuration' },
    }),
  versions: (region: string, name: string) =>
    infiniteQueryOptions({
      queryKey: lambdaKeys.versions(region, name),
      queryFn: ({ pageParam, signal }) => listVersions({ region, name, token: pageParam }, signal),
      ...tokenPaging,
      meta: { label: 'the function versions' },
    }),
  aliases: (region: string, name: string) =>
    infiniteQueryOptions({
      queryKey: lambdaKeys.aliases(region, name),
      queryFn: ({ pageParam, signal }) => listAliases({ region, name, token: pageParam }, signal),
      ...tokenPaging,
      meta: { label: 'the function aliases' },
    }),
};
