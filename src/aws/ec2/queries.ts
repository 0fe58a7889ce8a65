import { queryOptions } from '@tanstack/react-query';
import { countInstancesByState } from './api';

export const ec2Keys = {
  all: (region: string) => ['aws', region, 'ec2'] as const,
  instances: (region: string) => [...ec2Keys.all(region), 'instances'] as const,
  instanceCounts: (region: string) => [...ec2Keys.instances(region), 'counts'] as const,
};

export const ec2Queries = {
  instanceCounts: (region: string) =>
    queryOptions({
      queryKey: ec2Keys.instanceCounts(region),
      queryFn: ({ signal }) => countInstancesByState({ region }, signal),
      meta: { label: 'instance counts' },
    }),
};
