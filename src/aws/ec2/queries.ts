import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import { tokenPaging } from '../paging';
import { countInstancesByState } from './api';
import {
  countInstanceStates,
  describeInstanceStatus,
  getInstance,
  listInstances,
  type InstanceFilters,
} from './instances';

/** The filters with empty ones left out, so equal filters make equal keys. */
function cleanFilters(f: InstanceFilters): InstanceFilters {
  return Object.fromEntries(
    Object.entries(f).filter(([, v]) => typeof v === 'string' && v.trim() !== ''),
  ) as InstanceFilters;
}

export const ec2Keys = {
  all: (region: string) => ['aws', region, 'ec2'] as const,
  instances: (region: string) => [...ec2Keys.all(region), 'instances'] as const,
  instanceCounts: (region: string) => [...ec2Keys.instances(region), 'counts'] as const,
  /** Every filtered list of the region (the prefix optimistic updates write through). */
  instanceLists: (region: string) => [...ec2Keys.instances(region), 'list'] as const,
  instanceList: (region: string, filters: InstanceFilters) =>
    [...ec2Keys.instanceLists(region), cleanFilters(filters)] as const,
  instance: (region: string, id: string) => [...ec2Keys.instances(region), 'detail', id] as const,
  instanceStatus: (region: string, id: string) => [...ec2Keys.instances(region), 'status', id] as const,
  stateCounts: (region: string) => [...ec2Keys.instances(region), 'state-counts'] as const,
  /** The poll of instances in transition (only those). */
  watch: (region: string) => [...ec2Keys.instances(region), 'watch'] as const,
};

export const ec2Queries = {
  instanceCounts: (region: string) =>
    queryOptions({
      queryKey: ec2Keys.instanceCounts(region),
      queryFn: ({ signal }) => countInstancesByState({ region }, signal),
      meta: { label: 'instance counts' },
    }),
  instances: (region: string, filters: InstanceFilters) =>
    infiniteQueryOptions({
      queryKey: ec2Keys.instanceList(region, filters),
      queryFn: ({ pageParam, signal }) =>
        listInstances({ region, filters: cleanFilters(filters), token: pageParam }, signal),
      ...tokenPaging,
      meta: { label: 'the instance list' },
    }),
  instance: (region: string, id: string) =>
    queryOptions({
      queryKey: ec2Keys.instance(region, id),
      queryFn: ({ signal }) => getInstance({ region, id }, signal),
      meta: { label: `instance ${id}` },
    }),
  instanceStatus: (region: string, id: string) =>
    queryOptions({
      queryKey: ec2Keys.instanceStatus(region, id),
      queryFn: ({ signal }) => describeInstanceStatus({ region, id }, signal),
      meta: { label: `the status checks of ${id}` },
    }),
  stateCounts: (region: string) =>
    queryOptions({
      queryKey: ec2Keys.stateCounts(region),
      queryFn: ({ signal }) => countInstanceStates({ region }, signal),
      meta: { label: 'the instance counts by state' },
    }),
};
