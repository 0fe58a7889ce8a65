import { readFileSync } from 'node:fs';

/**
 * The console's role policies: JSON templates in infra/policies/ that both the CDK stack and the emulator's
 * seeded roles render, so the emulator's tests prove the policies production runs.
 */

export type ConsoleRole = 'admin' | 'viewer';

export interface PolicyStatement {
  Sid: string;
  Effect: 'Allow' | 'Deny';
  Action: string[];
  Resource: string[];
}

export interface PolicyDocument {
  Version: '2012-10-17';
  Statement: PolicyStatement[];
}

/** A template: statements whose resources hold ${Placeholders}, plus a description for people. */
export interface PolicyTemplate extends PolicyDocument {
  Description: string;
}

/** What the policies reach. The "whole account" is `*` buckets and empty prefixes. */
export interface PolicyScope {
  partition: string;
  account: string;
  regions: readonly string[];
  /** Bucket names (or `*`). */
  buckets: readonly string[];
  tablePrefix: string;
  queuePrefix: string;
  functionPrefix: string;
  secretPrefix: string;
  /** Role ARNs in other accounts the console may switch to; none drops the statement. */
  switchRoles: readonly string[];
}

const FILES: Record<ConsoleRole, string> = { admin: 'console-admin.json', viewer: 'console-read-only.json' };

const policyDir = new URL('../policies/', import.meta.url);

export function policyTemplate(role: ConsoleRole): PolicyTemplate {
  return JSON.parse(readFileSync(new URL(FILES[role], policyDir), 'utf8')) as PolicyTemplate;
}

/** Every AWS action the console can call, with the access it needs and a resource it is called on. */
export interface ConsoleAction {
  action: string;
  access: 'read' | 'write';
  resource: string;
}

export function consoleActions(): ConsoleAction[] {
  const file = JSON.parse(readFileSync(new URL('console-actions.json', policyDir), 'utf8')) as {
    actions: ConsoleAction[];
  };
  return file.actions;
}

const PREFIX = /^[\w+=,.@/-]*$/;

function assertScope(scope: PolicyScope): void {
  for (const [field, value] of Object.entries({
    tablePrefix: scope.tablePrefix,
    queuePrefix: scope.queuePrefix,
    functionPrefix: scope.functionPrefix,
    secretPrefix: scope.secretPrefix,
  }))
    if (!PREFIX.test(value)) throw new Error(`${field}: "${value}" may hold only letters, digits and + = , . @ / - _`);
  if (scope.buckets.length === 0) throw new Error('buckets: name at least one bucket, or * for every bucket');
  for (const b of scope.buckets)
    if (b !== '*' && !/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(b))
      throw new Error(`buckets: "${b}" is not a bucket name`);
  if (scope.regions.length === 0) throw new Error('regions: name at least one region');
}

/** Expand one resource template: list-valued placeholders multiply (one ARN per bucket and region). */
function expand(template: string, scope: PolicyScope): string[] {
  const lists: Record<string, readonly string[]> = {
    Partition: [scope.partition],
    Account: [scope.account],
    Region: scope.regions,
    Bucket: scope.buckets,
    TablePrefix: [scope.tablePrefix],
    QueuePrefix: [scope.queuePrefix],
    FunctionPrefix: [scope.functionPrefix],
    SecretPrefix: [scope.secretPrefix],
    SwitchRole: scope.switchRoles,
  };
  let results = [template];
  for (const name of template.match(/\$\{(\w+)\}/g) ?? []) {
    const key = name.slice(2, -1);
    const values = lists[key];
    if (!values) throw new Error(`policy template: unknown placeholder ${name} in ${template}`);
    results = results.flatMap((r) => values.map((v) => r.split(name).join(v)));
  }
  return [...new Set(results)];
}

/** The IAM policy document of a role for a scope; statements left with no resource are dropped. */
export function renderPolicy(template: PolicyDocument, scope: PolicyScope): PolicyDocument {
  assertScope(scope);
  const statements = template.Statement.map((s) => ({
    ...s,
    Resource: s.Resource.flatMap((r) => expand(r, scope)),
  })).filter((s) => s.Resource.length > 0);
  return { Version: '2012-10-17', Statement: statements };
}

export function consolePolicy(role: ConsoleRole, scope: PolicyScope): PolicyDocument {
  return renderPolicy(policyTemplate(role), scope);
}

/** Every bucket, table, queue, function and secret of the account, in every region. */
export function wholeAccount(partition: string, account: string, regions: readonly string[] = ['*']): PolicyScope {
  return {
    partition,
    account,
    regions,
    buckets: ['*'],
    tablePrefix: '',
    queuePrefix: '',
    functionPrefix: '',
    secretPrefix: '',
    switchRoles: [],
  };
}
