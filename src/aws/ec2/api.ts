import { withClient } from '../clients';

export interface InstanceCounts {
  total: number;
  byState: Record<string, number>;
  /** More instances exist than were counted. */
  isPartial: boolean;
}

const MAX_PAGES = 10;

/** Instances by state, for the dashboard: pages of 1,000, at most 10 pages. */
export async function countInstancesByState(region: string, signal?: AbortSignal): Promise<InstanceCounts> {
  return withClient('ec2', region, async (client) => {
    const { DescribeInstancesCommand } = await import('@aws-sdk/client-ec2');
    const byState: Record<string, number> = {};
    let total = 0;
    let token: string | undefined;
    let pages = 0;
    do {
      const out = await client.send(new DescribeInstancesCommand({ MaxResults: 1000, NextToken: token }), {
        abortSignal: signal,
      });
      for (const r of out.Reservations ?? [])
        for (const i of r.Instances ?? []) {
          const state = i.State?.Name ?? 'unknown';
          byState[state] = (byState[state] ?? 0) + 1;
          total += 1;
        }
      token = out.NextToken || undefined;
      pages += 1;
    } while (token && pages < MAX_PAGES);
    return { total, byState, isPartial: token !== undefined };
  });
}
