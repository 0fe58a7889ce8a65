import { AwsError } from '../../core/errors.js';
import type { Operation } from '../../core/operations.js';
import { RestAnswer, type RestInput } from '../../protocols/rest-json-service.js';
import { codeSha256, readZip } from './code.js';
import { optBlob, optBool, optInt, optObject, optString, optStringMap, reqString, type Json } from './input.js';
import { SETTLE_MS, configuration, functionArn, newRevision, notFound, parseFunctionName, RUNTIMES } from './model.js';
import { arnOfRequest, findFunction, type LambdaCall, type LambdaState } from './state.js';
import type { FunctionRecord, FunctionSettings, PublishedVersion } from './store.js';

type LambdaOperation = Operation<LambdaState, RestInput>;
const ROLE_ARN = /^arn:(aws[a-zA-Z-]*)?:iam::\d{12}:role\/?[a-zA-Z_0-9+=,.@\-_/]+$/;
const ENV_BYTES = 4096;
const PAGE = 50;

/** An operation on the function named in the path, authorized on its ARN. */
function onFunction(action: string, run: LambdaOperation['run']): LambdaOperation {
  return { action, resource: (input, call) => arnOfRequest(call, input.path.FunctionName ?? ''), run };
}

function checkRole(role: string): string {
  if (!ROLE_ARN.test(role)) {
    throw new AwsError(
      'ValidationException',
      `1 validation error detected: Value '${role.slice(0, 200)}' at 'role' failed to satisfy constraint: Member must satisfy regular expression pattern: arn:(aws[a-zA-Z-]*)?:iam::\\d{12}:role/?[a-zA-Z_0-9+=,.@\\-_/]+`,
    );
  }
  return role;
}

function checkRuntime(runtime: string): string {
  if (!RUNTIMES.includes(runtime)) {
    throw new AwsError(
      'InvalidParameterValueException',
      `The runtime parameter of ${runtime} is not supported by this emulator; use ${RUNTIMES.join(' or ')}.`,
    );
  }
  return runtime;
}

function environmentOf(input: Json): Record<string, string> | undefined {
  const env = optObject(input, 'Environment');
  if (!env) return undefined;
  const vars = optStringMap(env, 'Variables') ?? {};
  for (const k of Object.keys(vars)) {
    if (!/^[a-zA-Z]([a-zA-Z0-9_])+$/.test(k))
      throw new AwsError('ValidationException', `Environment variable name ${k} is not valid`);
  }
  if (Buffer.byteLength(JSON.stringify(vars)) > ENV_BYTES) {
    throw new AwsError(
      'InvalidParameterValueException',
      `Lambda was unable to configure your environment variables because the environment variables you have provided exceeded the 4KB limit.`,
    );
  }
  return vars;
}

function deadLetterOf(input: Json): string | null | undefined {
  const dlq = optObject(input, 'DeadLetterConfig');
  if (!dlq) return undefined;
  const arn = optString(dlq, 'TargetArn');
  if (!arn) return null;
  if (!/^arn:aws:sqs:[a-z0-9-]+:\d{12}:[\w-]+(\.fifo)?$/.test(arn)) {
    throw new AwsError(
      'InvalidParameterValueException',
      'The emulator supports an SQS queue ARN as the dead-letter target.',
    );
  }
  return arn;
}

/** The zip of a Code / UpdateFunctionCode request: ZipFile (base64) or an S3 object read in-process. */
async function codeOf(input: Json, call: LambdaCall): Promise<Buffer> {
  const zip = optBlob(input, 'ZipFile');
  if (zip) return zip;
  const bucket = optString(input, 'S3Bucket');
  const key = optString(input, 'S3Key');
  if (!bucket || !key)
    throw new AwsError(
      'InvalidParameterValueException',
      'Please provide a source for function code (ZipFile, or S3Bucket and S3Key).',
    );
  const s3 = call.state.env.peer?.('s3');
  try {
    const out = (await s3?.internal?.('GetObject', { Bucket: bucket, Key: key }, call.region)) as
      { Body: Buffer } | undefined;
    if (!out) throw new Error('no S3');
    return out.Body;
  } catch {
    throw new AwsError(
      'InvalidParameterValueException',
      `Error occurred while GetObject. S3 Error Code: NoSuchKey. S3 Error Message: The specified key does not exist. (s3://${bucket}/${key})`,
    );
  }
}

function storeCode(call: LambdaCall, zip: Buffer): { codeSha256: string; codeSize: number } {
  readZip(zip);
  const sha = codeSha256(zip);
  call.state.store.saveZip(sha, zip);
  return { codeSha256: sha, codeSize: zip.length };
}

function publish(rec: FunctionRecord, description?: string): PublishedVersion {
  const latest = rec.versions[rec.versions.length - 1];
  const same = latest && latest.codeSha256 === rec.codeSha256 && latest.revisionId === rec.revisionId;
  if (same) return latest;
  const {
    region: _r,
    name: _n,
    changedAt: _c,
    tags: _t,
    reservedConcurrency: _rc,
    onFailure: _o,
    maximumRetryAttempts: _m,
    versions: _v,
    aliases: _a,
    nextVersion: _nv,
    ...settings
  } = rec;
  const version: PublishedVersion = {
    ...(settings as FunctionSettings),
    description: description ?? rec.description,
    version: String(rec.nextVersion),
  };
  rec.versions.push(version);
  rec.nextVersion += 1;
  return version;
}

function settled(rec: FunctionRecord): void {
  if (Date.now() - rec.changedAt < SETTLE_MS) {
    throw new AwsError(
      'ResourceConflictException',
      `The operation cannot be performed at this time. An update is in progress for resource: ${rec.name}`,
      409,
    );
  }
}

function checkRevision(rec: FunctionRecord, input: Json): void {
  const revision = optString(input, 'RevisionId');
  if (revision !== undefined && revision !== rec.revisionId) {
    throw new AwsError(
      'PreconditionFailedException',
      'The Revision Id provided does not match the latest Revision Id. Call the GetFunction/GetAlias API to retrieve the latest Revision Id',
      412,
    );
  }
}

function marker(token: string | null): string {
  if (!token) return '';
  try {
    return Buffer.from(token, 'base64url').toString('utf8');
  } catch {
    return '';
  }
}

export const FUNCTION_OPERATIONS: Record<string, LambdaOperation> = {
  CreateFunction: {
    action: 'lambda:CreateFunction',
    resource: (input, call) =>
      functionArn(
        call.region,
        call.state.env.accountId,
        parseFunctionName(reqString(input.json(), 'FunctionName', 140), call.state.env.accountId).name,
      ),
    async run(input, call) {
      const body = input.json();
      const { name } = parseFunctionName(reqString(body, 'FunctionName', 140), call.state.env.accountId);
      const runtime = checkRuntime(reqString(body, 'Runtime'));
      const role = checkRole(reqString(body, 'Role', 2048));
      const handler = reqString(body, 'Handler', 128);
      const timeout = optInt(body, 'Timeout', 1, 900) ?? 3;
      const memorySize = optInt(body, 'MemorySize', 128, 10240) ?? 128;
      const description = optString(body, 'Description', 256) ?? '';
      const environment = environmentOf(body) ?? {};
      const tags = optStringMap(body, 'Tags') ?? {};
      const deadLetterArn = deadLetterOf(body) ?? null;
      const code = optObject(body, 'Code');
      if (!code)
        throw new AwsError(
          'ValidationException',
          "1 validation error detected: Value at 'code' failed to satisfy constraint: Member must not be null",
        );
      const doPublish = optBool(body, 'Publish') ?? false;
      if (call.state.store.get(call.region, name))
        throw new AwsError('ResourceConflictException', `Function already exist: ${name}`, 409);
      const stored = storeCode(call, await codeOf(code, call));
      const now = Date.now();
      const rec: FunctionRecord = {
        region: call.region,
        name,
        runtime,
        role,
        handler,
        timeout,
        memorySize,
        environment,
        description,
        ...stored,
        deadLetterArn,
        revisionId: newRevision(),
        lastModified: now,
        changedAt: now,
        tags,
        reservedConcurrency: null,
        onFailure: null,
        maximumRetryAttempts: 2,
        versions: [],
        aliases: [],
        nextVersion: 1,
      };
      const version = doPublish ? publish(rec) : undefined;
      call.state.store.put(rec);
      return configuration(rec, call.state.env.accountId, version);
    },
  },
  ListFunctions: {
    action: 'lambda:ListFunctions',
    async run(input, call) {
      const max = input.query.get('MaxItems');
      const limit = max === null ? PAGE : Number(max);
      if (!Number.isInteger(limit) || limit < 1 || limit > PAGE)
        throw new AwsError(
          'ValidationException',
          `1 validation error detected: Value '${max}' at 'maxItems' failed to satisfy constraint: Member must have value between 1 and ${PAGE}`,
        );
      const after = marker(input.query.get('Marker'));
      const all = call.state.store.list(call.region).filter((f) => f.name > after);
      const page = all.slice(0, limit);
      const last = page[page.length - 1];
      return {
        Functions: page.map((f) => configuration(f, call.state.env.accountId)),
        NextMarker: all.length > limit && last ? Buffer.from(last.name).toString('base64url') : undefined,
      };
    },
  },
  GetFunction: onFunction('lambda:GetFunction', async (input, call) => {
    const { rec, qualifier } = findFunction(call, input.path.FunctionName ?? '', input.query.get('Qualifier'));
    const version = versionOf(rec, qualifier, call);
    return {
      Configuration: configuration(rec, call.state.env.accountId, version),
      Code: { RepositoryType: 'S3' },
      Tags: rec.tags,
      ...(rec.reservedConcurrency !== null
        ? { Concurrency: { ReservedConcurrentExecutions: rec.reservedConcurrency } }
        : {}),
    };
  }),
  GetFunctionConfiguration: onFunction('lambda:GetFunctionConfiguration', async (input, call) => {
    const { rec, qualifier } = findFunction(call, input.path.FunctionName ?? '', input.query.get('Qualifier'));
    return configuration(rec, call.state.env.accountId, versionOf(rec, qualifier, call));
  }),
  DeleteFunction: onFunction('lambda:DeleteFunction', async (input, call) => {
    const { rec, qualifier } = findFunction(call, input.path.FunctionName ?? '', input.query.get('Qualifier'));
    if (qualifier && qualifier !== '$LATEST') {
      if (!rec.versions.some((v) => v.version === qualifier))
        throw notFound(functionArn(call.region, call.state.env.accountId, rec.name, qualifier));
      if (rec.aliases.some((a) => a.functionVersion === qualifier)) {
        throw new AwsError(
          'ResourceConflictException',
          `Unable to delete version because the following aliases reference it: ${rec.aliases
            .filter((a) => a.functionVersion === qualifier)
            .map((a) => a.name)
            .join(', ')}`,
          409,
        );
      }
      rec.versions = rec.versions.filter((v) => v.version !== qualifier);
      call.state.store.put(rec);
    } else {
      call.state.store.delete(call.region, rec.name);
    }
    call.state.executor.retire(call.region, rec.name);
    return new RestAnswer(204, null);
  }),
  UpdateFunctionCode: onFunction('lambda:UpdateFunctionCode', async (input, call) => {
    const { rec } = findFunction(call, input.path.FunctionName ?? '');
    const body = input.json();
    checkRevision(rec, body);
    settled(rec);
    const stored = storeCode(call, await codeOf(body, call));
    const now = Date.now();
    Object.assign(rec, stored, { revisionId: newRevision(), lastModified: now, changedAt: now });
    const version = optBool(body, 'Publish') ? publish(rec) : undefined;
    call.state.store.put(rec);
    call.state.executor.retire(call.region, rec.name);
    return configuration(rec, call.state.env.accountId, version);
  }),
  UpdateFunctionConfiguration: onFunction('lambda:UpdateFunctionConfiguration', async (input, call) => {
    const { rec } = findFunction(call, input.path.FunctionName ?? '');
    const body = input.json();
    checkRevision(rec, body);
    settled(rec);
    const update: Partial<FunctionRecord> = {};
    const runtime = optString(body, 'Runtime');
    if (runtime !== undefined) update.runtime = checkRuntime(runtime);
    const role = optString(body, 'Role', 2048);
    if (role !== undefined) update.role = checkRole(role);
    const handler = optString(body, 'Handler', 128);
    if (handler !== undefined) update.handler = handler;
    const timeout = optInt(body, 'Timeout', 1, 900);
    if (timeout !== undefined) update.timeout = timeout;
    const memorySize = optInt(body, 'MemorySize', 128, 10240);
    if (memorySize !== undefined) update.memorySize = memorySize;
    const description = optString(body, 'Description', 256);
    if (description !== undefined) update.description = description;
    const environment = environmentOf(body);
    if (environment !== undefined) update.environment = environment;
    const dlq = deadLetterOf(body);
    if (dlq !== undefined) update.deadLetterArn = dlq;
    const now = Date.now();
    Object.assign(rec, update, { revisionId: newRevision(), lastModified: now, changedAt: now });
    call.state.store.put(rec);
    call.state.executor.retire(call.region, rec.name);
    return configuration(rec, call.state.env.accountId);
  }),
  PublishVersion: onFunction('lambda:PublishVersion', async (input, call) => {
    const { rec } = findFunction(call, input.path.FunctionName ?? '');
    const body = input.json();
    checkRevision(rec, body);
    const sha = optString(body, 'CodeSha256');
    if (sha !== undefined && sha !== rec.codeSha256)
      throw new AwsError('InvalidParameterValueException', 'CodeSHA256 does not match the current code.');
    const version = publish(rec, optString(body, 'Description', 256));
    call.state.store.put(rec);
    return configuration(rec, call.state.env.accountId, version);
  }),
  ListVersionsByFunction: onFunction('lambda:ListVersionsByFunction', async (input, call) => {
    const { rec } = findFunction(call, input.path.FunctionName ?? '');
    const account = call.state.env.accountId;
    return { Versions: [configuration(rec, account), ...rec.versions.map((v) => configuration(rec, account, v))] };
  }),
  PutFunctionConcurrency: onFunction('lambda:PutFunctionConcurrency', async (input, call) => {
    const { rec } = findFunction(call, input.path.FunctionName ?? '');
    const reserved = optInt(input.json(), 'ReservedConcurrentExecutions', 0, 1000);
    if (reserved === undefined)
      throw new AwsError(
        'ValidationException',
        "1 validation error detected: Value at 'reservedConcurrentExecutions' failed to satisfy constraint: Member must not be null",
      );
    rec.reservedConcurrency = reserved;
    call.state.store.put(rec);
    return { ReservedConcurrentExecutions: reserved };
  }),
  GetFunctionConcurrency: onFunction('lambda:GetFunctionConcurrency', async (input, call) => {
    const { rec } = findFunction(call, input.path.FunctionName ?? '');
    return rec.reservedConcurrency === null ? {} : { ReservedConcurrentExecutions: rec.reservedConcurrency };
  }),
  DeleteFunctionConcurrency: onFunction('lambda:DeleteFunctionConcurrency', async (input, call) => {
    const { rec } = findFunction(call, input.path.FunctionName ?? '');
    rec.reservedConcurrency = null;
    call.state.store.put(rec);
    return new RestAnswer(204, null);
  }),
  PutFunctionEventInvokeConfig: onFunction('lambda:PutFunctionEventInvokeConfig', async (input, call) => {
    const { rec } = findFunction(call, input.path.FunctionName ?? '');
    const body = input.json();
    const retries = optInt(body, 'MaximumRetryAttempts', 0, 2);
    const destination = optObject(optObject(body, 'DestinationConfig') ?? {}, 'OnFailure');
    const target = destination ? optString(destination, 'Destination') : undefined;
    if (target !== undefined && !/^arn:aws:sqs:[a-z0-9-]+:\d{12}:[\w-]+$/.test(target)) {
      throw new AwsError(
        'InvalidParameterValueException',
        'The emulator supports an SQS queue ARN as the on-failure destination.',
      );
    }
    rec.maximumRetryAttempts = retries ?? 2;
    rec.onFailure = target ?? null;
    call.state.store.put(rec);
    return eventInvokeConfig(rec, call);
  }),
  GetFunctionEventInvokeConfig: onFunction('lambda:GetFunctionEventInvokeConfig', async (input, call) => {
    const { rec } = findFunction(call, input.path.FunctionName ?? '');
    return eventInvokeConfig(rec, call);
  }),
  GetAccountSettings: {
    action: 'lambda:GetAccountSettings',
    async run(_input, call) {
      const all = call.state.store.list(call.region);
      const reserved = all.reduce((n, f) => n + (f.reservedConcurrency ?? 0), 0);
      return {
        AccountLimit: {
          TotalCodeSize: 80_530_636_800,
          CodeSizeUnzipped: 262_144_000,
          CodeSizeZipped: 52_428_800,
          ConcurrentExecutions: 1000,
          UnreservedConcurrentExecutions: 1000 - reserved,
        },
        AccountUsage: { TotalCodeSize: all.reduce((n, f) => n + f.codeSize, 0), FunctionCount: all.length },
      };
    },
  },
};

function eventInvokeConfig(rec: FunctionRecord, call: LambdaCall): Json {
  return {
    FunctionArn: functionArn(call.region, call.state.env.accountId, rec.name, '$LATEST'),
    MaximumRetryAttempts: rec.maximumRetryAttempts,
    LastModified: Date.now() / 1000,
    DestinationConfig: rec.onFailure
      ? { OnFailure: { Destination: rec.onFailure }, OnSuccess: {} }
      : { OnFailure: {}, OnSuccess: {} },
  };
}

export function versionOf(
  rec: FunctionRecord,
  qualifier: string | undefined,
  call: LambdaCall,
): PublishedVersion | undefined {
  if (!qualifier || qualifier === '$LATEST') return undefined;
  let version = qualifier;
  const alias = rec.aliases.find((a) => a.name === qualifier);
  if (alias) version = alias.functionVersion;
  const found = rec.versions.find((v) => v.version === version);
  if (!found) throw notFound(functionArn(call.region, call.state.env.accountId, rec.name, qualifier));
  return found;
}
