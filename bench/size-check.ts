// `npm run size` (and the size stage of `npm test`): build the console as e2e serves it, check every budget
// in bench/budgets.ts, and exit 1 when one is exceeded, naming what grew by package. `--record` writes the
// figures to bench/size-results.json (npm run bench does), the baseline a later failure is compared with.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { BUILD_DIR, buildConsole } from '../e2e/support/build.js';
import { readBundle } from './lib/bundle.js';
import { evaluateBudgets, growth, SIZE_RESULTS, type BudgetResult } from './lib/size-report.js';
import { printTable } from './lib/table.js';

function recorded(): { measuredAt: string; byName: Map<string, BudgetResult> } {
  if (!existsSync(SIZE_RESULTS)) return { measuredAt: '', byName: new Map() };
  const data = JSON.parse(readFileSync(SIZE_RESULTS, 'utf8')) as { measuredAt?: string; budgets?: BudgetResult[] };
  return { measuredAt: data.measuredAt ?? 'undated', byName: new Map((data.budgets ?? []).map((b) => [b.name, b])) };
}

function limitText(r: BudgetResult): string {
  const { total, own, sdk } = r.limits;
  return [
    total !== undefined ? `${total} all` : '',
    own !== undefined ? `${own} own` : '',
    sdk !== undefined ? (sdk === 0 ? 'no SDK' : `${sdk} SDK`) : '',
  ]
    .filter(Boolean)
    .join(', ');
}

async function main(): Promise<void> {
  await buildConsole((line) => console.log(`[size] ${line}`));
  const results = evaluateBudgets(readBundle(BUILD_DIR));
  const before = recorded();
  printTable(
    ['budget', 'total KB', 'own code', 'AWS SDK', 'other libs', 'limit (KB gzip)', 'ok'],
    results.map((r) => [
      r.name,
      r.totalKb.toFixed(1),
      r.ownKb.toFixed(1),
      r.sdkKb.toFixed(1),
      r.otherKb.toFixed(1),
      limitText(r),
      r.failures.length ? 'NO' : 'yes',
    ]),
  );
  for (const r of results.filter((x) => x.missing.length))
    console.log(`\n${r.name}: not in this build, so not counted: ${r.missing.join(', ')}`);
  const failed = results.filter((r) => r.failures.length);
  for (const r of failed) {
    const was = before.byName.get(r.name);
    console.log(`\nOVER BUDGET: ${r.name}: ${r.failures.join('; ')}`);
    console.log(`  why this budget: ${r.reason}`);
    console.log(
      was
        ? `  grew since the recorded run (${before.measuredAt}, bench/size-results.json), by package:`
        : '  largest packages:',
    );
    for (const line of growth(r, was)) console.log(`    ${line}`);
  }
  if (process.argv.includes('--record')) {
    writeFileSync(
      SIZE_RESULTS,
      JSON.stringify({ measuredAt: new Date().toISOString(), budgets: results }, null, 2) + '\n',
    );
    console.log(`\nwrote ${SIZE_RESULTS}`);
  }
  if (failed.length) {
    console.log(`\n${failed.length} budget(s) exceeded: see bench/budgets.ts for each limit and its reason.`);
    process.exitCode = 1;
  } else console.log(`\nall ${results.length} JS budgets hold`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
