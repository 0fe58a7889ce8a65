import { useEffect } from 'react';

let marked = false;

/** Bench hook: mark when the dashboard first shows data (once per page load). */
export function useFirstDataMark(hasData: boolean): void {
  useEffect(() => {
    if (!hasData || marked) return;
    marked = true;
    performance.mark('first-data:dashboard');
    document.documentElement.dataset.firstData = 'dashboard';
  }, [hasData]);
}
