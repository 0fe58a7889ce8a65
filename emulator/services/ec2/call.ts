import { AwsError } from '../../core/errors.js';
import type { ServiceEnv } from '../../core/types.js';
import { booleanParam, integerParam, stringList } from '../../protocols/ec2-query.js';
import type { QueryParams } from '../../protocols/query-params.js';
import type { XmlNode } from '../../protocols/xml.js';
import { INSTANCE_ID, type InstanceRecord } from './model.js';
import type { InstanceStore, StoredInstance } from './store.js';

/** Everything an operation handler needs; handlers return the response body or throw AwsError. */
export interface Ec2Call {
  region: string;
  params: QueryParams;
  store: InstanceStore;
  env: ServiceEnv;
  now: number;
}

export type Ec2Handler = (call: Ec2Call) => XmlNode | Promise<XmlNode>;

export function instanceArn(call: Pick<Ec2Call, 'region' | 'env'>, id: string): string {
  return `arn:aws:ec2:${call.region}:${call.env.accountId}:instance/${id}`;
}

/** Run after the IAM check: allowed dry runs answer DryRunOperation (412). */
export function honourDryRun(params: QueryParams): void {
  if (booleanParam(params, 'DryRun')) {
    throw new AwsError('DryRunOperation', 'Request would have succeeded, but DryRun flag is set.', 412);
  }
}

/** `InstanceId.N`, each checked for shape (InvalidInstanceID.Malformed), duplicates dropped. */
export function instanceIdsParam(params: QueryParams, prefix = 'InstanceId'): string[] {
  const ids = stringList(params, prefix);
  for (const id of ids) {
    if (!INSTANCE_ID.test(id)) throw new AwsError('InvalidInstanceID.Malformed', `Invalid id: "${id}"`);
  }
  return [...new Set(ids)];
}

export function notFound(missing: string[]): AwsError {
  return missing.length === 1
    ? new AwsError('InvalidInstanceID.NotFound', `The instance ID '${missing[0]}' does not exist`)
    : new AwsError('InvalidInstanceID.NotFound', `The instance IDs '${missing.join(', ')}' do not exist`);
}

/** The named instances of the caller's region, in the order asked; NotFound names every missing id. */
export function findInstances(call: Ec2Call, ids: string[]): InstanceRecord[] {
  const byId = new Map(call.store.list(call.region, call.now).map((s) => [s.rec.id, s.rec]));
  const missing = ids.filter((id) => !byId.has(id));
  if (missing.length) throw notFound(missing);
  return ids.map((id) => byId.get(id) as InstanceRecord);
}

export function requireIds(ids: string[]): void {
  if (ids.length === 0) throw new AwsError('MissingParameter', 'The request must contain the parameter InstanceId');
}

export interface Page {
  maxResults: number | undefined;
  afterSeq: number;
}

/** MaxResults (5-1000, not with InstanceIds) and NextToken, checked as EC2 checks them. */
export function pageParams(params: QueryParams, hasIds: boolean): Page {
  const maxResults = integerParam(params, 'MaxResults');
  if (maxResults !== undefined) {
    if (hasIds) {
      throw new AwsError(
        'InvalidParameterCombination',
        'The parameter instancesSet cannot be used with the parameter maxResults',
      );
    }
    if (maxResults < 5) {
      throw new AwsError(
        'InvalidParameterValue',
        `Value ( ${maxResults} ) for parameter maxResults is invalid. Expecting a value greater than 5.`,
      );
    }
    if (maxResults > 1000) {
      throw new AwsError(
        'InvalidParameterValue',
        `Value ( ${maxResults} ) for parameter maxResults is invalid. Expecting a value less than or equal to 1000.`,
      );
    }
  }
  const token = params.get('NextToken');
  let afterSeq = 0;
  if (token !== undefined && token !== '') {
    const m = /^seq:(\d{1,15})$/.exec(Buffer.from(token, 'base64url').toString('utf8'));
    if (!m?.[1]) throw new AwsError('InvalidParameterValue', `Invalid value '${token}' for NextToken`);
    afterSeq = Number(m[1]);
  }
  return { maxResults, afterSeq };
}

/**
 * One page of the instances that `matches`, and the token for the next if any remain. It stops at the
 * first match past the page, so a page costs about the same whatever the fleet's size.
 */
export function pageOf(
  items: StoredInstance[],
  page: Page,
  matches: (s: StoredInstance) => boolean = () => true,
): { items: StoredInstance[]; nextToken: string | undefined } {
  const out: StoredInstance[] = [];
  for (const s of items) {
    if (s.seq <= page.afterSeq || !matches(s)) continue;
    if (page.maxResults !== undefined && out.length === page.maxResults) {
      const last = out[out.length - 1];
      return { items: out, nextToken: last ? Buffer.from(`seq:${last.seq}`).toString('base64url') : undefined };
    }
    out.push(s);
  }
  return { items: out, nextToken: undefined };
}
