// The instances page on a fleet of 10,000 (us-east-1) against one of 100 (eu-west-1): time to first row,
// time for a filter to show its result, requests per page load, requests per second while a transition
// is awaited, and the page's JS. Called from bench/run.ts after the page scenarios (it grows the fleet).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EC2Client } from '@aws-sdk/client-ec2';
import type { Page, Request } from '@playwright/test';
import { BUILD_DIR } from '../e2e/support/build.js';
import type { ConsoleStack } from '../e2e/support/stack.js';
import type { AssetSize } from './lib/build-stats.js';
import { measurePageLoad, median } from './lib/measure-page.js';
import { seedFleet } from './ec2-fleet.js';

const LOADS = Number(process.env.BENCH_EC2_LOADS ?? 5);
/** The large fleet's size (BENCH_EC2_FLEET for a quicker run while working on the page). */
const FLEET = Number(process.env.BENCH_EC2_FLEET ?? 10_000);
const MARK = 'first-data:instances';
const TARGETS = { firstRowMs: 500, firstRowRatio: 1.2, ownCodeGzip: 40 * 1024 };

export interface FleetResult {
  region: string;
  instances: number;
  firstRowMs: { median: number; runs: number[] };
  /** Calls to EC2 in one load (list page, counts, DryRun probes on a first visit). */
  awsRequestsPerLoad: number;
  awsRequests: string[];
  filterByStateMs: { median: number; runs: number[] };
  filterByNameMs: { median: number; runs: number[] };
}

export interface Ec2BenchResult {
  seedSeconds: number;
  fleets: FleetResult[];
  transition: {
    instances: number;
    seconds: number;
    /** DescribeInstances polls while waiting, per second, and whether each named only the changing instances. */
    pollsPerSecond: number;
    awsRequestsPerSecond: number;
    pollsTouchOnlyChanging: boolean;
  };
  js: { ec2SdkGzip: number; pageGzip: number; pageChunks: Array<{ path: string; gzip: number }> };
  targets: Record<string, boolean>;
}

function action(r: Request): string {
  const body = r.postData() ?? '';
  return /(?:^|&)Action=(\w+)/.exec(body)?.[1] ?? r.headers()['x-amz-target'] ?? r.method();
}

/** ms from `act` until `done` holds in the page, on the page's own clock. */
async function timeUntil(page: Page, act: () => Promise<void>, done: () => boolean): Promise<number> {
  const t0 = await page.evaluate(() => performance.now());
  await act();
  const handle = await page.waitForFunction(done, undefined, { polling: 'raf', timeout: 20_000 });
  await handle.dispose();
  return (await page.evaluate(() => performance.now())) - t0;
}

/** Every row on screen shows `state`, and there is at least one. */
function rowsShowOnly(state: string): () => boolean {
  return new Function(
    `const rows = [...document.querySelectorAll('[role=grid][aria-label=Instances] tbody tr[aria-rowindex]')].filter((r) => r.querySelector('a'));
     return rows.length > 0 && rows.every((r) => r.textContent.includes(${JSON.stringify(state)}));`,
  ) as () => boolean;
}

function rowsNamed(prefix: string): () => boolean {
  return new Function(
    `const names = [...document.querySelectorAll('[role=grid][aria-label=Instances] tbody tr[aria-rowindex]')].map((r) => r.querySelector('a')).filter(Boolean);
     return names.length > 0 && names.every((a) => a.textContent.startsWith(${JSON.stringify(prefix)}));`,
  ) as () => boolean;
}

/** The page with its first rows and its counts in: a filter is timed on its own, not against the counts. */
async function openLoaded(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.waitForFunction((m) => performance.getEntriesByName(m).length > 0, MARK, { timeout: 20_000 });
  await page.waitForLoadState('networkidle', { timeout: 20_000 }).catch(() => undefined);
}

async function measureFleet(
  page: Page,
  baseUrl: string,
  emulatorUrl: string,
  region: string,
  instances: number,
): Promise<FleetResult> {
  const url = `${baseUrl}/instances?region=${region}`;
  const firstRow: number[] = [];
  let awsRequests: string[] = [];
  for (let i = 0; i < LOADS; i++) {
    const load = await measurePageLoad(page, url, MARK);
    firstRow.push(Math.round(load.markMs));
    // The load after the first: permission probes are cached for the session, as for a returning visit.
    if (i === 1 || LOADS === 1)
      awsRequests = load.requests.filter((r) => r.includes(emulatorUrl) && !r.includes('/cognito-idp/'));
  }
  const byState: number[] = [];
  const byName: number[] = [];
  for (let i = 0; i < LOADS; i++) {
    await openLoaded(page, url);
    const stateListed = (r: Request) =>
      (r.postData() ?? '').includes('instance-state-name') && action(r) === 'DescribeInstances';
    byState.push(
      Math.round(
        await timeUntil(
          page,
          async () => {
            const listed = page.waitForRequest(stateListed);
            await page.getByRole('combobox', { name: 'State' }).selectOption('running');
            await (await listed).response();
          },
          rowsShowOnly('Running'),
        ),
      ),
    );
    await openLoaded(page, url);
    const search = page.getByRole('searchbox', { name: 'Find instances' });
    await search.fill('fleet-0');
    byName.push(Math.round(await timeUntil(page, () => search.press('Enter'), rowsNamed('fleet-0'))));
  }
  return {
    region,
    instances,
    firstRowMs: { median: median(firstRow), runs: firstRow },
    awsRequestsPerLoad: awsRequests.length,
    awsRequests: awsRequests.map((r) => r.replace(/ #\w+$/, '')),
    filterByStateMs: { median: median(byState), runs: byState },
    filterByNameMs: { median: median(byName), runs: byName },
  };
}

/** Stop three running instances from the page and count what the page asks EC2 until they show stopped. */
async function measureTransition(
  page: Page,
  baseUrl: string,
  emulatorUrl: string,
  region: string,
): Promise<Ec2BenchResult['transition']> {
  await page.goto(`${baseUrl}/instances?region=${region}&state=running&q=fleet-`);
  await page.waitForFunction(rowsShowOnly('Running'), undefined, { timeout: 20_000 });
  const boxes = page.getByRole('checkbox', { name: /^Select fleet-/ });
  const count = 3;
  for (let i = 0; i < count; i++) await boxes.nth(i).check();
  const requests: Request[] = [];
  const onRequest = (r: Request) => {
    if (r.url().startsWith(emulatorUrl) && !r.url().includes('/cognito-idp/') && r.method() === 'POST')
      requests.push(r);
  };
  page.on('request', onRequest);
  const started = Date.now();
  await page.getByRole('group', { name: 'Selected instances' }).getByRole('button', { name: 'Stop' }).click();
  await page
    .getByRole('dialog')
    .getByRole('button', { name: `Stop ${count} instances` })
    .click();
  await page.waitForFunction(
    (n) =>
      Array.from(document.querySelectorAll('[role=grid] tbody tr[aria-selected=true]')).filter((r) =>
        r.textContent?.includes('Stopped'),
      ).length === n,
    count,
    { timeout: 30_000, polling: 100 },
  );
  const seconds = (Date.now() - started) / 1000;
  page.off('request', onRequest);
  const polls = requests.filter(
    (r) => action(r) === 'DescribeInstances' && (r.postData() ?? '').includes('InstanceId.1='),
  );
  const onlyChanging = polls.every((r) => !/InstanceId\.[4-9]=|InstanceId\.\d\d=/.test(r.postData() ?? ''));
  return {
    instances: count,
    seconds: Math.round(seconds * 10) / 10,
    pollsPerSecond: Math.round((polls.length / seconds) * 100) / 100,
    awsRequestsPerSecond: Math.round((requests.length / seconds) * 100) / 100,
    pollsTouchOnlyChanging: onlyChanging && polls.length > 0,
  };
}

function pageJs(sizes: Map<string, AssetSize>): Ec2BenchResult['js'] {
  let ec2SdkGzip = 0;
  const pageChunks: Array<{ path: string; gzip: number }> = [];
  for (const s of sizes.values()) {
    const name = s.path.split('/').pop() ?? '';
    const text = readFileSync(join(BUILD_DIR, s.path));
    if (text.includes('DescribeInstancesCommand') && text.includes('RunInstancesCommand')) ec2SdkGzip += s.gzip;
    else if (/^(instances-page|instance-page|use-instance-permissions)-/.test(name))
      pageChunks.push({ path: s.path, gzip: s.gzip });
  }
  return { ec2SdkGzip, pageGzip: pageChunks.reduce((n, c) => n + c.gzip, 0), pageChunks };
}

async function step<T>(name: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (e) {
    throw new Error(`${name}: ${(e as Error).message.split('\n')[0] ?? String(e)}`, { cause: e });
  }
}

export async function runEc2Bench(
  page: Page,
  stack: ConsoleStack,
  sizes: Map<string, AssetSize>,
  log: (m: string) => void,
): Promise<Ec2BenchResult> {
  const creds = stack.emulator.credentials;
  const client = (region: string) => new EC2Client({ endpoint: stack.emulator.url, region, credentials: creds });
  const started = Date.now();
  // eu-west-1 holds 5 seeded instances, us-east-1 25: grow them to 100 and 10,000.
  await seedFleet(client('eu-west-1'), 95, 'fleet', log);
  await seedFleet(client('us-east-1'), FLEET - 25, 'fleet', log);
  const seedSeconds = Math.round((Date.now() - started) / 1000);
  log(`fleets seeded in ${seedSeconds} s`);
  const small = await step('small fleet', () =>
    measureFleet(page, stack.baseUrl, stack.emulator.url, 'eu-west-1', 100),
  );
  const large = await step('fleet', () => measureFleet(page, stack.baseUrl, stack.emulator.url, 'us-east-1', FLEET));
  const transition = await step('transition', () =>
    measureTransition(page, stack.baseUrl, stack.emulator.url, 'us-east-1'),
  );
  const js = pageJs(sizes);
  return {
    seedSeconds,
    fleets: [small, large],
    transition,
    js,
    targets: {
      firstRowUnder500ms: large.firstRowMs.median < TARGETS.firstRowMs,
      firstRowWithin20PercentOf100: large.firstRowMs.median <= small.firstRowMs.median * TARGETS.firstRowRatio,
      pollingTouchesOnlyChangingInstances: transition.pollsTouchOnlyChanging,
      ownCodeUnder40KbGzip: js.pageGzip <= TARGETS.ownCodeGzip,
    },
  };
}
