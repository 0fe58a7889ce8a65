import { describe, expect, it } from 'vitest';
import { buildReadRequest, describeRequest, SpecError, type KeySchemaInfo, type QuerySpec } from './expressions';
import { unchangedSince } from './optimistic-lock';

const table: KeySchemaInfo = { partition: { name: 'pk', type: 'S' }, sort: { name: 'sk', type: 'N' } };
const spec = (patch: Partial<QuerySpec>): QuerySpec => ({
  mode: 'query',
  partitionValue: 'user#1',
  sortValue: '',
  sortValue2: '',
  filters: [],
  projection: [],
  pageSize: 50,
  ...patch,
});

describe('the query builder', () => {
  it('puts every user text in names and values, never in the expression', () => {
    const hostile = 'a) OR attribute_exists(#n0';
    const r = buildReadRequest(
      spec({
        sortOp: 'between',
        sortValue: '10',
        sortValue2: '20',
        filters: [
          { name: hostile, op: '=', type: 'S', value: ':v0 OR 1=1' },
          { name: 'status', op: 'begins_with', type: 'S', value: 'act' },
          { name: 'deleted', op: 'not_exists', type: 'S', value: '' },
          { name: 'score', op: '>=', type: 'N', value: '12345678901234567890123456789012345678' },
          { name: 'flag', op: '=', type: 'BOOL', value: 'true' },
          { name: 'gone', op: '=', type: 'NULL', value: '' },
        ],
        projection: ['name', 'status'],
      }),
      'Users',
      table,
      table,
    );
    expect(r).toEqual({
      operation: 'Query',
      TableName: 'Users',
      KeyConditionExpression: '#n0 = :v0 AND #n1 BETWEEN :v1 AND :v2',
      FilterExpression:
        '#n2 = :v3 AND begins_with(#n3, :v4) AND attribute_not_exists(#n4) AND #n5 >= :v5 AND #n6 = :v6 AND #n7 = :v7',
      ProjectionExpression: '#n0, #n1, #n8, #n3',
      ExpressionAttributeNames: {
        '#n0': 'pk',
        '#n1': 'sk',
        '#n2': hostile,
        '#n3': 'status',
        '#n4': 'deleted',
        '#n5': 'score',
        '#n6': 'flag',
        '#n7': 'gone',
        '#n8': 'name',
      },
      ExpressionAttributeValues: {
        ':v0': { S: 'user#1' },
        ':v1': { N: '10' },
        ':v2': { N: '20' },
        ':v3': { S: ':v0 OR 1=1' },
        ':v4': { S: 'act' },
        ':v5': { N: '12345678901234567890123456789012345678' },
        ':v6': { BOOL: true },
        ':v7': { NULL: true },
      },
    });
  });

  it('builds each sort key condition', () => {
    for (const op of ['=', '<', '<=', '>', '>='] as const) {
      expect(buildReadRequest(spec({ sortOp: op, sortValue: '5' }), 'T', table, table).KeyConditionExpression).toBe(
        `#n0 = :v0 AND #n1 ${op} :v1`,
      );
    }
    const strSort: KeySchemaInfo = { partition: table.partition, sort: { name: 'sk', type: 'S' } };
    expect(
      buildReadRequest(spec({ sortOp: 'begins_with', sortValue: 'ord#' }), 'T', strSort, strSort)
        .KeyConditionExpression,
    ).toBe('#n0 = :v0 AND begins_with(#n1, :v1)');
  });

  it('queries an index on its own keys and still returns the table keys with a projection', () => {
    const index: KeySchemaInfo = { partition: { name: 'customer', type: 'S' }, sort: { name: 'total', type: 'N' } };
    const r = buildReadRequest(
      spec({ index: 'byCustomer', sortOp: '>', sortValue: '100', projection: ['note'] }),
      'Orders',
      index,
      table,
    );
    expect(r.IndexName).toBe('byCustomer');
    expect(r.KeyConditionExpression).toBe('#n0 = :v0 AND #n1 > :v1');
    expect(r.ExpressionAttributeNames).toMatchObject({ '#n0': 'customer', '#n1': 'total' });
    expect(Object.values(r.ExpressionAttributeNames ?? {})).toEqual(expect.arrayContaining(['pk', 'sk', 'note']));
    expect(describeRequest(r).split('\n')[0]).toBe('Query on index byCustomer of table Orders');
  });

  it('scans without a key condition, and leaves out empty name and value maps', () => {
    const r = buildReadRequest(spec({ mode: 'scan', partitionValue: '' }), 'T', table, table);
    expect(r).toEqual({ operation: 'Scan', TableName: 'T' });
  });

  it('reports each problem against its own field', () => {
    let error: SpecError | undefined;
    try {
      buildReadRequest(
        spec({
          partitionValue: '',
          sortOp: 'between',
          sortValue: '1',
          sortValue2: 'ten',
          filters: [
            { name: 'a', op: '=', type: 'N', value: 'abc' },
            { name: '', op: 'exists', type: 'S', value: '' },
          ],
          pageSize: 0,
        }),
        'T',
        table,
        table,
      );
    } catch (e) {
      error = e as SpecError;
    }
    expect(error).toBeInstanceOf(SpecError);
    expect(error?.errors).toEqual({
      partition: 'Enter a value for pk',
      sort2: '"ten" is not a number',
      'filter.0': '"abc" is not a number',
      'filter.1': 'Name the attribute to filter on',
      pageSize: 'Page size is 1 to 1000',
    });
  });
});

describe('the optimistic-lock condition', () => {
  const keys: KeySchemaInfo = { partition: { name: 'pk', type: 'S' }, sort: { name: 'sk', type: 'S' } };

  it('requires every loaded attribute to be unchanged, and added names to be absent', () => {
    const loaded = { pk: { S: 'a' }, sk: { S: 'b' }, n: { N: '1' }, tags: { SS: ['x'] } };
    const yours = { pk: { S: 'a' }, sk: { S: 'b' }, n: { N: '2' }, extra: { S: 'new' } };
    expect(unchangedSince(loaded, keys, yours)).toEqual({
      ConditionExpression: 'attribute_exists(#n0) AND #n1 = :v0 AND #n2 = :v1 AND attribute_not_exists(#n3)',
      ExpressionAttributeNames: { '#n0': 'pk', '#n1': 'n', '#n2': 'tags', '#n3': 'extra' },
      ExpressionAttributeValues: { ':v0': { N: '1' }, ':v1': { SS: ['x'] } },
    });
  });

  it('compares maps and lists leaf by leaf, with their sizes', () => {
    const loaded = { pk: { S: 'a' }, sk: { S: 'b' }, m: { M: { x: { L: [{ N: '1' }, { SS: ['s'] }] } } } };
    expect(unchangedSince(loaded, keys)).toEqual({
      ConditionExpression:
        'attribute_exists(#n0) AND size(#n1) = :v0 AND size(#n1.#n2) = :v1 AND #n1.#n2[0] = :v2 AND #n1.#n2[1] = :v3',
      ExpressionAttributeNames: { '#n0': 'pk', '#n1': 'm', '#n2': 'x' },
      ExpressionAttributeValues: { ':v0': { N: '1' }, ':v1': { N: '2' }, ':v2': { N: '1' }, ':v3': { SS: ['s'] } },
    });
  });

  it('requires a new key to be free', () => {
    expect(unchangedSince(undefined, keys)).toEqual({
      ConditionExpression: 'attribute_not_exists(#n0)',
      ExpressionAttributeNames: { '#n0': 'pk' },
    });
  });

  it('refuses an item too wide for a 4 KB condition instead of saving unsafely', () => {
    const wide: Record<string, { N: string }> = { pk: { N: '1' } };
    for (let i = 0; i < 400; i++) wide[`attribute_${i}`] = { N: String(i) };
    expect(() => unchangedSince(wide, keys)).toThrow(/4 KB/);
  });
});
