import { queryOptions } from '@tanstack/react-query';
import { listQueueOverview } from './api';

export const sqsKeys = {
  all: (region: string) => ['aws', region, 'sqs'] as const,
  queues: (region: string) => [...sqsKeys.all(region), 'queues'] as const,
  overview: (region: string) => [...sqsKeys.queues(region), 'overview'] as const,
};

export const sqsQueries = {
  overview: (region: string) =>
    queryOptions({
      queryKey: sqsKeys.overview(region),
      queryFn: ({ signal }) => listQueueOverview({ region, limit: 100 }, signal),
      meta: { label: 'the queue list' },
    }),
};
