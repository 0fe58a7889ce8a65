import { withClient } from '../clients';

export interface BucketSummary {
  name: string;
  createdAt?: Date;
}

export async function listBuckets(region: string, signal?: AbortSignal): Promise<BucketSummary[]> {
  return withClient('s3', region, async (client) => {
    const { ListBucketsCommand } = await import('@aws-sdk/client-s3');
    const out = await client.send(new ListBucketsCommand({}), { abortSignal: signal });
    return (out.Buckets ?? []).flatMap((b) =>
      b.Name ? [{ name: b.Name, ...(b.CreationDate ? { createdAt: b.CreationDate } : {}) }] : [],
    );
  });
}
