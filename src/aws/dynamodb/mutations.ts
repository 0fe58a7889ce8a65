import { useAwsMutation } from '../mutation';
import { createTable, deleteItem, deleteTable, saveItem, type CreateTableSpec } from './api';
import type { Item } from './attribute-value';
import type { KeySchemaInfo } from './expressions';
import { dynamodbKeys } from './queries';

export function useCreateTable(region: string) {
  return useAwsMutation({
    describe: (spec: CreateTableSpec) => `create table ${spec.name}`,
    mutationFn: (spec: CreateTableSpec) => createTable({ region, spec }),
    invalidates: () => [dynamodbKeys.tables(region)],
    action: 'dynamodb:CreateTable',
  });
}

export function useDeleteTable(region: string) {
  return useAwsMutation({
    describe: (table: string) => `delete table ${table}`,
    mutationFn: (table: string) => deleteTable({ region, table }),
    invalidates: (table) => [dynamodbKeys.tables(region), dynamodbKeys.table(region, table)],
    action: 'dynamodb:DeleteTable',
  });
}

export interface SaveItemVars {
  item: Item;
  /** The item as loaded (undefined: no item may exist under this key yet). */
  expected: Item | undefined;
}

/** PutItem on condition that the item is still as loaded; refuses with ItemChangedError otherwise. */
export function useSaveItem(region: string, table: string, keys: KeySchemaInfo | undefined) {
  return useAwsMutation({
    describe: () => `save the item in ${table}`,
    mutationFn: (vars: SaveItemVars) => {
      if (!keys) throw new Error('The table is still loading');
      return saveItem({ region, table, keys, ...vars });
    },
    invalidates: () => [dynamodbKeys.items(region, table)],
    action: 'dynamodb:PutItem',
  });
}

export function useDeleteItem(region: string, table: string, keys: KeySchemaInfo | undefined) {
  return useAwsMutation({
    describe: () => `delete the item from ${table}`,
    mutationFn: (vars: { key: Item; expected?: Item }) => {
      if (!keys) throw new Error('The table is still loading');
      return deleteItem({ region, table, keys, ...vars });
    },
    invalidates: () => [dynamodbKeys.items(region, table)],
    action: 'dynamodb:DeleteItem',
  });
}
