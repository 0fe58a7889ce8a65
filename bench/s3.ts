// Bucket browser figures for `npm run bench` (issue 12): a 100,000-object prefix (first row, scrolling to
// row 10,000, DOM rows, JS heap), a 512 MiB upload through the page against `aws s3 cp`, 1,000 small files
// picked as a folder, and the page's lazy JS split into SDK, our code and other libraries.
import { spawn } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateBucketCommand, HeadObjectCommand, S3Client } from '@aws-sdk/client-s3';
import type { BrowserContext, Page } from '@playwright/test';
import { bulkLoadEmptyObjects } from '../emulator/services/s3/bulk-load.js';
import type { StartedEmulator } from '../e2e/support/stack.js';
import { pageChunkBudgets, S3_PAGES, type ChunkBudget } from './lib/chunk-budget.js';
import { measurePageLoad, median } from './lib/measure-page.js';
import { printTable } from './lib/table.js';

const MiB = 1024 * 1024;
const BIG_PREFIX_KEYS = Number(process.env.S3_BENCH_PREFIX_KEYS ?? 100_000);
const UPLOAD_MIB = Number(process.env.S3_BENCH_UPLOAD_MIB ?? 512);
const SMALL_FILES = 1000;
const RUNS = Number(process.env.S3_BENCH_RUNS ?? 3);
const AWS_CLI = '/usr/bin/aws';

export interface S3BenchInput {
  context: BrowserContext;
  /** A signed-in tab of the console. */
  page: Page;
  baseUrl: string;
  emulator: StartedEmulator;
}

export interface S3BenchResult {
  prefix: {
    keys: number;
    firstRowMs: { big: number; small: number; bigRuns: number[]; smallRuns: number[] };
    bigOverSmall: number;
    scrollToRow10000Ms: number;
    domRowsAtRow10000: number;
    jsHeapMiB: number;
  };
  upload:
    | { mib: number; pageMBps: number; cliMBps: number; pageRuns: number[]; cliRuns: number[]; ratio: number }
    | { error: string };
  folderOf1000: { filesPerSecond: number; runs: number[] };
  chunk?: ChunkBudget | { error: string };
}

const bucket = 'bench-browse';
const s3Of = (emu: StartedEmulator) =>
  new S3Client({ endpoint: emu.url, region: 'us-east-1', credentials: emu.credentials, forcePathStyle: true });

function* keys(prefix: string, n: number): Generator<string> {
  for (let i = 0; i < n; i++) yield `${prefix}obj-${String(i).padStart(6, '0')}.dat`;
}

async function prefixFigures(input: S3BenchInput): Promise<S3BenchResult['prefix']> {
  const { page, baseUrl, emulator } = input;
  // Straight into the index (the emulator is idle now): 101,000 PutObjects would take minutes.
  bulkLoadEmptyObjects(emulator.dataDir, bucket, keys('big/', BIG_PREFIX_KEYS));
  bulkLoadEmptyObjects(emulator.dataDir, bucket, keys('small/', 1000));
  const load = (prefix: string) =>
    measurePageLoad(page, `${baseUrl}/buckets/${bucket}?prefix=${prefix}`, 'first-data:objects');
  const bigRuns: number[] = [];
  const smallRuns: number[] = [];
  for (let i = 0; i < 5; i++) {
    smallRuns.push(Math.round((await load('small%2F')).markMs));
    bigRuns.push(Math.round((await load('big%2F')).markMs));
  }
  // Scroll the table's own box to the end, page after page, until row 10,000 is on screen.
  const started = Date.now();
  // A string, so the bundler's helpers (tsx adds __name to named functions) never reach the page.
  await page.evaluate(`(async () => {
    const box = document.querySelector('table[aria-label="Objects"]').parentElement;
    while (!document.querySelector('tr[aria-rowindex="10001"]')) {
      box.scrollTop = box.scrollHeight;
      await new Promise((r) => requestAnimationFrame(r));
    }
  })()`);
  const scrollToRow10000Ms = Date.now() - started;
  const domRowsAtRow10000 = await page.locator('table[aria-label="Objects"] tbody tr').count();
  const cdp = await input.context.newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  await cdp.detach();
  return {
    keys: BIG_PREFIX_KEYS,
    firstRowMs: { big: median(bigRuns), small: median(smallRuns), bigRuns, smallRuns },
    bigOverSmall: Math.round((median(bigRuns) / median(smallRuns)) * 100) / 100,
    scrollToRow10000Ms,
    domRowsAtRow10000,
    jsHeapMiB: Math.round((heap.usedSize / MiB) * 10) / 10,
  };
}

/** A file of pseudo-random bytes (not compressible, not all zero), written in 8 MiB blocks. */
function writeFile(path: string, mib: number): void {
  const block = Buffer.alloc(8 * MiB);
  for (let i = 0; i < block.length; i += 4) block.writeUInt32LE((i * 2654435761) >>> 0, i);
  const fd = openSync(path, 'w');
  try {
    for (let written = 0; written < mib * MiB; written += block.length) {
      block.writeUInt32LE(written, 0);
      writeSync(fd, block, 0, Math.min(block.length, mib * MiB - written));
    }
  } finally {
    closeSync(fd);
  }
}

/** Pick files (or a folder) in the page and wait until the tray says the whole drop is done. */
async function uploadThroughPage(
  page: Page,
  baseUrl: string,
  folder: string,
  pick: { files?: string; folder?: string },
  count: number,
): Promise<number> {
  await page.goto(`${baseUrl}/buckets/${bucket}?prefix=${encodeURIComponent(folder)}`);
  await page.getByRole('heading', { level: 2, name: /^Objects/ }).waitFor();
  const tray = page.getByRole('region', { name: 'Tasks' });
  if (await tray.isVisible())
    await tray
      .getByRole('button', { name: 'Clear finished' })
      .click()
      .catch(() => undefined);
  const started = Date.now();
  if (pick.files) await page.getByLabel('Choose files to upload').setInputFiles(pick.files);
  else if (pick.folder) await page.getByLabel('Choose a folder to upload').setInputFiles(pick.folder);
  const done = `${count.toLocaleString('en-US')} of ${count.toLocaleString('en-US')} done`;
  // Checked on every frame in the page: a locator's wait polls at up to 500 ms intervals, which would
  // add up to half a second to the page's time (the CLI's time ends exactly when it exits).
  await page.waitForFunction(
    (text) => document.querySelector('[aria-label="Tasks"]')?.textContent?.includes(text),
    done,
    {
      polling: 'raf',
      timeout: 600_000,
    },
  );
  const ms = Date.now() - started;
  if (await tray.getByText(/failed/).count()) throw new Error(`an upload failed: ${await tray.innerText()}`);
  return ms;
}

async function uploadFigures(input: S3BenchInput, dir: string): Promise<S3BenchResult['upload']> {
  if (!existsSync(AWS_CLI)) return { error: `${AWS_CLI} not found` };
  const file = join(dir, 'big.bin');
  writeFile(file, UPLOAD_MIB);
  const bytes = UPLOAD_MIB * MiB;
  const env = {
    ...process.env,
    AWS_ACCESS_KEY_ID: input.emulator.credentials.accessKeyId,
    AWS_SECRET_ACCESS_KEY: input.emulator.credentials.secretAccessKey,
    AWS_DEFAULT_REGION: 'us-east-1',
    AWS_CONFIG_FILE: '/dev/null',
    AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
  };
  const pageRuns: number[] = [];
  const cliRuns: number[] = [];
  // Alternate, so a busy moment of the machine falls on both.
  for (let i = 0; i < RUNS; i++) {
    const pageMs = await uploadThroughPage(input.page, input.baseUrl, `upload-${i}/`, { files: file }, 1);
    pageRuns.push(Math.round((bytes / 1e6 / (pageMs / 1000)) * 10) / 10);
    const started = Date.now();
    await new Promise<void>((ok, fail) => {
      const child = spawn(
        AWS_CLI,
        [
          's3',
          'cp',
          file,
          `s3://${bucket}/cli-${i}/big.bin`,
          '--endpoint-url',
          input.emulator.url,
          '--only-show-errors',
        ],
        { env, stdio: ['ignore', 'ignore', 'pipe'] },
      );
      let err = '';
      child.stderr.on('data', (d: Buffer) => (err += d.toString()));
      child.once('exit', (code) => (code === 0 ? ok() : fail(new Error(`aws s3 cp failed (${code}): ${err}`))));
    });
    cliRuns.push(Math.round((bytes / 1e6 / ((Date.now() - started) / 1000)) * 10) / 10);
  }
  const s3 = s3Of(input.emulator);
  const head = await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: 'upload-0/big.bin' }));
  if (head.ContentLength !== bytes) throw new Error(`page upload stored ${head.ContentLength} bytes, not ${bytes}`);
  const pageMBps = median(pageRuns);
  const cliMBps = median(cliRuns);
  return { mib: UPLOAD_MIB, pageMBps, cliMBps, pageRuns, cliRuns, ratio: Math.round((pageMBps / cliMBps) * 100) / 100 };
}

async function folderFigures(input: S3BenchInput, dir: string): Promise<S3BenchResult['folderOf1000']> {
  const runs: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    const root = join(dir, `small-${r}`, 'batch');
    mkdirSync(root, { recursive: true });
    for (let i = 0; i < SMALL_FILES; i++) {
      const sub = join(root, `d${Math.floor(i / 100)}`);
      if (i % 100 === 0) mkdirSync(sub, { recursive: true });
      const fd = openSync(join(sub, `f${i}.txt`), 'w');
      writeSync(fd, `file ${i}\n`.repeat(50));
      closeSync(fd);
    }
    const ms = await uploadThroughPage(input.page, input.baseUrl, `folder-${r}/`, { folder: root }, SMALL_FILES);
    runs.push(Math.round((SMALL_FILES / (ms / 1000)) * 10) / 10);
  }
  return { filesPerSecond: median(runs), runs };
}

export async function benchS3(input: S3BenchInput): Promise<S3BenchResult> {
  await s3Of(input.emulator).send(new CreateBucketCommand({ Bucket: bucket }));
  const dir = mkdtempSync(join(tmpdir(), 'bench-s3-files-'));
  try {
    const prefix = await prefixFigures(input);
    const upload = await uploadFigures(input, dir).catch((e: unknown) => ({
      error: (e as Error).message.split('\n')[0] ?? String(e),
    }));
    const folderOf1000 = await folderFigures(input, dir);
    let chunk: S3BenchResult['chunk'];
    try {
      chunk = process.env.S3_BENCH_SKIP_CHUNKS === '1' ? undefined : pageChunkBudgets([S3_PAGES])[0]!.budget;
    } catch (e) {
      chunk = { error: (e as Error).message.split('\n')[0] ?? String(e) };
    }
    return { prefix, upload, folderOf1000, ...(chunk ? { chunk } : {}) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function printS3(r: S3BenchResult): void {
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  const rows: string[][] = [
    [
      `first row, ${r.prefix.keys.toLocaleString('en-US')}-object prefix (median)`,
      `${r.prefix.firstRowMs.big} ms`,
      '< 500 ms',
    ],
    ['first row, 1,000-object prefix (median)', `${r.prefix.firstRowMs.small} ms`, ''],
    ['ratio big / small', `${r.prefix.bigOverSmall}`, '<= 1.2'],
    ['scroll to row 10,000', `${r.prefix.scrollToRow10000Ms} ms`, ''],
    ['DOM rows at row 10,000', String(r.prefix.domRowsAtRow10000), 'bounded'],
    ['JS heap after GC at row 10,000', `${r.prefix.jsHeapMiB} MiB`, ''],
  ];
  if ('error' in r.upload) rows.push(['512 MiB upload', `error: ${r.upload.error}`, '']);
  else
    rows.push(
      [`${r.upload.mib} MiB upload through the page (median)`, `${r.upload.pageMBps} MB/s`, ''],
      [`${r.upload.mib} MiB aws s3 cp (median)`, `${r.upload.cliMBps} MB/s`, ''],
      ['page / CLI throughput', `${r.upload.ratio}`, '>= 1'],
    );
  rows.push(['1,000 small files picked as a folder (median)', `${r.folderOf1000.filesPerSecond} files/s`, '']);
  if (r.chunk && 'error' in r.chunk) rows.push(['bucket pages lazy JS', `error: ${r.chunk.error}`, '']);
  else if (r.chunk)
    rows.push(
      ['bucket pages lazy JS (gzip)', kb(r.chunk.totalGzip), ''],
      ['  of which AWS SDK', kb(r.chunk.sdkGzip), ''],
      ['  of which our code (src/)', kb(r.chunk.ownCodeGzip), '<= 40 KB'],
      ['  of which other libraries', kb(r.chunk.otherLibrariesGzip), ''],
    );
  console.log('\nbucket browser (issue 12)\n');
  printTable(['figure', 'value', 'target'], rows);
}
