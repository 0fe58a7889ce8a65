import { pageOf, type Page } from '../paging';
import { send } from '../send';

export interface BucketSummary {
  name: string;
  createdAt?: Date;
}

export async function listBuckets(params: { region: string }, signal?: AbortSignal): Promise<Page<BucketSummary>> {
  const out = await send('s3', params.region, (s3) => new s3.ListBucketsCommand({}), signal);
  const items = (out.Buckets ?? []).flatMap((b) =>
    b.Name ? [{ name: b.Name, ...(b.CreationDate ? { createdAt: b.CreationDate } : {}) }] : [],
  );
  return pageOf(items, out.ContinuationToken);
}
