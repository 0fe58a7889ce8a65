import type { Page, Request } from '@playwright/test';

export interface PageLoad {
  /** ms from navigation start to the page's mark (performance timeline of the final document). */
  markMs: number;
  /** ms from navigation start until <main> first showed no "Loading…" after the mark (every card settled). */
  settledMs: number | null;
  /** ms from navigation start until the page first rendered (its h1 is in the DOM), polled every frame. */
  renderMs: number | null;
  /** Script URLs (paths) the document started fetching before it first rendered. */
  scriptsBeforeRender: string[];
  /** Script URLs (paths) the document fetched before the mark. */
  scriptsBeforeMark: string[];
  /** Every request of the load, until the network was quiet after the mark. */
  requests: string[];
  /** Requests made more than once in this load, with their count. */
  duplicates: Array<{ request: string; count: number }>;
}

/** A request's identity: same method, URL, AWS target and body means the same call made twice. */
function describe(r: Request): string {
  const target = r.headers()['x-amz-target'];
  const body = r.postData();
  const url = new URL(r.url());
  const action = body && /(^|&)Action=([^&]+)/.exec(body)?.[2];
  const label = [r.method(), url.origin + url.pathname + url.search, target ?? action ?? ''].filter(Boolean).join(' ');
  return body ? `${label} #${hash(body)}` : label;
}

function hash(s: string): string {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (h * 31 + s.charCodeAt(i)) | 0;
  return (h >>> 0).toString(16);
}

/**
 * Navigate to `url` and wait for `mark`; then let the network settle and report what the load did.
 * The mark's time is read from the page's own performance timeline, so Playwright's overhead is excluded.
 */
export async function measurePageLoad(page: Page, url: string, mark: string, timeoutMs = 20_000): Promise<PageLoad> {
  // Leave the previous document first, so nothing it sends while unloading is counted in this load.
  await page.goto('about:blank');
  const requests: Request[] = [];
  const onRequest = (r: Request) => {
    // Blobs and data URLs are not network requests.
    if (/^https?:/.test(r.url())) requests.push(r);
  };
  page.on('request', onRequest);
  try {
    await page.goto(url, { waitUntil: 'commit' });
    const rendered = page
      .waitForFunction(() => (document.querySelector('h1') ? performance.now() : undefined), undefined, {
        timeout: timeoutMs,
        polling: 'raf',
      })
      .then(async (h) => (await h.jsonValue()) as number)
      .catch(() => null);
    const settled = page
      .waitForFunction(
        (name) => {
          const main = document.querySelector('main');
          const marked = performance.getEntriesByName(name, 'mark').length > 0;
          return marked && main && !main.textContent?.includes('Loading…') ? performance.now() : undefined;
        },
        mark,
        { timeout: timeoutMs, polling: 'raf' },
      )
      .then(async (h) => (await h.jsonValue()) as number)
      .catch(() => null);
    const handle = await page.waitForFunction(
      (name) => performance.getEntriesByName(name, 'mark')[0]?.startTime,
      mark,
      { timeout: timeoutMs, polling: 50 },
    );
    const markMs = (await handle.jsonValue()) as number;
    const renderMs = await rendered;
    const scriptsBefore = (at: number) =>
      page.evaluate((until) => {
        const entries = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
        return entries
          .filter((e) => e.startTime <= until && new URL(e.name).pathname.endsWith('.js'))
          .map((e) => new URL(e.name).pathname);
      }, at);
    const scriptsBeforeMark = await scriptsBefore(markMs);
    // The entry scripts of index.html start before any render, so the h1 poll's lag only adds late chunks.
    const scriptsBeforeRender = await scriptsBefore(renderMs ?? markMs);
    // Late requests (a second fetch of the same data) count too; a page that never settles is reported as is.
    const settledMs = await settled;
    await page.waitForLoadState('networkidle', { timeout: 10_000 }).catch(() => undefined);
    const described = requests.map(describe);
    const counts = new Map<string, number>();
    for (const d of described) counts.set(d, (counts.get(d) ?? 0) + 1);
    const duplicates = [...counts].filter(([, n]) => n > 1).map(([request, count]) => ({ request, count }));
    return { markMs, settledMs, renderMs, scriptsBeforeRender, scriptsBeforeMark, requests: described, duplicates };
  } finally {
    page.off('request', onRequest);
  }
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? NaN) : ((sorted[mid - 1] ?? NaN) + (sorted[mid] ?? NaN)) / 2;
}
