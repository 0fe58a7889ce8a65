import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import { tokenPaging } from '../paging';
import { describeTable, getItem, listTableNames, readPage } from './api';
import type { Item } from './attribute-value';
import type { KeySchemaInfo, ReadRequest } from './expressions';

export const dynamodbKeys = {
  all: (region: string) => ['aws', region, 'dynamodb'] as const,
  tables: (region: string) => [...dynamodbKeys.all(region), 'tables'] as const,
  firstTables: (region: string) => [...dynamodbKeys.tables(region), 'first-page'] as const,
  tableList: (region: string) => [...dynamodbKeys.tables(region), 'list'] as const,
  table: (region: string, table: string) => [...dynamodbKeys.all(region), 'table', table] as const,
  description: (region: string, table: string) => [...dynamodbKeys.table(region, table), 'description'] as const,
  items: (region: string, table: string) => [...dynamodbKeys.table(region, table), 'items'] as const,
  item: (region: string, table: string, key: string) => [...dynamodbKeys.table(region, table), 'item', key] as const,
};

export const dynamodbQueries = {
  /** The first page of table names (the dashboard's card); the tables page pages through all. */
  firstTables: (region: string) =>
    queryOptions({
      queryKey: dynamodbKeys.firstTables(region),
      queryFn: ({ signal }) => listTableNames({ region, limit: 100 }, signal),
      meta: { label: 'the table list' },
    }),
  tableList: (region: string) =>
    infiniteQueryOptions({
      queryKey: dynamodbKeys.tableList(region),
      queryFn: ({ pageParam, signal }) => listTableNames({ region, token: pageParam, limit: 100 }, signal),
      ...tokenPaging,
      meta: { label: 'the table list' },
    }),
  description: (region: string, table: string) =>
    queryOptions({
      queryKey: dynamodbKeys.description(region, table),
      queryFn: ({ signal }) => describeTable({ region, table }, signal),
      meta: { label: `table ${table}` },
    }),
  /** Pages of a Query or Scan; the key holds the whole request, so each builder state has its own pages. */
  items: (
    region: string,
    request: ReadRequest,
    pageSize: number,
    tableKeys: KeySchemaInfo,
    indexKeys: KeySchemaInfo | undefined,
  ) =>
    infiniteQueryOptions({
      queryKey: [...dynamodbKeys.items(region, request.TableName), { request, pageSize, tableKeys, indexKeys }],
      queryFn: ({ pageParam, signal }) =>
        readPage({ region, request, pageSize, token: pageParam, tableKeys, indexKeys }, signal),
      ...tokenPaging,
      meta: { label: `the items of ${request.TableName}` },
    }),
  item: (region: string, table: string, keyText: string, key: Item) =>
    queryOptions({
      queryKey: [...dynamodbKeys.item(region, table, keyText), key],
      queryFn: ({ signal }) => getItem({ region, table, key }, signal),
      meta: { label: `the item` },
    }),
};
