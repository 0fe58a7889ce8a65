import { GetBucketCorsCommand, PutBucketCorsCommand, type CORSRule, type S3Client } from '@aws-sdk/client-s3';
import { withConsoleRule, type CorsRule } from './bucket-cors.js';

async function rulesOf(s3: S3Client, bucket: string): Promise<CorsRule[]> {
  try {
    return ((await s3.send(new GetBucketCorsCommand({ Bucket: bucket }))).CORSRules ?? []) as CorsRule[];
  } catch (e) {
    if ((e as Error).name === 'NoSuchCORSConfiguration') return [];
    throw e;
  }
}

/** Put the console's rule on each bucket (other rules kept), logging each bucket's rules before and after. */
export async function applyConsoleCors(
  s3: S3Client,
  buckets: readonly string[],
  rule: CorsRule,
  options: { dryRun?: boolean; log?: (line: string) => void } = {},
): Promise<void> {
  const log = options.log ?? console.log;
  for (const bucket of buckets) {
    const before = await rulesOf(s3, bucket);
    const after = withConsoleRule(before, rule);
    log(`${bucket}\n  before: ${JSON.stringify(before)}\n  after:  ${JSON.stringify(after)}`);
    if (options.dryRun) continue;
    await s3.send(new PutBucketCorsCommand({ Bucket: bucket, CORSConfiguration: { CORSRules: after as CORSRule[] } }));
    log('  applied');
  }
}
