import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { AwsError } from '../../core/errors.js';
import { guardStoredNumbers } from './number-limits.js';
import {
  inRegion,
  listRegionTables,
  parseStoredName,
  pinBareRegion,
  storedName,
  stripStoredNames,
  toStored,
  toUser,
} from './regions.js';

/**
 * dynalite's own validation and action modules, called directly: the same code path its HTTP listener
 * runs after the signature checks, but with access to the store (for sync writes, the account id, and
 * the condition checks transactions need).
 */

const require = createRequire(import.meta.url);

export type Item = Record<string, unknown>;
export type Input = Record<string, unknown>;

interface DynaliteError {
  statusCode?: number;
  body?: { __type?: string; message?: string; Message?: string };
  message?: string;
  name?: string;
}
type Callback = (err: DynaliteError | null | undefined, data?: unknown) => void;
type Action = (store: Store, data: Input, cb: Callback) => void;

interface Validation {
  types: Record<string, unknown>;
  custom?: unknown;
}

interface ValidationsModule {
  checkTypes(data: Input, types: Record<string, unknown>): Input;
  checkValidations(data: Input, types: Record<string, unknown>, custom: unknown, store: Store): void;
}

export interface TableDescription {
  TableName: string;
  TableStatus: string;
  KeySchema: Array<{ AttributeName: string; KeyType: string }>;
  GlobalSecondaryIndexes?: Array<{ IndexStatus?: string }>;
}

interface ItemDb {
  get(key: string, cb: (err: DynaliteError | null | undefined, item?: Item) => void): void;
}

interface LevelLike {
  _put(key: unknown, value: unknown, options: Record<string, unknown>): Promise<void>;
  _del(key: unknown, options: Record<string, unknown>): Promise<void>;
  _batch(ops: unknown, options: Record<string, unknown>): Promise<void>;
  iterator(options: Record<string, unknown>): AsyncIterable<[string, unknown]>;
  values(options: Record<string, unknown>): AsyncIterable<unknown>;
  put(key: string, value: unknown): Promise<void>;
  open(): Promise<void>;
}

export interface Store {
  db: LevelLike;
  tableDb: { awsAccountId: string; awsRegion: string };
  getItemDb(name: string): ItemDb;
  getTable(
    name: string,
    checkStatus: boolean,
    cb: (err: DynaliteError | null | undefined, table?: TableDescription) => void,
  ): void;
  lifecycleManager: { gracefulClose(cb: (err?: unknown) => void): void };
}

interface DbModule {
  create(options: Record<string, unknown>): Store;
  createKey(item: Item, table: TableDescription): string;
  checkConditional(data: Input, existing: Item | undefined): DynaliteError | null | undefined;
  itemSize(item: Item): number;
}

const dbModule = require('dynalite/db/index.js') as DbModule;
const validations = require('dynalite/validations/index.js') as ValidationsModule;
guardStoredNumbers(require('dynalite/db/index.js') as Parameters<typeof guardStoredNumbers>[0]);

/** Operations dynalite implements, by their AWS names. */
export const DYNALITE_OPERATIONS = [
  'BatchGetItem',
  'BatchWriteItem',
  'CreateTable',
  'DeleteItem',
  'DeleteTable',
  'DescribeTable',
  'GetItem',
  'ListTables',
  'PutItem',
  'Query',
  'Scan',
  'TagResource',
  'UntagResource',
  'ListTagsOfResource',
  'UpdateItem',
  'UpdateTable',
] as const;
export type DynaliteOperation = (typeof DYNALITE_OPERATIONS)[number];

const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);
const ACTIONS = new Map<string, { action: Action; validation: Validation }>(
  DYNALITE_OPERATIONS.map((op) => [
    op,
    {
      action: require(`dynalite/actions/${lowerFirst(op)}.js`) as Action,
      validation: require(`dynalite/validations/${lowerFirst(op)}.js`) as Validation,
    },
  ]),
);

/** dynalite's error body -> AwsError; anything else (a LevelDB failure, a dynalite bug) -> a 500 in AWS shape. */
export function toDynamoError(e: unknown): AwsError {
  if (e instanceof AwsError) return e;
  const err = (e ?? {}) as DynaliteError;
  if (err.statusCode && err.body?.__type) {
    const code = err.body.__type.slice(err.body.__type.indexOf('#') + 1);
    const message = err.body.message ?? err.body.Message ?? '';
    return new AwsError(code, stripStoredNames(message), err.statusCode);
  }
  return new AwsError('InternalServerError', `Internal server error: ${err.message ?? String(e)}`, 500);
}

export interface EngineOptions {
  path: string;
  accountId: string;
  region: string;
  /** How long tables stay CREATING / DELETING / UPDATING (dynalite's default 500 ms). */
  transitionMs?: number;
}

/** A dynalite store on disk whose writes are fsynced before they are acknowledged. */
export class DynaliteEngine {
  readonly store: Store;
  private readonly options: EngineOptions;
  /** The region whose tables keep their plain names (see regions.ts); pinned when the store opens. */
  bareRegion: string;

  constructor(options: EngineOptions) {
    this.options = options;
    this.bareRegion = options.region;
    const ms = options.transitionMs ?? 500;
    this.store = dbModule.create({ path: options.path, createTableMs: ms, deleteTableMs: ms, updateTableMs: ms });
    this.store.tableDb.awsAccountId = options.accountId;
    this.store.tableDb.awsRegion = options.region;
    // LevelDB only write()s its log by default: that survives kill -9 but not a power cut. sync: true fsyncs.
    const level = this.store.db;
    const put = level._put.bind(level);
    const del = level._del.bind(level);
    const batch = level._batch.bind(level);
    level._put = (key, value, opts) => put(key, value, { ...opts, sync: true });
    level._del = (key, opts) => del(key, { ...opts, sync: true });
    level._batch = (ops, opts) => batch(ops, { ...opts, sync: true });
  }

  /** Open LevelDB now, so a locked or unreadable data folder fails the start, not every request. */
  async open(): Promise<void> {
    await this.store.db.open();
    const arns: string[] = [];
    for await (const value of this.store.db.values({ gte: 'table~', lt: 'table~\xff' })) {
      const arn = (value as { TableArn?: unknown } | null)?.TableArn;
      if (typeof arn === 'string') arns.push(arn);
    }
    this.bareRegion = pinBareRegion(join(dirname(this.options.path), 'regions.json'), arns, this.options.region);
  }

  /** Run one request's work with table names resolved in `region` (each region has its own tables). */
  inRegion<T>(region: string, fn: () => T): T {
    return inRegion(region, this.bareRegion, fn);
  }

  /** The name `name` is stored under in the current request's region. */
  storedName(name: string): string {
    return storedName(name);
  }

  /** Validate `input` as dynalite's HTTP listener does, then run the operation. */
  invoke(operation: DynaliteOperation, input: Input): Promise<Input> {
    const entry = ACTIONS.get(operation);
    if (!entry) return Promise.reject(new AwsError('UnknownOperationException', `Unknown operation ${operation}`));
    try {
      return this.run(operation, this.validate(operation, input));
    } catch (e) {
      return Promise.reject(toDynamoError(e));
    }
  }

  /**
   * dynalite's type and value checks; returns the normalized input (parsed expressions included), with
   * table names turned into the names they are stored under in the request's region.
   */
  validate(operation: DynaliteOperation, input: Input): Input {
    const entry = ACTIONS.get(operation);
    if (!entry) throw new AwsError('UnknownOperationException', `Unknown operation ${operation}`);
    // A stored name coming back from our own code (a transaction's rollback) is checked as the plain name.
    const plain =
      typeof input.TableName === 'string' && input.TableName.includes('!')
        ? { ...input, TableName: parseStoredName(input.TableName, this.bareRegion).name }
        : input;
    try {
      const data = validations.checkTypes(plain, entry.validation.types);
      validations.checkValidations(data, entry.validation.types, entry.validation.custom, this.store);
      return toStored(operation, data);
    } catch (e) {
      throw toDynamoError(e);
    }
  }

  /** Run an already validated operation; the output names tables as the caller knows them. */
  run(operation: DynaliteOperation, data: Input): Promise<Input> {
    const entry = ACTIONS.get(operation);
    if (!entry) return Promise.reject(new AwsError('UnknownOperationException', `Unknown operation ${operation}`));
    if (operation === 'ListTables') return this.listTables(data);
    return new Promise((resolve, reject) => {
      try {
        entry.action(this.store, data, (err, out) => {
          if (err) reject(toDynamoError(err));
          else resolve(toUser((out ?? {}) as Input));
        });
      } catch (e) {
        reject(toDynamoError(e));
      }
    });
  }

  /** ListTables of the request's region (dynalite's own lists every table of the store). */
  private async listTables(data: Input): Promise<Input> {
    const names: string[] = [];
    for await (const value of this.store.db.values({ gte: 'table~', lt: 'table~\xff' })) {
      const name = (value as { TableName?: unknown } | null)?.TableName;
      if (typeof name === 'string') names.push(name);
    }
    return listRegionTables(names, data, this.bareRegion);
  }

  /**
   * The table's description (under its stored name); ResourceNotFoundException unless it exists (and, if
   * `active`, is usable). `name` is the caller's name in the request's region, or a stored name.
   */
  table(name: string, active = true): Promise<TableDescription> {
    return new Promise((resolve, reject) => {
      this.store.getTable(storedName(name), active, (err, table) => {
        if (err || !table) reject(toDynamoError(err));
        else resolve(table);
      });
    });
  }

  /** The stored item under `key` (a full item or just its key attributes), or undefined. */
  async currentItem(table: TableDescription, key: Item): Promise<Item | undefined> {
    const dbKey = dbModule.createKey(key, table);
    return new Promise((resolve, reject) => {
      this.store.getItemDb(table.TableName).get(dbKey, (err, item) => {
        if (err && err.name !== 'NotFoundError') reject(toDynamoError(err));
        else resolve(item ?? undefined);
      });
    });
  }

  /** The LevelDB key of an item: two transaction entries on one item compare equal. */
  itemKey(table: TableDescription, key: Item): string {
    return dbModule.createKey(key, table);
  }

  /** An item's size in bytes as DynamoDB counts it (names plus values). */
  itemSize(item: Item): number {
    return dbModule.itemSize(item);
  }

  /** Whether the validated input's condition (ConditionExpression or Expected) holds for `existing`. */
  conditionHolds(data: Input, existing: Item | undefined): boolean {
    return !dbModule.checkConditional(data, existing);
  }

  /**
   * A table left CREATING / UPDATING / DELETING by a crash stays so forever (dynalite flips it on a timer):
   * finish what the timer would have done.
   */
  async recoverTransitions(): Promise<void> {
    const stuck: Array<[string, TableDescription]> = [];
    for await (const [key, value] of this.store.db.iterator({ gte: 'table~', lt: 'table~\xff' })) {
      const table = value as TableDescription;
      if (table && typeof table === 'object' && table.TableStatus && table.TableStatus !== 'ACTIVE')
        stuck.push([key, table]);
    }
    for (const [key, table] of stuck) {
      if (table.TableStatus === 'DELETING') {
        table.TableStatus = 'ACTIVE';
        await this.store.db.put(key, table);
        // The stored name, not validated again (it holds the region prefix of its table).
        await this.run('DeleteTable', { TableName: table.TableName }).catch(() => undefined);
      } else {
        table.TableStatus = 'ACTIVE';
        for (const index of table.GlobalSecondaryIndexes ?? []) index.IndexStatus = 'ACTIVE';
        await this.store.db.put(key, table);
      }
    }
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.store.lifecycleManager.gracefulClose(() => resolve()));
  }
}
