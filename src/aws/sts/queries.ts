import { queryOptions } from '@tanstack/react-query';
import { getCallerIdentity } from './api';

export const stsQueries = {
  callerIdentity: (region: string) =>
    queryOptions({
      queryKey: ['aws', region, 'sts', 'caller-identity'] as const,
      queryFn: ({ signal }) => getCallerIdentity({ region }, signal),
      staleTime: Infinity,
      meta: { label: 'your identity', isSilent: true },
    }),
};
