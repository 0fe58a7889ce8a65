import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import { tokenPaging } from '../paging';
import { describeSecret, listSecrets, listSecretVersions, type SecretFilter } from './api';

// No key here ever holds a value: GetSecretValue is a plain function the reveal component calls.
export const secretsKeys = {
  all: (region: string) => ['aws', region, 'secretsmanager'] as const,
  /** Every list of secrets (the page's filtered lists, the dashboard's count). */
  lists: (region: string) => [...secretsKeys.all(region), 'secrets'] as const,
  list: (region: string, filters: SecretFilter[]) => [...secretsKeys.lists(region), 'list', { filters }] as const,
  count: (region: string) => [...secretsKeys.lists(region), 'count'] as const,
  /** Everything about one secret, by name. */
  secret: (region: string, secretId: string) => [...secretsKeys.all(region), 'secret', secretId] as const,
  describe: (region: string, secretId: string) => [...secretsKeys.secret(region, secretId), 'describe'] as const,
  versions: (region: string, secretId: string, includeDeprecated: boolean) =>
    [...secretsKeys.secret(region, secretId), 'versions', { includeDeprecated }] as const,
};

export const secretsQueries = {
  list: (region: string, filters: SecretFilter[] = []) =>
    infiniteQueryOptions({
      queryKey: secretsKeys.list(region, filters),
      queryFn: ({ pageParam, signal }) => listSecrets({ region, filters, token: pageParam, limit: 100 }, signal),
      ...tokenPaging,
      meta: { label: 'the secret list' },
    }),
  /** The dashboard's card: the first page's size, and whether more exist ("100+"). */
  count: (region: string) =>
    queryOptions({
      queryKey: secretsKeys.count(region),
      queryFn: async ({ signal }) => {
        const page = await listSecrets({ region, limit: 100 }, signal);
        return { count: page.items.length, hasMore: page.nextToken !== undefined };
      },
      meta: { label: 'the secret count' },
    }),
  describe: (region: string, secretId: string) =>
    queryOptions({
      queryKey: secretsKeys.describe(region, secretId),
      queryFn: ({ signal }) => describeSecret({ region, secretId }, signal),
      meta: { label: 'the secret details' },
    }),
  versions: (region: string, secretId: string, includeDeprecated = false) =>
    infiniteQueryOptions({
      queryKey: secretsKeys.versions(region, secretId, includeDeprecated),
      queryFn: ({ pageParam, signal }) =>
        listSecretVersions({ region, secretId, includeDeprecated, token: pageParam }, signal),
      ...tokenPaging,
      meta: { label: 'the secret versions' },
    }),
};
