import { queryOptions } from '@tanstack/react-query';
import { listTableNames } from './api';

export const dynamodbKeys = {
  all: (region: string) => ['aws', region, 'dynamodb'] as const,
  tables: (region: string) => [...dynamodbKeys.all(region), 'tables'] as const,
  firstTables: (region: string) => [...dynamodbKeys.tables(region), 'first-page'] as const,
};

export const dynamodbQueries = {
  /** The first page of table names (the dashboard's card); the tables page pages through all. */
  firstTables: (region: string) =>
    queryOptions({
      queryKey: dynamodbKeys.firstTables(region),
      queryFn: ({ signal }) => listTableNames({ region, limit: 100 }, signal),
      meta: { label: 'the table list' },
    }),
};
