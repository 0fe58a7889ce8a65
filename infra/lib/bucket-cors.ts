/** The CORS rule a bucket needs for the console to browse it from its origins (S3's PutBucketCors shape). */
export interface CorsRule {
  ID: string;
  AllowedOrigins: string[];
  AllowedMethods: string[];
  AllowedHeaders: string[];
  ExposeHeaders: string[];
  MaxAgeSeconds: number;
}

export const CORS_RULE_ID = 'aws-console';

const META = /^[a-z0-9][a-z0-9-]*$/;

/**
 * ETag for multipart uploads, the version id and encryption headers for the details panel, and each user
 * metadata header by name (S3 takes no wildcard in ExposeHeaders). AllowedHeaders names what the SDK
 * signs: a literal `*` does not cover Authorization in a browser's preflight.
 */
export function bucketCorsRule(origins: readonly string[], metadata: readonly string[] = []): CorsRule {
  if (origins.length === 0) throw new Error('origins: the console origin is required (https://…)');
  for (const o of origins) {
    let url: URL | undefined;
    try {
      url = new URL(o);
    } catch {
      // reported below
    }
    if (!url || url.origin !== o)
      throw new Error(`origins: "${o}" is not an origin such as https://d111.cloudfront.net`);
  }
  for (const m of metadata) if (!META.test(m)) throw new Error(`metadata: "${m}" is not a metadata name (a-z, 0-9, -)`);
  return {
    ID: CORS_RULE_ID,
    AllowedOrigins: [...origins],
    AllowedMethods: ['GET', 'PUT', 'POST', 'DELETE', 'HEAD'],
    AllowedHeaders: [
      'authorization',
      'content-type',
      'content-md5',
      'content-disposition',
      'cache-control',
      'x-amz-*',
      'amz-sdk-invocation-id',
      'amz-sdk-request',
    ],
    ExposeHeaders: [
      'ETag',
      'x-amz-version-id',
      'x-amz-server-side-encryption',
      'x-amz-server-side-encryption-aws-kms-key-id',
      'x-amz-server-side-encryption-bucket-key-enabled',
      ...metadata.map((m) => `x-amz-meta-${m}`),
    ],
    MaxAgeSeconds: 3000,
  };
}

/** A bucket's rules with the console's rule put in (replacing an older one of the same ID), others kept. */
export function withConsoleRule(existing: readonly CorsRule[], rule: CorsRule): CorsRule[] {
  return [...existing.filter((r) => r.ID !== CORS_RULE_ID), rule];
}
