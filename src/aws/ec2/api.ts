import { send } from '../send';

export interface InstanceCounts {
  total: number;
  byState: Record<string, number>;
  /** More instances exist than were counted. */
  isPartial: boolean;
}

const MAX_PAGES = 10;

/** Instances by state, for the dashboard: pages of 1,000, at most 10 pages. */
export async function countInstancesByState(params: { region: string }, signal?: AbortSignal): Promise<InstanceCounts> {
  const byState: Record<string, number> = {};
  let total = 0;
  let token: string | undefined;
  let pages = 0;
  do {
    const out = await send(
      'ec2',
      params.region,
      (ec2) => new ec2.DescribeInstancesCommand({ MaxResults: 1000, NextToken: token }),
      signal,
    );
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
}
