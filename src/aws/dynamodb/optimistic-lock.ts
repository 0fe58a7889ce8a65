import type { AttrValue, Item } from './attribute-value';
import { ExpressionBuilder, type KeySchemaInfo } from './expressions';

/** DynamoDB refuses expressions longer than 4 KB. */
const MAX_EXPRESSION = 4096;

export interface Condition {
  ConditionExpression: string;
  ExpressionAttributeNames: Record<string, string>;
  ExpressionAttributeValues?: Record<string, AttrValue>;
}

export class ItemTooWideError extends Error {
  constructor(count: number) {
    super(
      `This item has ${count} attributes: a condition comparing each of them is longer than DynamoDB's 4 KB ` +
        'limit, so a safe save is not possible here.',
    );
    this.name = 'ItemTooWideError';
  }
}

/**
 * The condition that an item is still exactly as it was loaded: it exists, every loaded attribute is
 * still equal (maps and lists leaf by leaf, with their sizes), and, for an item loaded without some
 * attribute, nothing was added under the names the user's version sets. `expected` undefined means
 * "no item under this key yet" (a new item, or a save as a new key).
 */
export function unchangedSince(expected: Item | undefined, keys: KeySchemaInfo, yours?: Item): Condition {
  const b = new ExpressionBuilder();
  if (!expected) {
    return {
      ConditionExpression: `attribute_not_exists(${b.name(keys.partition.name)})`,
      ExpressionAttributeNames: b.names,
    };
  }
  // Deep form first: maps and lists compared leaf by leaf (plus their sizes), which every DynamoDB
  // implementation evaluates; if that is too long, whole-value equality, which AWS evaluates too.
  for (const deep of [true, false]) {
    const built = build(expected, keys, yours, deep);
    if (built.ConditionExpression.length <= MAX_EXPRESSION) return built;
  }
  throw new ItemTooWideError(Object.keys(expected).length);
}

function build(expected: Item, keys: KeySchemaInfo, yours: Item | undefined, deep: boolean): Condition {
  const b = new ExpressionBuilder();
  const terms = [`attribute_exists(${b.name(keys.partition.name)})`];
  const equal = (path: string, value: AttrValue): void => {
    if (deep && 'M' in value) {
      terms.push(`size(${path}) = ${b.value({ N: String(Object.keys(value.M).length) })}`);
      for (const [k, v] of Object.entries(value.M)) equal(`${path}.${b.name(k)}`, v);
    } else if (deep && 'L' in value) {
      terms.push(`size(${path}) = ${b.value({ N: String(value.L.length) })}`);
      value.L.forEach((v, i) => equal(`${path}[${i}]`, v));
    } else {
      terms.push(`${path} = ${b.value(value)}`);
    }
  };
  for (const [name, value] of Object.entries(expected)) {
    if (name === keys.partition.name || name === keys.sort?.name) continue;
    equal(b.name(name), value);
  }
  for (const name of Object.keys(yours ?? {})) {
    if (!Object.hasOwn(expected, name)) terms.push(`attribute_not_exists(${b.name(name)})`);
  }
  const expression = terms.join(' AND ');
  const attrs = b.attributes();
  return {
    ConditionExpression: expression,
    ExpressionAttributeNames: b.names,
    ...(attrs.ExpressionAttributeValues ? { ExpressionAttributeValues: attrs.ExpressionAttributeValues } : {}),
  };
}

/** The key attributes of an item. */
export function keyOf(item: Item, keys: KeySchemaInfo): Item {
  const out: Item = {};
  const pk = item[keys.partition.name];
  if (pk) out[keys.partition.name] = pk;
  if (keys.sort) {
    const sk = item[keys.sort.name];
    if (sk) out[keys.sort.name] = sk;
  }
  return out;
}

/** Why an item cannot be stored under this key schema (a key missing or of the wrong type), or undefined. */
export function keyProblem(item: Item, keys: KeySchemaInfo): string | undefined {
  for (const key of [keys.partition, ...(keys.sort ? [keys.sort] : [])]) {
    const v = item[key.name];
    if (!v) return `The key attribute ${key.name} is missing`;
    if (!(key.type in v))
      return `The key attribute ${key.name} must be of type ${key.type}, not ${Object.keys(v)[0] ?? '?'}`;
    if ('S' in v && v.S === '') return `The key attribute ${key.name} cannot be an empty string`;
    if ('B' in v && v.B.length === 0) return `The key attribute ${key.name} cannot be empty binary`;
  }
  return undefined;
}
