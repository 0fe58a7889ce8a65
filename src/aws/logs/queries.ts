import { infiniteQueryOptions } from '@tanstack/react-query';
import { tokenPaging } from '../paging';
import { listLogGroups, listLogStreams } from './api';

export const logsKeys = {
  all: (region: string) => ['aws', region, 'logs'] as const,
  groups: (region: string) => [...logsKeys.all(region), 'groups'] as const,
  groupList: (region: string, prefix: string) => [...logsKeys.groups(region), 'list', { prefix }] as const,
  group: (region: string, group: string) => [...logsKeys.all(region), 'group', group] as const,
  streams: (region: string, group: string) => [...logsKeys.group(region, group), 'streams'] as const,
};

export const logsQueries = {
  groups: (region: string, prefix = '') =>
    infiniteQueryOptions({
      queryKey: logsKeys.groupList(region, prefix),
      queryFn: ({ pageParam, signal }) => listLogGroups({ region, prefix, token: pageParam }, signal),
      ...tokenPaging,
      meta: { label: 'the log groups' },
    }),
  /** Latest first: the stream a function wrote to last is on top. */
  streams: (region: string, group: string) =>
    infiniteQueryOptions({
      queryKey: logsKeys.streams(region, group),
      queryFn: ({ pageParam, signal }) => listLogStreams({ region, group, token: pageParam }, signal),
      ...tokenPaging,
      meta: { label: 'the log streams' },
    }),
};
