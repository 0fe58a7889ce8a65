// DynamoDB page benchmarks (issue 9), run at the end of `npm run bench` or alone (`tsx bench/dynamodb.ts`):
// a table of 100,000 items in the emulator, read through the console's own data layer (readPage: the
// code the page runs, the real SDK client over HTTP): first page of a Scan and of a Query, the next 10
// pages, an export of 10,000 items; and the page's lazy chunks in the build.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import {
  BatchWriteItemCommand,
  CreateTableCommand,
  DescribeTableCommand,
  DynamoDBClient,
} from '@aws-sdk/client-dynamodb';
import { startTestEmulator } from '../emulator/testing.js';
import { BUILD_DIR } from '../e2e/support/build.js';
import { jsAssetSizes, type AssetSize } from './lib/build-stats.js';
import { median } from './lib/measure-page.js';
import { printTable } from './lib/table.js';

const ITEMS = 100_000;
const PARTITIONS = 100;
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const PAGE_SIZE = 50;
const TARGET_FIRST_PAGE_MS = 500;
const CHUNK_BUDGET_GZIP = 40 * 1024;
const TABLE = 'bench-items';

// The console's data layer, loaded at run time (src uses bundler resolution; bench is type-checked as
// NodeNext), typed here by the little the bench needs.
type Keys = { partition: { name: string; type: string }; sort?: { name: string; type: string } };
interface ItemPage {
  items: unknown[];
  nextToken?: string;
  scanned: number;
}
interface DataLayer {
  setSession(session: unknown): void;
  parseConfig(raw: unknown): unknown;
  CredentialStore: new (source: () => Promise<{ accessKeyId: string; secretAccessKey: string }>) => unknown;
  describeTable(params: { region: string; table: string }): Promise<Keys>;
  buildReadRequest(spec: object, table: string, keys: Keys, tableKeys: Keys): unknown;
  readPage(params: {
    region: string;
    request: unknown;
    pageSize: number;
    token?: string | undefined;
    tableKeys: Keys;
  }): Promise<ItemPage>;
  itemsToJson(items: unknown[]): string;
}
async function dataLayer(): Promise<DataLayer> {
  const files = ['clients', 'config', 'credentials', 'dynamodb/api', 'dynamodb/expressions', 'dynamodb/transfer'];
  const modules = await Promise.all(
    files.map((f) => import(new URL(`../src/aws/${f}.ts`, import.meta.url).href) as Promise<object>),
  );
  return Object.assign({}, ...modules) as DataLayer;
}

const base = {
  mode: 'scan',
  partitionValue: '',
  sortValue: '',
  sortValue2: '',
  filters: [],
  projection: [],
  pageSize: PAGE_SIZE,
};

async function fill(client: DynamoDBClient): Promise<number> {
  const started = performance.now();
  await client.send(
    new CreateTableCommand({
      TableName: TABLE,
      AttributeDefinitions: [
        { AttributeName: 'pk', AttributeType: 'S' },
        { AttributeName: 'sk', AttributeType: 'N' },
      ],
      KeySchema: [
        { AttributeName: 'pk', KeyType: 'HASH' },
        { AttributeName: 'sk', KeyType: 'RANGE' },
      ],
      BillingMode: 'PAY_PER_REQUEST',
    }),
  );
  while ((await client.send(new DescribeTableCommand({ TableName: TABLE }))).Table?.TableStatus !== 'ACTIVE')
    await new Promise((r) => setTimeout(r, 50));
  const batches: number[] = [];
  for (let i = 0; i < ITEMS; i += 25) batches.push(i);
  // Eight batches in flight: the emulator fsyncs every write, concurrent ones share the fsync.
  let next = 0;
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      while (next < batches.length) {
        const start = batches[next++]!;
        const requests = Array.from({ length: 25 }, (_, j) => {
          const n = start + j;
          return {
            PutRequest: {
              Item: {
                pk: { S: `p${n % PARTITIONS}` },
                sk: { N: String(n) },
                name: { S: `item ${n}` },
                price: { N: `${n}.${n % 100}` },
                tags: { SS: ['a', `t${n % 7}`] },
                meta: {
                  M: {
                    created: { S: new Date(1_700_000_000_000 + n * 1000).toISOString() },
                    flag: { BOOL: n % 2 === 0 },
                  },
                },
              },
            },
          };
        });
        let pending: typeof requests | undefined = requests;
        while (pending && pending.length) {
          const out = await client.send(new BatchWriteItemCommand({ RequestItems: { [TABLE]: pending } }));
          pending = out.UnprocessedItems?.[TABLE] as typeof requests | undefined;
        }
      }
    }),
  );
  return (performance.now() - started) / 1000;
}

async function time(fn: () => Promise<unknown>): Promise<number> {
  const t = performance.now();
  await fn();
  return performance.now() - t;
}

export interface DynamoDbBenchResult {
  items: number;
  fillSeconds: number;
  scanFirstPageMs: { median: number; runs: number[] };
  queryFirstPageMs: { median: number; runs: number[] };
  scanNext10PagesMs: { median: number; runs: number[] };
  queryNext10PagesMs: { median: number; runs: number[] };
  export10kItemsPerSecond: { median: number; runs: number[] };
  chunks: { tablesPage: number; tablePage: number; dynamodbClient: number; jsonEditor: number; ownCodeGzip: number };
  targets: {
    firstPageScanUnder500ms: boolean;
    firstPageQueryUnder500ms: boolean;
    ownCodeUnder40KbGzip: boolean;
    jsonEditorOwnChunk: boolean;
  };
}

function chunkOf(sizes: Map<string, AssetSize>, prefix: string): AssetSize[] {
  return [...sizes.values()].filter((s) => new RegExp(`^/assets/${prefix}-[\\w-]+\\.js$`).test(s.path));
}

export async function runDynamoDbBench(
  sizes: Map<string, AssetSize> = jsAssetSizes(BUILD_DIR),
): Promise<DynamoDbBenchResult> {
  const { setSession, parseConfig, CredentialStore, describeTable, buildReadRequest, readPage, itemsToJson } =
    await dataLayer();
  const emu = await startTestEmulator();
  const client = new DynamoDBClient(emu.clientConfig);
  try {
    const fillSeconds = await fill(client);
    setSession({
      config: parseConfig({ regions: [emu.region], endpoint: emu.url, auth: { mode: 'static', ...emu.credentials } }),
      credentials: new CredentialStore(async () => ({ ...emu.credentials })),
    });
    const region = emu.region;
    const info = await describeTable({ region, table: TABLE });
    const scan = buildReadRequest(base, TABLE, info, info);
    const query = buildReadRequest({ ...base, mode: 'query', partitionValue: 'p42' }, TABLE, info, info);

    const firstPage = (request: typeof scan) =>
      time(() => readPage({ region, request, pageSize: PAGE_SIZE, tableKeys: info }));
    const next10 = async (request: typeof scan) => {
      const first = await readPage({ region, request, pageSize: PAGE_SIZE, tableKeys: info });
      return time(async () => {
        let token = first.nextToken;
        for (let i = 0; i < 10 && token; i++)
          token = (await readPage({ region, request, pageSize: PAGE_SIZE, token, tableKeys: info })).nextToken;
      });
    };
    const exportRate = async () => {
      const t = performance.now();
      const items = [];
      let token: string | undefined;
      while (items.length < 10_000) {
        const page = await readPage({ region, request: scan, pageSize: 1000, token, tableKeys: info });
        items.push(...page.items);
        token = page.nextToken;
        if (!token) break;
      }
      itemsToJson(items.slice(0, 10_000));
      return Math.round(Math.min(items.length, 10_000) / ((performance.now() - t) / 1000));
    };

    // One warm-up of each (the first call loads the SDK module and opens the connection).
    await firstPage(scan);
    await firstPage(query);
    const runs = async (fn: () => Promise<number>) => {
      const out: number[] = [];
      for (let i = 0; i < RUNS; i++) out.push(Math.round(await fn()));
      return { median: median(out), runs: out };
    };
    const scanFirst = await runs(() => firstPage(scan));
    const queryFirst = await runs(() => firstPage(query));
    const scanNext = await runs(() => next10(scan));
    const queryNext = await runs(() => next10(query));
    const exports: number[] = [];
    for (let i = 0; i < Math.min(RUNS, 3); i++) exports.push(await exportRate());

    const gz = (list: AssetSize[]) => list.reduce((s, a) => s + a.gzip, 0);
    const tablesPage = gz(chunkOf(sizes, 'tables-page'));
    const tablePage = gz(chunkOf(sizes, 'table-page'));
    // The SDK client's chunk has a generic name (dist-es-*): find it by what it defines.
    const dynamodbClient = gz(
      [...sizes.values()].filter(
        (a) => !/page-/.test(a.path) && readFileSync(join(BUILD_DIR, a.path)).includes('DescribeTimeToLiveCommand'),
      ),
    );
    const jsonEditor = gz(chunkOf(sizes, 'json-editor-impl'));
    const ownCodeGzip = tablesPage + tablePage;
    const result: DynamoDbBenchResult = {
      items: ITEMS,
      fillSeconds: Math.round(fillSeconds * 10) / 10,
      scanFirstPageMs: scanFirst,
      queryFirstPageMs: queryFirst,
      scanNext10PagesMs: scanNext,
      queryNext10PagesMs: queryNext,
      export10kItemsPerSecond: { median: median(exports), runs: exports },
      chunks: { tablesPage, tablePage, dynamodbClient, jsonEditor, ownCodeGzip },
      targets: {
        firstPageScanUnder500ms: scanFirst.median < TARGET_FIRST_PAGE_MS,
        firstPageQueryUnder500ms: queryFirst.median < TARGET_FIRST_PAGE_MS,
        ownCodeUnder40KbGzip: ownCodeGzip <= CHUNK_BUDGET_GZIP,
        jsonEditorOwnChunk: jsonEditor > 0,
      },
    };
    report(result);
    return result;
  } finally {
    setSession(undefined);
    client.destroy();
    await emu.dispose();
  }
}

function report(r: DynamoDbBenchResult): void {
  const kb = (b: number) => `${(b / 1024).toFixed(1)} KB`;
  console.log(
    `\ndynamodb bench: ${r.items.toLocaleString('en-US')} items (filled in ${r.fillSeconds} s), page size ${PAGE_SIZE}, ${RUNS} runs, load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(', ')}\n`,
  );
  printTable(
    ['measure', 'median', 'runs'],
    [
      ['Scan: first page', `${r.scanFirstPageMs.median} ms`, r.scanFirstPageMs.runs.join(', ')],
      ['Query: first page', `${r.queryFirstPageMs.median} ms`, r.queryFirstPageMs.runs.join(', ')],
      ['Scan: next 10 pages', `${r.scanNext10PagesMs.median} ms`, r.scanNext10PagesMs.runs.join(', ')],
      ['Query: next 10 pages', `${r.queryNext10PagesMs.median} ms`, r.queryNext10PagesMs.runs.join(', ')],
      [
        'Export 10,000 items (JSON)',
        `${r.export10kItemsPerSecond.median} items/s`,
        r.export10kItemsPerSecond.runs.join(', '),
      ],
      [
        'tables-page + table-page chunks (gzip)',
        kb(r.chunks.ownCodeGzip),
        `${kb(r.chunks.tablesPage)} + ${kb(r.chunks.tablePage)}`,
      ],
      ['DynamoDB SDK client chunk (gzip)', kb(r.chunks.dynamodbClient), 'shared SDK core chunks not counted'],
      ['JsonEditor chunk (gzip)', kb(r.chunks.jsonEditor), 'loaded when an item opens'],
    ],
  );
  console.log('');
  printTable(
    ['target', 'met'],
    Object.entries(r.targets).map(([k, v]) => [k, v ? 'yes' : 'NO']),
  );
  const out = fileURLToPath(new URL('./dynamodb-results.json', import.meta.url));
  writeFileSync(
    out,
    JSON.stringify(
      { date: new Date().toISOString(), loadAverage: loadavg().map((l) => Math.round(l * 100) / 100), ...r },
      null,
      2,
    ) + '\n',
  );
  console.log(`\nwrote ${out}`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  runDynamoDbBench().catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
}
