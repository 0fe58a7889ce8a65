import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CreateSecretCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { CloudWatchLogsClient, CreateLogGroupCommand, CreateLogStreamCommand } from '@aws-sdk/client-cloudwatch-logs';
import { signedRequest, startTestEmulator, type TestEmulator } from './testing.js';
import { SECRETS_OPERATIONS } from './services/secretsmanager/operations.js';
import { createFunction, lambdaClient } from './services/lambda/test-support.js';

/** Wrongly shaped members for every operation of Lambda, CloudWatch Logs and Secrets Manager: 4xx, never 5xx. */
let emu: TestEmulator;
beforeAll(async () => {
  emu = await startTestEmulator();
  await new SecretsManagerClient(emu.clientConfig).send(new CreateSecretCommand({ Name: 'fuzz', SecretString: 'x' }));
  const logs = new CloudWatchLogsClient(emu.clientConfig);
  await logs.send(new CreateLogGroupCommand({ logGroupName: 'fuzz' }));
  await logs.send(new CreateLogStreamCommand({ logGroupName: 'fuzz', logStreamName: 'fuzz' }));
  await createFunction(lambdaClient(emu), emu, 'fuzz', `export const handler = async (e) => e;`);
}, 30_000);
afterAll(() => emu.dispose());

const ODD_VALUES: unknown[] = [null, -1, 'x', [1, 'a'], { a: { b: [] } }];

async function check(label: string, res: Response, failures: string[]): Promise<void> {
  const text = await res.text();
  if (res.status >= 500) failures.push(`${label} -> ${res.status} ${text.slice(0, 300)}`);
  else if (res.status >= 400 && !res.headers.get('x-amzn-errortype'))
    failures.push(`${label}: no error type in ${text.slice(0, 200)}`);
}

/** Run each chain side by side, a few at a time (the machine is shared). */
async function inParallel(chains: Array<() => Promise<void>>, width = 6): Promise<void> {
  const queue = [...chains];
  await Promise.all(
    Array.from({ length: width }, async () => {
      for (let next = queue.shift(); next; next = queue.shift()) await next();
    }),
  );
}

describe('bad input to the new services', () => {
  it('Secrets Manager', async () => {
    const members = [
      'SecretId',
      'Name',
      'SecretString',
      'SecretBinary',
      'VersionId',
      'VersionStage',
      'ClientRequestToken',
      'Filters',
      'MaxResults',
      'NextToken',
      'Tags',
      'TagKeys',
      'RecoveryWindowInDays',
      'ForceDeleteWithoutRecovery',
      'RotationRules',
      'RotationLambdaARN',
      'PasswordLength',
      'ExcludeCharacters',
      'SecretIdList',
      'MoveToVersionId',
      'RemoveFromVersionId',
      'SortOrder',
      'IncludePlannedDeletion',
    ];
    const failures: string[] = [];
    await inParallel(
      Object.keys(SECRETS_OPERATIONS)
        .filter((op) => op !== 'DeleteSecret')
        .map((op) => async () => {
          for (const member of members) {
            for (const value of ODD_VALUES) {
              const body = JSON.stringify({ SecretId: 'fuzz', [member]: value });
              const res = await signedRequest(emu, {
                service: 'secretsmanager',
                body,
                headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': `secretsmanager.${op}` },
              });
              await check(`${op} ${member}=${JSON.stringify(value)}`, res, failures);
            }
          }
        }),
    );
    expect(failures).toEqual([]);
  }, 120_000);

  it('CloudWatch Logs', async () => {
    const ops = [
      'CreateLogGroup',
      'DescribeLogGroups',
      'PutRetentionPolicy',
      'DeleteRetentionPolicy',
      'CreateLogStream',
      'DescribeLogStreams',
      'PutLogEvents',
      'GetLogEvents',
      'FilterLogEvents',
      'DeleteLogStream',
    ];
    const members = [
      'logGroupName',
      'logGroupIdentifier',
      'logStreamName',
      'logStreamNames',
      'logStreamNamePrefix',
      'logGroupNamePrefix',
      'logGroupNamePattern',
      'logEvents',
      'limit',
      'nextToken',
      'startTime',
      'endTime',
      'startFromHead',
      'filterPattern',
      'orderBy',
      'descending',
      'retentionInDays',
      'tags',
    ];
    const failures: string[] = [];
    await inParallel(
      ops.map((op) => async () => {
        for (const member of members) {
          for (const value of ODD_VALUES) {
            const body = JSON.stringify({ logGroupName: 'fuzz', logStreamName: 'fuzz', [member]: value });
            const res = await signedRequest(emu, {
              service: 'logs',
              body,
              headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': `Logs_20140328.${op}` },
            });
            await check(`${op} ${member}=${JSON.stringify(value)}`, res, failures);
          }
        }
      }),
    );
    expect(failures).toEqual([]);
  }, 120_000);

  it('Lambda', async () => {
    const routes: Array<[string, string]> = [
      ['POST', '/2015-03-31/functions'],
      ['PUT', '/2015-03-31/functions/fuzz/configuration'],
      ['PUT', '/2015-03-31/functions/fuzz/code'],
      ['POST', '/2015-03-31/functions/fuzz/versions'],
      ['POST', '/2015-03-31/functions/fuzz/aliases'],
      ['PUT', '/2015-03-31/functions/fuzz/aliases/live'],
      ['PUT', '/2017-10-31/functions/fuzz/concurrency'],
      ['PUT', '/2019-09-25/functions/fuzz/event-invoke-config'],
      ['POST', `/2017-03-31/tags/${encodeURIComponent('arn:aws:lambda:us-east-1:123456789012:function:fuzz')}`],
    ];
    const members = [
      'FunctionName',
      'Runtime',
      'Role',
      'Handler',
      'Code',
      'Timeout',
      'MemorySize',
      'Environment',
      'Description',
      'Tags',
      'Publish',
      'ZipFile',
      'S3Bucket',
      'S3Key',
      'RevisionId',
      'ReservedConcurrentExecutions',
      'Name',
      'FunctionVersion',
      'MaximumRetryAttempts',
      'DestinationConfig',
      'DeadLetterConfig',
      'CodeSha256',
    ];
    const failures: string[] = [];
    await inParallel(
      routes.map(([method, path]) => async () => {
        for (const member of members) {
          for (const value of ODD_VALUES) {
            // A request that would be valid but for the one odd member: each route's failures come from that member.
            const body = JSON.stringify({
              FunctionName: 'fuzz2',
              Runtime: 'nodejs20.x',
              Role: 'arn:aws:iam::123456789012:role/ConsoleAdmin',
              Handler: 'index.handler',
              Code: {},
              Name: 'live',
              FunctionVersion: '$LATEST',
              [member]: value,
            });
            const res = await signedRequest(emu, {
              service: 'lambda',
              method,
              path,
              body: method === 'GET' ? undefined : body,
              headers: { 'content-type': 'application/json' },
            });
            await check(`${method} ${path} ${member}=${JSON.stringify(value)}`, res, failures);
          }
        }
      }),
    );
    for (const query of ['MaxItems=x', 'MaxItems=0', 'Marker=%FF%FE', 'Qualifier=%00']) {
      await check(
        `GET ?${query}`,
        await signedRequest(emu, { service: 'lambda', method: 'GET', path: `/2015-03-31/functions/fuzz?${query}` }),
        failures,
      );
      await check(
        `GET list ?${query}`,
        await signedRequest(emu, { service: 'lambda', method: 'GET', path: `/2015-03-31/functions?${query}` }),
        failures,
      );
    }
    for (const header of [
      ['x-amz-invocation-type', 'Sometimes'],
      ['x-amz-log-type', 'All'],
      ['x-amz-client-context', '%%%'],
    ]) {
      const res = await signedRequest(emu, {
        service: 'lambda',
        path: '/2015-03-31/functions/fuzz/invocations',
        body: '{}',
        headers: { [header[0] as string]: header[1] as string },
      });
      await check(`Invoke ${header[0]}`, res, failures);
    }
    expect(failures).toEqual([]);
  }, 120_000);
});
