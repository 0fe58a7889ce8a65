import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import { tokenPaging } from '../paging';
import { listQueueOverview } from './api';
import {
  getQueueAttributes,
  getQueueUrl,
  getQueueUrlByArn,
  listDeadLetterSources,
  listQueues,
  listQueueTags,
} from './queue-api';
import { listMessageMoves } from './redrive-api';

export const sqsKeys = {
  all: (region: string) => ['aws', region, 'sqs'] as const,
  /** Every list of queues (the dashboard's overview, the queues page's pages). */
  queues: (region: string) => [...sqsKeys.all(region), 'queues'] as const,
  overview: (region: string) => [...sqsKeys.queues(region), 'overview'] as const,
  list: (region: string, prefix: string) => [...sqsKeys.queues(region), 'list', { prefix }] as const,
  /** Everything about one queue, by URL. */
  queue: (region: string, url: string) => [...sqsKeys.all(region), 'queue', url] as const,
  attributes: (region: string, url: string) => [...sqsKeys.queue(region, url), 'attributes'] as const,
  tags: (region: string, url: string) => [...sqsKeys.queue(region, url), 'tags'] as const,
  deadLetterSources: (region: string, url: string) => [...sqsKeys.queue(region, url), 'dead-letter-sources'] as const,
  moveTasks: (region: string, sourceArn: string) => [...sqsKeys.all(region), 'move-tasks', sourceArn] as const,
  /** Name (or ARN) to URL: stable while the queue exists. */
  url: (region: string, nameOrArn: string) => [...sqsKeys.all(region), 'url', nameOrArn] as const,
};

export const sqsQueries = {
  overview: (region: string) =>
    queryOptions({
      queryKey: sqsKeys.overview(region),
      queryFn: ({ signal }) => listQueueOverview({ region, limit: 100 }, signal),
      meta: { label: 'the queue list' },
    }),
  list: (region: string, prefix: string) =>
    infiniteQueryOptions({
      queryKey: sqsKeys.list(region, prefix),
      queryFn: ({ pageParam, signal }) => listQueues({ region, prefix, token: pageParam, limit: 100 }, signal),
      ...tokenPaging,
      meta: { label: 'the queue list' },
    }),
  attributes: (region: string, url: string) =>
    queryOptions({
      queryKey: sqsKeys.attributes(region, url),
      queryFn: ({ signal }) => getQueueAttributes({ region, url }, signal),
      meta: { label: 'the queue attributes' },
    }),
  urlByName: (region: string, name: string) =>
    queryOptions({
      queryKey: sqsKeys.url(region, name),
      queryFn: ({ signal }) => getQueueUrl({ region, name }, signal),
      staleTime: Infinity,
      meta: { label: 'the queue URL' },
    }),
  urlByArn: (region: string, arn: string) =>
    queryOptions({
      queryKey: sqsKeys.url(region, arn),
      queryFn: ({ signal }) => getQueueUrlByArn({ region, arn }, signal),
      staleTime: Infinity,
      meta: { label: 'the dead-letter queue URL' },
    }),
  tags: (region: string, url: string) =>
    queryOptions({
      queryKey: sqsKeys.tags(region, url),
      queryFn: ({ signal }) => listQueueTags({ region, url }, signal),
      meta: { label: 'the queue tags' },
    }),
  deadLetterSources: (region: string, url: string) =>
    infiniteQueryOptions({
      queryKey: sqsKeys.deadLetterSources(region, url),
      queryFn: ({ pageParam, signal }) => listDeadLetterSources({ region, url, token: pageParam }, signal),
      ...tokenPaging,
      meta: { label: 'the source queues' },
    }),
  moveTasks: (region: string, sourceArn: string) =>
    queryOptions({
      queryKey: sqsKeys.moveTasks(region, sourceArn),
      queryFn: ({ signal }) => listMessageMoves({ region, sourceArn, max: 10 }, signal),
      meta: { label: 'the redrive tasks' },
    }),
};
