import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { AwsError } from '../../core/errors.js';
import type { ServiceFactory } from '../../core/types.js';
import { jsonService } from '../../protocols/json-service.js';
import { seedDynamoDb } from '../../seed/dynamodb.js';
import { DynaliteEngine, type DynaliteOperation, type Input } from './dynalite-engine.js';
import { WRITE_OPERATIONS, dynamoDbOperations, type DynamoDbRuns } from './operations.js';
import { IdempotencyTokens } from './idempotency.js';
import { ReadWriteLock } from './rw-lock.js';
import { checkNesting } from './nesting.js';
import { checkExpressions } from './expression-limits.js';
import { keyOf, transactGetItems, transactWriteItems } from './transactions.js';
import { DynamoDbError } from './dynamodb-error.js';
import { TableStats } from './table-stats.js';
import { TtlSettings } from './ttl-settings.js';

const TARGET_PREFIX = 'DynamoDB_20120810.';
const TYPE_PREFIX = 'com.amazonaws.dynamodb.v20120810#';

function tableNameOf(input: Input): string {
  const name = input.TableName;
  if (typeof name !== 'string' || !/^[a-zA-Z0-9_.-]{3,255}$/.test(name)) {
    throw new AwsError(
      'ValidationException',
      `1 validation error detected: Value '${String(name)}' at 'tableName' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+ and have length between 3 and 255`,
    );
  }
  return name;
}

/** DynamoDB (JSON 1.0) on dynalite, plus transactions and TTL settings dynalite lacks. */
export const createDynamoDbService: ServiceFactory = async (env) => {
  const levelPath = join(env.dataDir, 'leveldb');
  const lock = new ReadWriteLock();
  const ttl = new TtlSettings(env.dataDir);
  const tokens = new IdempotencyTokens();
  const stats = new TableStats(() => engine);
  const open = async () => {
    const engine = new DynaliteEngine({ path: levelPath, accountId: env.accountId, region: env.defaultRegion });
    await engine.open();
    await engine.recoverTransitions();
    return engine;
  };
  let engine = await open();

  /** ReturnValuesOnConditionCheckFailure: ALL_OLD puts the item that failed the condition in the error. */
  async function withOldItem(error: AwsError, input: Input): Promise<AwsError> {
    const table = await engine.table(String(input.TableName));
    const source = (input.Item ?? input.Key) as Input;
    const item = await engine.currentItem(table, keyOf(table, source, Boolean(input.Item)));
    return new DynamoDbError(error.code, error.message, item ? { Item: item } : {}, error.status);
  }

  async function dynaliteOperation(operation: DynaliteOperation, input: Input): Promise<Input> {
    if (operation === 'DescribeTable') {
      const output = await engine.invoke(operation, input);
      await stats.fill(output.Table as Input | undefined);
      return output;
    }
    if (!WRITE_OPERATIONS.has(operation)) return engine.invoke(operation, input);
    const wantsOld = input.ReturnValuesOnConditionCheckFailure === 'ALL_OLD';
    const output = await lock
      .withShared(async () => {
        try {
          return await engine.invoke(operation, input);
        } catch (e) {
          if (wantsOld && e instanceof AwsError && e.code === 'ConditionalCheckFailedException')
            throw await withOldItem(e, input);
          throw e;
        }
      })
      .catch((e: unknown) => {
        // dynalite leaves this message empty; AWS names the table.
        if (e instanceof AwsError && e.code === 'ResourceInUseException' && !e.message && operation === 'CreateTable') {
          throw new AwsError(e.code, `Table already exists: ${String(input.TableName)}`, e.status);
        }
        throw e;
      });
    if (operation === 'DeleteTable' && typeof input.TableName === 'string') ttl.forget(input.TableName);
    return output;
  }

  const runs: DynamoDbRuns = {
    inRegion: (region, fn) => engine.inRegion(region, fn),
    dynalite: dynaliteOperation,
    transactWriteItems: (input) =>
      lock.withExclusive(async () => {
        const fingerprint = JSON.stringify(input.TransactItems ?? null);
        if (tokens.alreadyCommitted(input.ClientRequestToken, fingerprint)) return {};
        const output = await transactWriteItems(engine, input);
        tokens.remember(input.ClientRequestToken, fingerprint);
        return output;
      }),
    transactGetItems: (input) => lock.withExclusive(() => transactGetItems(engine, input)),
    async describeTimeToLive(input) {
      const name = tableNameOf(input);
      await engine.table(name, false);
      const setting = ttl.get(name);
      return {
        TimeToLiveDescription: setting
          ? { TimeToLiveStatus: 'ENABLED', AttributeName: setting.attributeName }
          : { TimeToLiveStatus: 'DISABLED' },
      };
    },
    async updateTimeToLive(input) {
      const name = tableNameOf(input);
      const spec = input.TimeToLiveSpecification as { AttributeName?: unknown; Enabled?: unknown } | undefined;
      if (!spec || typeof spec.AttributeName !== 'string' || !spec.AttributeName || typeof spec.Enabled !== 'boolean') {
        throw new AwsError(
          'ValidationException',
          "The parameter 'TimeToLiveSpecification' needs AttributeName (string) and Enabled (boolean)",
        );
      }
      await engine.table(name);
      ttl.update(name, spec.Enabled, spec.AttributeName);
      return { TimeToLiveSpecification: { AttributeName: spec.AttributeName, Enabled: spec.Enabled } };
    },
    async describeContinuousBackups(input) {
      await engine.table(tableNameOf(input), false);
      return {
        ContinuousBackupsDescription: {
          ContinuousBackupsStatus: 'ENABLED',
          PointInTimeRecoveryDescription: { PointInTimeRecoveryStatus: 'DISABLED' },
        },
      };
    },
    describeEndpoints: () => ({
      Endpoints: [{ Address: new URL(env.baseUrl()).host, CachePeriodInMinutes: 1440 }],
    }),
  };

  return jsonService({
    name: 'dynamodb',
    version: '1.0',
    targetPrefix: TARGET_PREFIX,
    typePrefix: TYPE_PREFIX,
    state: null,
    operations: dynamoDbOperations(runs, env.accountId),
    input(body) {
      checkNesting(body);
      checkExpressions(body);
      return body;
    },
    crc32: true,
    // The server names unexpected failures InternalError; DynamoDB's is InternalServerError.
    errorCode: (code) => (code === 'InternalError' ? 'InternalServerError' : code),
    errorFields: (error) => (error instanceof DynamoDbError ? error.fields : {}),
    async reset() {
      await lock.withExclusive(async () => {
        await engine.close();
        rmSync(levelPath, { recursive: true, force: true });
        mkdirSync(env.dataDir, { recursive: true });
        ttl.clear();
        tokens.clear();
        stats.clear();
        engine = await open();
      });
    },
    async seed() {
      await seedDynamoDb((operation, input) => engine.invoke(operation, input));
    },
    async close() {
      await engine.close();
    },
  });
};
