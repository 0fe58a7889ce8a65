import { useEffect } from 'react';

const marked = new Set<string>();

/** Bench hook: performance.mark('first-data:<page>') once per page load, when the first data is on screen. */
export function useFirstDataMark(page: string, hasData: boolean): void {
  useEffect(() => {
    if (!hasData || marked.has(page)) return;
    marked.add(page);
    // After the commit that shows the rows, on the next frame: the user sees them then.
    requestAnimationFrame(() => {
      performance.mark(`first-data:${page}`);
      document.documentElement.dataset.firstData = page;
    });
  }, [page, hasData]);
}
