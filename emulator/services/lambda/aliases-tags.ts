import { AwsError } from '../../core/errors.js';
import type { Operation } from '../../core/operations.js';
import { RestAnswer, type RestInput } from '../../protocols/rest-json-service.js';
import { optString, optStringMap, reqString } from './input.js';
import { functionArn, newRevision, parseFunctionName } from './model.js';
import { arnOfRequest, findFunction, type LambdaCall, type LambdaState } from './state.js';
import type { AliasRecord, FunctionRecord } from './store.js';

type LambdaOperation = Operation<LambdaState, RestInput>;
const ALIAS = /^(?!^[0-9]+$)([a-zA-Z0-9-_]{1,128})$/;

function onFunction(action: string, run: LambdaOperation['run']): LambdaOperation {
  return { action, resource: (input, call) => arnOfRequest(call, input.path.FunctionName ?? ''), run };
}

function aliasShape(rec: FunctionRecord, alias: AliasRecord, call: LambdaCall) {
  return {
    AliasArn: functionArn(call.region, call.state.env.accountId, rec.name, alias.name),
    Name: alias.name,
    FunctionVersion: alias.functionVersion,
    Description: alias.description,
    RevisionId: alias.revisionId,
  };
}

function checkVersion(rec: FunctionRecord, version: string): string {
  if (version !== '$LATEST' && !rec.versions.some((v) => v.version === version)) {
    throw new AwsError('ResourceNotFoundException', `Function not found: ${rec.name}:${version}`, 404);
  }
  return version;
}

function aliasOf(rec: FunctionRecord, name: string, call: LambdaCall): AliasRecord {
  const alias = rec.aliases.find((a) => a.name === name);
  if (!alias)
    throw new AwsError(
      'ResourceNotFoundException',
      `Alias not found: ${functionArn(call.region, call.state.env.accountId, rec.name, name)}`,
      404,
    );
  return alias;
}

/** The function an ARN in a tags path names. */
function tagged(call: LambdaCall, resource: string): FunctionRecord {
  return findFunction(call, parseFunctionName(resource, call.state.env.accountId).name).rec;
}

export const ALIAS_AND_TAG_OPERATIONS: Record<string, LambdaOperation> = {
  CreateAlias: onFunction('lambda:CreateAlias', async (input, call) => {
    const { rec } = findFunction(call, input.path.FunctionName ?? '');
    const body = input.json();
    const name = reqString(body, 'Name', 128);
    if (!ALIAS.test(name))
      throw new AwsError(
        'ValidationException',
        `1 validation error detected: Value '${name}' at 'name' failed to satisfy constraint: Member must satisfy regular expression pattern: (?!^[0-9]+$)([a-zA-Z0-9-_]+)`,
      );
    if (rec.aliases.some((a) => a.name === name))
      throw new AwsError(
        'ResourceConflictException',
        `Alias already exists: ${functionArn(call.region, call.state.env.accountId, rec.name, name)}`,
        409,
      );
    const alias: AliasRecord = {
      name,
      functionVersion: checkVersion(rec, reqString(body, 'FunctionVersion', 1024)),
      description: optString(body, 'Description', 256) ?? '',
      revisionId: newRevision(),
    };
    rec.aliases.push(alias);
    call.state.store.put(rec);
    return aliasShape(rec, alias, call);
  }),
  GetAlias: onFunction('lambda:GetAlias', async (input, call) => {
    const { rec } = findFunction(call, input.path.FunctionName ?? '');
    return aliasShape(rec, aliasOf(rec, input.path.Name ?? '', call), call);
  }),
  UpdateAlias: onFunction('lambda:UpdateAlias', async (input, call) => {
    const { rec } = findFunction(call, input.path.FunctionName ?? '');
    const alias = aliasOf(rec, input.path.Name ?? '', call);
    const body = input.json();
    const revision = optString(body, 'RevisionId');
    if (revision !== undefined && revision !== alias.revisionId)
      throw new AwsError(
        'PreconditionFailedException',
        'The Revision Id provided does not match the latest Revision Id.',
        412,
      );
    const version = optString(body, 'FunctionVersion', 1024);
    if (version !== undefined) alias.functionVersion = checkVersion(rec, version);
    const description = optString(body, 'Description', 256);
    if (description !== undefined) alias.description = description;
    alias.revisionId = newRevision();
    call.state.store.put(rec);
    return aliasShape(rec, alias, call);
  }),
  DeleteAlias: onFunction('lambda:DeleteAlias', async (input, call) => {
    const { rec } = findFunction(call, input.path.FunctionName ?? '');
    aliasOf(rec, input.path.Name ?? '', call);
    rec.aliases = rec.aliases.filter((a) => a.name !== input.path.Name);
    call.state.store.put(rec);
    return new RestAnswer(204, null);
  }),
  ListAliases: onFunction('lambda:ListAliases', async (input, call) => {
    const { rec } = findFunction(call, input.path.FunctionName ?? '');
    const version = input.query.get('FunctionVersion');
    return {
      Aliases: rec.aliases
        .filter((a) => !version || a.functionVersion === version)
        .map((a) => aliasShape(rec, a, call)),
    };
  }),
  TagResource: {
    action: 'lambda:TagResource',
    resource: (input) => input.path.Resource ?? '',
    async run(input, call) {
      const rec = tagged(call, input.path.Resource ?? '');
      const tags = optStringMap(input.json(), 'Tags');
      if (!tags)
        throw new AwsError(
          'ValidationException',
          "1 validation error detected: Value at 'tags' failed to satisfy constraint: Member must not be null",
        );
      rec.tags = { ...rec.tags, ...tags };
      if (Object.keys(rec.tags).length > 50)
        throw new AwsError('InvalidParameterValueException', 'A function may have at most 50 tags.');
      call.state.store.put(rec);
      return new RestAnswer(204, null);
    },
  },
  UntagResource: {
    action: 'lambda:UntagResource',
    resource: (input) => input.path.Resource ?? '',
    async run(input, call) {
      const rec = tagged(call, input.path.Resource ?? '');
      const keys = input.query.getAll('tagKeys');
      rec.tags = Object.fromEntries(Object.entries(rec.tags).filter(([k]) => !keys.includes(k)));
      call.state.store.put(rec);
      return new RestAnswer(204, null);
    },
  },
  ListTags: {
    action: 'lambda:ListTags',
    resource: (input) => input.path.Resource ?? '',
    async run(input, call) {
      return { Tags: tagged(call, input.path.Resource ?? '').tags };
    },
  },
};
