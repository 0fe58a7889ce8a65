import { AsyncLocalStorage } from 'node:async_hooks';
import { closeSync, fsyncSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import type { Input } from './dynalite-engine.js';

/**
 * Tables belong to a region, as on AWS. dynalite has one namespace, so a table of region R is stored
 * as "R!Name" ("!" cannot appear in a table name, so no stored name is ambiguous and no LevelDB key
 * range of one table overlaps another's). Tables of one region, the "bare" region, keep their plain
 * names: that is every table of a data folder made before regions existed, so old folders need no
 * rewrite. Which region is bare is pinned once per data folder in regions.json (the region in the
 * old tables' ARNs, else the emulator's default region).
 */
const SEPARATOR = '!';

interface Scope {
  region: string;
  bareRegion: string;
}

const scope = new AsyncLocalStorage<Scope>();

/** Run `fn` (one request) with table names resolved in `region`. */
export function inRegion<T>(region: string, bareRegion: string, fn: () => T): T {
  return scope.run({ region, bareRegion }, fn);
}

/** The region of the running request, or undefined outside one (seeding, recovery). */
export function currentScope(): Scope | undefined {
  return scope.getStore();
}

/** The name a table is stored under, for the request's region; an already stored name is kept. */
export function storedName(name: string, at: Scope | undefined = scope.getStore()): string {
  if (!at || name.includes(SEPARATOR) || at.region === at.bareRegion) return name;
  return `${at.region}${SEPARATOR}${name}`;
}

/** The region and user-facing name of a stored table name. */
export function parseStoredName(stored: string, bareRegion: string): { region: string; name: string } {
  const i = stored.indexOf(SEPARATOR);
  return i < 0 ? { region: bareRegion, name: stored } : { region: stored.slice(0, i), name: stored.slice(i + 1) };
}

/** Stored names inside a message (an error naming its table) read as the user's names. */
export function stripStoredNames(message: string): string {
  return message.replace(/\b[a-z]{2}(?:-[a-z]+)+-\d+!(?=[a-zA-Z0-9_.-])/g, '');
}

const ARN = /^arn:aws:dynamodb:[^:]*:(\d*):table\/[^/]+(\/.*)?$/;

/** An ARN of a stored table as the request's region sees it: its own region, the plain table name. */
function userArn(arn: unknown, name: string, region: string): unknown {
  if (typeof arn !== 'string') return arn;
  const m = ARN.exec(arn);
  if (!m) return arn;
  return `arn:aws:dynamodb:${region}:${m[1] ?? ''}:table/${name}${m[2] ?? ''}`;
}

const isRecord = (v: unknown): v is Input => typeof v === 'object' && v !== null && !Array.isArray(v);

function renameKeys(value: unknown, rename: (key: string) => string): unknown {
  if (!isRecord(value)) return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [rename(k), v]));
}

/** A validated input with every table name it carries turned into its stored name. */
export function toStored(operation: string, data: Input): Input {
  const at = scope.getStore();
  if (!at) return data;
  const out: Input = { ...data };
  if (typeof out.TableName === 'string') out.TableName = storedName(out.TableName, at);
  if (operation === 'BatchGetItem' || operation === 'BatchWriteItem') {
    out.RequestItems = renameKeys(out.RequestItems, (k) => storedName(k, at));
  }
  if (typeof out.ResourceArn === 'string') {
    // TagResource & co. read the table name from the ARN's last segment.
    const m = /^(.*:table\/)([^/]+)$/.exec(out.ResourceArn);
    if (m) out.ResourceArn = `${m[1] ?? ''}${storedName(m[2] ?? '', at)}`;
  }
  return out;
}

/** A table description as the caller sees it: plain name, ARNs in the request's region. */
function userTable(table: unknown, at: Scope): unknown {
  if (!isRecord(table) || typeof table.TableName !== 'string') return table;
  const { name } = parseStoredName(table.TableName, at.bareRegion);
  const out: Input = { ...table, TableName: name, TableArn: userArn(table.TableArn, name, at.region) };
  if (out.LatestStreamArn !== undefined) out.LatestStreamArn = userArn(out.LatestStreamArn, name, at.region);
  for (const key of ['GlobalSecondaryIndexes', 'LocalSecondaryIndexes'] as const) {
    const list = out[key];
    if (Array.isArray(list)) {
      out[key] = list.map((index: unknown) =>
        isRecord(index) ? { ...index, IndexArn: userArn(index.IndexArn, name, at.region) } : index,
      );
    }
  }
  return out;
}

/** An output with every stored table name turned back into the user's. */
export function toUser(output: Input): Input {
  const at = scope.getStore();
  if (!at) return output;
  const plain = (stored: string) => parseStoredName(stored, at.bareRegion).name;
  const out: Input = { ...output };
  if (out.Table !== undefined) out.Table = userTable(out.Table, at);
  if (out.TableDescription !== undefined) out.TableDescription = userTable(out.TableDescription, at);
  for (const key of ['Responses', 'UnprocessedKeys', 'UnprocessedItems', 'ItemCollectionMetrics'] as const) {
    if (out[key] !== undefined) out[key] = renameKeys(out[key], plain);
  }
  const capacity = (c: unknown) =>
    isRecord(c) && typeof c.TableName === 'string' ? { ...c, TableName: plain(c.TableName) } : c;
  if (Array.isArray(out.ConsumedCapacity)) out.ConsumedCapacity = out.ConsumedCapacity.map(capacity);
  else if (out.ConsumedCapacity !== undefined) out.ConsumedCapacity = capacity(out.ConsumedCapacity);
  return out;
}

/** ListTables for the request's region: its tables only, by name, paged as AWS does. */
export function listRegionTables(storedNames: string[], data: Input, bareRegion: string): Input {
  const region = scope.getStore()?.region ?? bareRegion;
  const limit = typeof data.Limit === 'number' ? data.Limit : 100;
  const start = typeof data.ExclusiveStartTableName === 'string' ? data.ExclusiveStartTableName : undefined;
  let names = storedNames
    .map((s) => parseStoredName(s, bareRegion))
    .filter((t) => t.region === region)
    .map((t) => t.name)
    .sort();
  if (start !== undefined) names = names.filter((n) => n > start);
  const out: Input = {};
  if (names.length > limit) {
    names = names.slice(0, limit);
    out.LastEvaluatedTableName = names[names.length - 1];
  }
  out.TableNames = names;
  return out;
}

/**
 * The bare region of a data folder, pinned in `file` on first use: the region named in the ARNs of its
 * existing (pre-region) tables, else `defaultRegion` for a folder without tables.
 */
export function pinBareRegion(file: string, existingArns: string[], defaultRegion: string): string {
  try {
    const saved = JSON.parse(readFileSync(file, 'utf8')) as { bareRegion?: unknown };
    if (typeof saved.bareRegion === 'string' && saved.bareRegion) return saved.bareRegion;
  } catch {
    // No file yet: this folder predates regions, or is new.
  }
  const fromArn = existingArns.map((arn) => /^arn:aws:dynamodb:([^:]+):/.exec(arn)?.[1]).find(Boolean);
  const bareRegion = fromArn ?? defaultRegion;
  const tmp = `${file}.${process.pid}.tmp`;
  const fd = openSync(tmp, 'w');
  try {
    writeSync(fd, JSON.stringify({ bareRegion }));
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, file);
  return bareRegion;
}
