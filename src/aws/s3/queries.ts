import { queryOptions } from '@tanstack/react-query';
import { listBuckets } from './api';

export const s3Keys = {
  all: (region: string) => ['aws', region, 's3'] as const,
  buckets: (region: string) => [...s3Keys.all(region), 'buckets'] as const,
};

export const s3Queries = {
  buckets: (region: string) =>
    queryOptions({
      queryKey: s3Keys.buckets(region),
      queryFn: ({ signal }) => listBuckets({ region }, signal),
      meta: { label: 'the bucket list' },
    }),
};
