import { AwsError } from '../../core/errors.js';
import { receiveSmallBody } from './body.js';
import { requireBucket, type S3Call } from './common.js';
import { sendEmpty, sendXml } from './response.js';
import type { S3Store } from './store.js';
import { children, malformedXml, parseXmlBody, textOf, type XmlIn } from './xml-input.js';

export interface CorsRule {
  ID?: string;
  AllowedHeader: string[];
  AllowedMethod: string[];
  AllowedOrigin: string[];
  ExposeHeader: string[];
  MaxAgeSeconds?: number;
}

const METHODS = ['GET', 'PUT', 'POST', 'DELETE', 'HEAD'];

function texts(node: XmlIn, name: string): string[] {
  return children(node, name).map((c) => {
    if (typeof c !== 'string') throw malformedXml();
    return c.trim();
  });
}

function parseRule(node: XmlIn): CorsRule {
  const rule: CorsRule = {
    AllowedHeader: texts(node, 'AllowedHeader'),
    AllowedMethod: texts(node, 'AllowedMethod'),
    AllowedOrigin: texts(node, 'AllowedOrigin'),
    ExposeHeader: texts(node, 'ExposeHeader'),
  };
  const id = textOf(node, 'ID');
  if (id !== undefined) rule.ID = id;
  const maxAge = textOf(node, 'MaxAgeSeconds');
  if (maxAge !== undefined) {
    if (!/^\d+$/.test(maxAge.trim())) throw malformedXml();
    rule.MaxAgeSeconds = Number(maxAge.trim());
  }
  if (!rule.AllowedMethod.length || !rule.AllowedOrigin.length) throw malformedXml();
  for (const m of rule.AllowedMethod) {
    if (!METHODS.includes(m)) {
      throw new AwsError('InvalidRequest', `Found unsupported HTTP method in CORS config. Unsupported method is ${m}`);
    }
  }
  return rule;
}

export async function putBucketCors(call: S3Call): Promise<void> {
  const name = call.r.bucket ?? '';
  requireBucket(call.store, name);
  const { data } = await receiveSmallBody(call.ctx, 64 * 1024);
  const root = parseXmlBody(data, 'CORSConfiguration');
  const rules = children(root, 'CORSRule').map(parseRule);
  if (!rules.length || rules.length > 100) throw malformedXml();
  call.store.setCors(name, JSON.stringify(rules));
  sendEmpty(call.ctx, 200);
}

/** The bucket's stored CORS rules (none when it has no configuration or does not exist). */
export function bucketCorsRules(store: S3Store, bucket: string): CorsRule[] {
  const cors = store.getBucket(bucket)?.cors;
  return cors ? (JSON.parse(cors) as CorsRule[]) : [];
}

export async function getBucketCors(call: S3Call): Promise<void> {
  const name = call.r.bucket ?? '';
  const bucket = requireBucket(call.store, name);
  if (!bucket.cors) {
    throw new AwsError('NoSuchCORSConfiguration', 'The CORS configuration does not exist', 404, { BucketName: name });
  }
  const rules = JSON.parse(bucket.cors) as CorsRule[];
  sendXml(call.ctx, 'CORSConfiguration', { CORSRule: rules.map((r) => ({ ...r })) });
}

export async function deleteBucketCors(call: S3Call): Promise<void> {
  const name = call.r.bucket ?? '';
  requireBucket(call.store, name);
  call.store.setCors(name, null);
  sendEmpty(call.ctx, 204);
}
