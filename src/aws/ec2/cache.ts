import type { InfiniteData, QueryClient } from '@tanstack/react-query';
import type { Page } from '../paging';
import type { Instance } from './instances';
import { ec2Keys } from './queries';

/**
 * Change instances where the page shows them (every loaded list page of the region, and detail views)
 * without refetching the lists: a transition touches only its rows. `patch` returns the new instance, or
 * the same object to leave it.
 */
export function patchInstances(qc: QueryClient, region: string, patch: (i: Instance) => Instance): void {
  qc.setQueriesData<InfiniteData<Page<Instance>, string | undefined>>(
    { queryKey: ec2Keys.instanceLists(region) },
    (data) => {
      if (!data) return data;
      let changed = false;
      const pages = data.pages.map((page) => {
        let pageChanged = false;
        const items = page.items.map((i) => {
          const next = patch(i);
          if (next !== i) pageChanged = true;
          return next;
        });
        if (!pageChanged) return page;
        changed = true;
        return { ...page, items };
      });
      return changed ? { ...data, pages } : data;
    },
  );
  qc.setQueriesData<Instance>({ queryKey: [...ec2Keys.instances(region), 'detail'] }, (i) => (i ? patch(i) : i));
}

/** Put fresh copies of these instances wherever they are shown. */
export function storeInstances(qc: QueryClient, region: string, fresh: Instance[]): void {
  if (fresh.length === 0) return;
  const byId = new Map(fresh.map((i) => [i.id, i]));
  patchInstances(qc, region, (i) => byId.get(i.id) ?? i);
}

/** Each shown instance by id (for rolling back an optimistic change). */
export function shownInstances(qc: QueryClient, region: string, ids: string[]): Map<string, Instance> {
  const wanted = new Set(ids);
  const found = new Map<string, Instance>();
  for (const [, data] of qc.getQueriesData<InfiniteData<Page<Instance>>>({ queryKey: ec2Keys.instanceLists(region) })) {
    for (const page of data?.pages ?? [])
      for (const i of page.items) if (wanted.has(i.id) && !found.has(i.id)) found.set(i.id, i);
  }
  for (const [, i] of qc.getQueriesData<Instance>({ queryKey: [...ec2Keys.instances(region), 'detail'] })) {
    if (i && wanted.has(i.id) && !found.has(i.id)) found.set(i.id, i);
  }
  return found;
}
