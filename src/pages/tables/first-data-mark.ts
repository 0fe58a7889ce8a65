import { useEffect } from 'react';

const marked = new Set<string>();

/** Bench hook: mark when a page first shows data (once per page load), e.g. first-data:tables. */
export function useFirstDataMark(name: string, hasData: boolean): void {
  useEffect(() => {
    if (!hasData || marked.has(name)) return;
    marked.add(name);
    performance.mark(`first-data:${name}`);
  }, [name, hasData]);
}
