import { queryOptions } from '@tanstack/react-query';
import { queueOverview } from './api';

export const sqsKeys = {
  all: (region: string) => ['aws', region, 'sqs'] as const,
  overview: (region: string) => [...sqsKeys.all(region), 'queues', 'overview'] as const,
};

export const sqsQueries = {
  overview: (region: string) =>
    queryOptions({
      queryKey: sqsKeys.overview(region),
      queryFn: ({ signal }) => queueOverview(region, { limit: 100 }, signal),
    }),
};
