import { listBuckets } from '../s3/api';
import { send } from '../send';

export interface SampleObject {
  bucket: string;
  key: string;
  size: number;
  etag?: string;
}

/**
 * A real object for the S3 put template: the first object of the first bucket that has one. ListBuckets
 * cannot be called from a browser on AWS, so the config's bucket names stand in when it fails.
 */
export async function findSampleObject(
  params: { region: string; knownBuckets?: string[] | undefined },
  signal?: AbortSignal,
): Promise<SampleObject | undefined> {
  let names: string[];
  try {
    names = (await listBuckets({ region: params.region }, signal)).items.map((b) => b.name);
  } catch (e) {
    if (signal?.aborted) throw e;
    names = params.knownBuckets ?? [];
  }
  for (const bucket of names.slice(0, 5)) {
    try {
      const out = await send(
        's3',
        params.region,
        (s3) => new s3.ListObjectsV2Command({ Bucket: bucket, MaxKeys: 5 }),
        signal,
      );
      const o = (out.Contents ?? []).find((c) => c.Key && !c.Key.endsWith('/'));
      if (o?.Key) return { bucket, key: o.Key, size: o.Size ?? 0, ...(o.ETag ? { etag: o.ETag } : {}) };
    } catch {
      // A bucket we may not list (or in another region): try the next one.
    }
  }
  return undefined;
}

/** A real queue's ARN for the SQS template, if the role may list queues. */
export async function findSampleQueueArn(
  params: { region: string },
  signal?: AbortSignal,
): Promise<string | undefined> {
  try {
    const list = await send('sqs', params.region, (sqs) => new sqs.ListQueuesCommand({ MaxResults: 1 }), signal);
    const url = list.QueueUrls?.[0];
    if (!url) return undefined;
    const a = await send(
      'sqs',
      params.region,
      (sqs) => new sqs.GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['QueueArn'] }),
      signal,
    );
    return a.Attributes?.QueueArn;
  } catch {
    return undefined;
  }
}
