// `npm run bench:emulator`: one in-process emulator, then each service's benchmark module in turn.
// Modules land separately (bench/emulator-<svc>.ts), so a missing one is reported, not fatal.
import { existsSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { startTestEmulator, type TestEmulator } from '../emulator/testing.js';
import { printTable } from './lib/table.js';

type ClientConfig = TestEmulator['clientConfig'] & { forcePathStyle?: boolean };
type BenchFn = (clientConfig: ClientConfig) => Promise<Record<string, number>>;

/** One line per service: later services add theirs here. */
const MODULES: Array<{ service: string; file: string; exportName: string; extra?: Partial<ClientConfig> }> = [
  { service: 's3', file: 'emulator-s3', exportName: 'benchS3', extra: { forcePathStyle: true } },
  { service: 'sqs', file: 'emulator-sqs', exportName: 'benchSqs' },
  { service: 'dynamodb', file: 'emulator-dynamodb', exportName: 'benchDynamoDb' },
  { service: 'lambda', file: 'emulator-lambda', exportName: 'benchLambda' },
  { service: 'secretsmanager', file: 'emulator-secretsmanager', exportName: 'benchSecretsManager' },
];

type Outcome =
  { status: 'ok'; seconds: number; results: Record<string, number> } | { status: 'missing' | 'failed'; error?: string };

async function loadBench(file: string, exportName: string): Promise<BenchFn | null> {
  const path = fileURLToPath(new URL(`./${file}.ts`, import.meta.url));
  if (!existsSync(path)) return null;
  // A variable specifier keeps tsc from requiring modules that may not exist yet.
  const specifier = `./${file}.js`;
  const mod = (await import(specifier)) as Record<string, unknown>;
  const fn = mod[exportName];
  if (typeof fn !== 'function') throw new Error(`${file}.ts does not export ${exportName}`);
  return fn as BenchFn;
}

function isNumberRecord(value: unknown): value is Record<string, number> {
  return typeof value === 'object' && value !== null && Object.values(value).every((v) => typeof v === 'number');
}

async function main(): Promise<void> {
  const emu = await startTestEmulator({ seed: false });
  const outcomes: Record<string, Outcome> = {};
  try {
    for (const { service, file, exportName, extra } of MODULES) {
      try {
        const bench = await loadBench(file, exportName);
        if (!bench) {
          outcomes[service] = { status: 'missing', error: `bench/${file}.ts not found` };
          continue;
        }
        const started = performance.now();
        const results: unknown = await bench({ ...emu.clientConfig, ...extra });
        if (!isNumberRecord(results)) throw new Error(`${exportName} did not return Record<string, number>`);
        outcomes[service] = { status: 'ok', seconds: (performance.now() - started) / 1000, results };
      } catch (e) {
        outcomes[service] = { status: 'failed', error: (e as Error).stack ?? String(e) };
      }
    }
  } finally {
    await emu.dispose();
  }

  const rows: string[][] = [];
  for (const [service, outcome] of Object.entries(outcomes)) {
    if (outcome.status !== 'ok') {
      rows.push([service, outcome.status, (outcome.error ?? '').split('\n')[0] ?? '']);
      continue;
    }
    for (const [metric, value] of Object.entries(outcome.results)) rows.push([service, metric, formatNumber(value)]);
  }
  printTable(['service', 'metric', 'value'], rows);
  // Size overrides a module read (e.g. S3_BENCH_LIST_KEYS), so a reduced run is never mistaken for a full one.
  const overrides = Object.fromEntries(Object.entries(process.env).filter(([k]) => /_BENCH_/.test(k)));
  const loadAverage = loadavg().map((l) => Math.round(l * 100) / 100);
  const report = { date: new Date().toISOString(), node: process.version, loadAverage, overrides, services: outcomes };
  const out = fileURLToPath(new URL('./emulator-results.json', import.meta.url));
  writeFileSync(out, JSON.stringify(report, null, 2) + '\n');
  console.log(`\nwrote ${out}`);
  if (Object.values(outcomes).some((o) => o.status === 'failed')) process.exitCode = 1;
}

function formatNumber(n: number): string {
  return Number.isInteger(n) ? n.toLocaleString('en-US') : n.toLocaleString('en-US', { maximumFractionDigits: 2 });
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
