// The pages' load figures of the last bench runs (bench/history-results.json), and the README table made from
// them: so a page that grows or slows shows up beside its earlier runs, with each run's date and load.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export interface PageFigures {
  /** KB gzip of the scripts fetched before the page first rendered. */
  initialJsKb: number;
  /** KB gzip of the scripts fetched before its first data was on screen. */
  jsBeforeFirstDataKb: number;
  /** Median ms from navigation to the first data, empty HTTP cache. */
  firstDataMs: number;
  /** The same with the page's chunks cached. */
  firstDataWarmMs: number;
}

export interface PageRun {
  date: string;
  /** 1, 5 and 15 minute load averages when the run ended: timings are only as good as the machine was quiet. */
  loadAverage: number[];
  runsPerPage: number;
  pages: Record<string, PageFigures>;
}

const HISTORY = fileURLToPath(new URL('../history-results.json', import.meta.url));
const README = fileURLToPath(new URL('../../README.md', import.meta.url));
const KEEP = 10;
const START = '<!-- bench:pages:start (written by npm run bench) -->';
const END = '<!-- bench:pages:end -->';

export function readHistory(): PageRun[] {
  return existsSync(HISTORY) ? (JSON.parse(readFileSync(HISTORY, 'utf8')) as PageRun[]) : [];
}

const day = (iso: string) => iso.slice(0, 16).replace('T', ' ');
const load = (run: PageRun) => run.loadAverage.map((l) => l.toFixed(1)).join(' / ');

/**
 * The README's table: each page's latest figures (a partial run, BENCH_PAGES, updates only its pages),
 * then the last runs side by side.
 */
export function pagesMarkdown(history: PageRun[]): string {
  const latest = new Map<string, { run: PageRun; figures: PageFigures }>();
  for (const run of history)
    for (const [page, figures] of Object.entries(run.pages)) latest.set(page, { run, figures });
  const lines = [
    '| page | initial JS (gzip) | JS before first data | first data (median) | warm cache | measured (UTC) | load (1/5/15 min) |',
    '| --- | ---: | ---: | ---: | ---: | --- | --- |',
    ...[...latest].map(
      ([page, { run, figures: f }]) =>
        `| ${page} | ${f.initialJsKb.toFixed(1)} KB | ${f.jsBeforeFirstDataKb.toFixed(1)} KB | ${f.firstDataMs} ms | ${f.firstDataWarmMs} ms | ${day(run.date)} | ${load(run)} |`,
    ),
  ];
  const pages = [...latest.keys()];
  const recent = history.slice(-KEEP).reverse();
  lines.push(
    '',
    `Last ${recent.length} runs, newest first: initial JS (KB gzip) / first data (ms) per page.`,
    '',
    `| run (UTC) | load | ${pages.join(' | ')} |`,
    `| --- | --- | ${pages.map(() => '---:').join(' | ')} |`,
    ...recent.map((run) => {
      const cells = pages.map((p) => {
        const f = run.pages[p];
        return f ? `${f.initialJsKb.toFixed(0)} / ${f.firstDataMs}` : '';
      });
      return `| ${day(run.date)} | ${run.loadAverage[0]?.toFixed(1) ?? ''} | ${cells.join(' | ')} |`;
    }),
  );
  return lines.join('\n');
}

/** Append a run (keeping the last ten) and rewrite the README's table between its markers. */
export function recordPageRun(run: PageRun): void {
  const history = [...readHistory(), run].slice(-KEEP);
  writeFileSync(HISTORY, JSON.stringify(history, null, 2) + '\n');
  const readme = readFileSync(README, 'utf8');
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start < 0 || end < start) throw new Error(`README.md has no ${START} ... ${END} section for the page table`);
  writeFileSync(README, `${readme.slice(0, start + START.length)}\n${pagesMarkdown(history)}\n${readme.slice(end)}`);
}
