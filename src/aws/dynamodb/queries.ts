import { queryOptions } from '@tanstack/react-query';
import { listTables } from './api';

export const dynamodbKeys = {
  all: (region: string) => ['aws', region, 'dynamodb'] as const,
  firstTables: (region: string) => [...dynamodbKeys.all(region), 'tables', 'first-page'] as const,
};

export const dynamodbQueries = {
  /** The first page of table names (the dashboard's card); the tables page will page through all. */
  firstTables: (region: string) =>
    queryOptions({
      queryKey: dynamodbKeys.firstTables(region),
      queryFn: ({ signal }) => listTables(region, { limit: 100 }, signal),
    }),
};
