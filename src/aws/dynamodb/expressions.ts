import { formatItem, scalarOf, type AttrValue } from './attribute-value';

/**
 * Builds DynamoDB expressions from the query builder's fields. User text only ever becomes an
 * ExpressionAttributeNames entry (#n0…) or an ExpressionAttributeValues entry (:v0…), never part of
 * the expression, so no name or value can change what an expression means.
 */
export class ExpressionBuilder {
  readonly names: Record<string, string> = {};
  readonly values: Record<string, AttrValue> = {};
  private readonly byName = new Map<string, string>();
  private valueCount = 0;

  /** The placeholder of an attribute name (the same name always gets the same one). */
  name(attribute: string): string {
    let ph = this.byName.get(attribute);
    if (!ph) {
      ph = `#n${this.byName.size}`;
      this.byName.set(attribute, ph);
      this.names[ph] = attribute;
    }
    return ph;
  }

  value(v: AttrValue): string {
    const ph = `:v${this.valueCount++}`;
    this.values[ph] = v;
    return ph;
  }

  /** Names and values for a request, omitted when empty (DynamoDB refuses empty maps). */
  attributes(): {
    ExpressionAttributeNames?: Record<string, string>;
    ExpressionAttributeValues?: Record<string, AttrValue>;
  } {
    return {
      ...(this.byName.size > 0 ? { ExpressionAttributeNames: this.names } : {}),
      ...(this.valueCount > 0 ? { ExpressionAttributeValues: this.values } : {}),
    };
  }
}

export type ScalarType = 'S' | 'N' | 'B';
export type SortKeyOp = '=' | '<' | '<=' | '>' | '>=' | 'between' | 'begins_with';
export const SORT_KEY_OPS: SortKeyOp[] = ['=', '<', '<=', '>', '>=', 'between', 'begins_with'];

export type FilterOp = '=' | '<>' | '<' | '<=' | '>' | '>=' | 'begins_with' | 'contains' | 'exists' | 'not_exists';
export const FILTER_OPS: FilterOp[] = [
  '=',
  '<>',
  '<',
  '<=',
  '>',
  '>=',
  'begins_with',
  'contains',
  'exists',
  'not_exists',
];
export type FilterType = 'S' | 'N' | 'BOOL' | 'NULL';
export const FILTER_TYPES: FilterType[] = ['S', 'N', 'BOOL', 'NULL'];

export interface Filter {
  name: string;
  op: FilterOp;
  type: FilterType;
  value: string;
}

export interface KeyAttr {
  name: string;
  type: ScalarType;
}

/** The keys a Query or Scan runs against: the table's, or an index's. */
export interface KeySchemaInfo {
  partition: KeyAttr;
  sort?: KeyAttr;
}

export interface QuerySpec {
  mode: 'query' | 'scan';
  /** An index name, or undefined for the table. */
  index?: string;
  partitionValue: string;
  sortOp?: SortKeyOp;
  sortValue: string;
  sortValue2: string;
  filters: Filter[];
  /** Attribute names to return; empty for all. */
  projection: string[];
  pageSize: number;
}

/** A Query/Scan request in our own types (send.ts turns it into an SDK command). */
export interface ReadRequest {
  operation: 'Query' | 'Scan';
  TableName: string;
  IndexName?: string;
  KeyConditionExpression?: string;
  FilterExpression?: string;
  ProjectionExpression?: string;
  ExpressionAttributeNames?: Record<string, string>;
  ExpressionAttributeValues?: Record<string, AttrValue>;
}

/** Which builder field a problem belongs to, so its message shows beside it. */
export type SpecField = 'partition' | 'sort' | 'sort2' | `filter.${number}` | 'projection' | 'pageSize';

export class SpecError extends Error {
  constructor(readonly errors: Partial<Record<SpecField, string>>) {
    super(Object.values(errors).join('; '));
    this.name = 'SpecError';
  }
}

function typedFilterValue(f: Filter): AttrValue {
  switch (f.type) {
    case 'N':
      return scalarOf('N', f.value);
    case 'BOOL':
      if (f.value !== 'true' && f.value !== 'false') throw new Error('Choose true or false');
      return { BOOL: f.value === 'true' };
    case 'NULL':
      return { NULL: true };
    default:
      return { S: f.value };
  }
}

/** One filter as an expression term; throws with a message for the filter's field. */
function filterTerm(b: ExpressionBuilder, f: Filter): string {
  if (!f.name.trim()) throw new Error('Name the attribute to filter on');
  const n = b.name(f.name.trim());
  switch (f.op) {
    case 'exists':
      return `attribute_exists(${n})`;
    case 'not_exists':
      return `attribute_not_exists(${n})`;
    case 'begins_with':
    case 'contains': {
      if (f.type === 'BOOL' || f.type === 'NULL') throw new Error(`${f.op} needs a string or number value`);
      return `${f.op}(${n}, ${b.value(typedFilterValue(f))})`;
    }
    default:
      if (f.type === 'NULL' && f.op !== '=' && f.op !== '<>')
        throw new Error('A null value can only be compared with = or <>');
      return `${n} ${f.op} ${b.value(typedFilterValue(f))}`;
  }
}

/**
 * The request for a builder state. Problems are collected per field (thrown as SpecError), so each shows
 * beside the field it concerns. Key attributes always come back, even with a projection, so rows stay
 * identifiable and pages can be cut at any row.
 */
export function buildReadRequest(
  spec: QuerySpec,
  tableName: string,
  keys: KeySchemaInfo,
  tableKeys: KeySchemaInfo,
): ReadRequest {
  const b = new ExpressionBuilder();
  const errors: Partial<Record<SpecField, string>> = {};
  const request: ReadRequest = { operation: spec.mode === 'query' ? 'Query' : 'Scan', TableName: tableName };
  if (spec.index) request.IndexName = spec.index;

  if (spec.mode === 'query') {
    const terms: string[] = [];
    try {
      if (spec.partitionValue === '') throw new Error(`Enter a value for ${keys.partition.name}`);
      terms.push(`${b.name(keys.partition.name)} = ${b.value(scalarOf(keys.partition.type, spec.partitionValue))}`);
    } catch (e) {
      errors.partition = (e as Error).message;
    }
    if (keys.sort && spec.sortOp) {
      const sort = keys.sort;
      const n = b.name(sort.name);
      try {
        if (spec.sortValue === '') throw new Error(`Enter a value for ${sort.name}`);
        const v1 = scalarOf(sort.type, spec.sortValue);
        if (spec.sortOp === 'between') {
          let v2: AttrValue;
          try {
            if (spec.sortValue2 === '') throw new Error('Enter the upper bound');
            v2 = scalarOf(sort.type, spec.sortValue2);
          } catch (e) {
            errors.sort2 = (e as Error).message;
            throw e;
          }
          terms.push(`${n} BETWEEN ${b.value(v1)} AND ${b.value(v2)}`);
        } else if (spec.sortOp === 'begins_with') {
          if (sort.type === 'N') throw new Error('begins_with works on string and binary keys only');
          terms.push(`begins_with(${n}, ${b.value(v1)})`);
        } else {
          terms.push(`${n} ${spec.sortOp} ${b.value(v1)}`);
        }
      } catch (e) {
        if (!errors.sort2) errors.sort = (e as Error).message;
      }
    }
    request.KeyConditionExpression = terms.join(' AND ');
  }

  const filterTerms: string[] = [];
  spec.filters.forEach((f, i) => {
    try {
      filterTerms.push(filterTerm(b, f));
    } catch (e) {
      errors[`filter.${i}`] = (e as Error).message;
    }
  });
  if (filterTerms.length > 0) request.FilterExpression = filterTerms.join(' AND ');

  const projection = spec.projection.map((p) => p.trim()).filter(Boolean);
  if (projection.length > 0) {
    const all = [
      ...new Set([
        tableKeys.partition.name,
        ...(tableKeys.sort ? [tableKeys.sort.name] : []),
        keys.partition.name,
        ...(keys.sort ? [keys.sort.name] : []),
        ...projection,
      ]),
    ];
    request.ProjectionExpression = all.map((p) => b.name(p)).join(', ');
  }
  if (!Number.isInteger(spec.pageSize) || spec.pageSize < 1 || spec.pageSize > 1000)
    errors.pageSize = 'Page size is 1 to 1000';

  if (Object.keys(errors).length > 0) throw new SpecError(errors);
  return { ...request, ...b.attributes() };
}

/** The request as a reader would write it, for the builder's read-only "what will run" view. */
export function describeRequest(r: ReadRequest): string {
  const lines = [`${r.operation} on ${r.IndexName ? `index ${r.IndexName} of ` : ''}table ${r.TableName}`];
  if (r.KeyConditionExpression) lines.push(`KeyConditionExpression: ${r.KeyConditionExpression}`);
  if (r.FilterExpression) lines.push(`FilterExpression: ${r.FilterExpression}`);
  if (r.ProjectionExpression) lines.push(`ProjectionExpression: ${r.ProjectionExpression}`);
  if (r.ExpressionAttributeNames) lines.push(`ExpressionAttributeNames: ${JSON.stringify(r.ExpressionAttributeNames)}`);
  if (r.ExpressionAttributeValues)
    lines.push(`ExpressionAttributeValues: ${formatItem(r.ExpressionAttributeValues, 'dynamodb', 0)}`);
  return lines.join('\n');
}
