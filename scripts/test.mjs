// `npm test`: lint, formatting (Prettier) and typecheck side by side, then unit and integration tests
// (Vitest), then end-to-end tests (Playwright). Runs every stage, then prints one summary line of all
// tests: "N passed, N failed, N skipped".
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { statSync } from 'node:fs';

const results = '.test-results';
mkdirSync(results, { recursive: true });

const seconds = (started) => `${((Date.now() - started) / 1000).toFixed(0)} s`;
const verdict = (name, status, started) =>
  `=== ${name}: ${status === 0 ? 'ok' : `FAILED (exit ${status})`} in ${seconds(started)}`;

function run(name, cmd, args, env = {}) {
  console.log(`\n=== ${name}: ${cmd} ${args.join(' ')}`);
  const started = Date.now();
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  console.log(verdict(name, r.status ?? r.signal, started));
  return r.status === 0;
}

/**
 * A stage whose output is held until it ends, so stages running side by side print one after another
 * instead of interleaving line by line. Colours are kept when the terminal has them.
 */
function runBuffered(name, cmd, args) {
  const started = Date.now();
  const colour = process.stdout.isTTY ? { FORCE_COLOR: '1' } : {};
  return new Promise((resolve) => {
    const chunks = [];
    const child = spawn(cmd, args, { env: { ...process.env, ...colour }, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.on('data', (c) => chunks.push(c));
    child.stderr.on('data', (c) => chunks.push(c));
    let isDone = false;
    // A command that cannot start emits 'error' and then 'close': report it once.
    const finish = (status) => {
      if (isDone) return;
      isDone = true;
      process.stdout.write(`\n=== ${name}: ${cmd} ${args.join(' ')}\n`);
      process.stdout.write(Buffer.concat(chunks));
      console.log(verdict(name, status, started));
      resolve(status === 0);
    };
    child.on('error', (e) => {
      chunks.push(Buffer.from(`${e.message}\n`));
      finish(`could not start, ${e.code ?? e.message}`);
    });
    child.on('close', (code, signal) => finish(code ?? signal));
  });
}

const failedStages = [];
// Independent of each other: on two cores the three together take about as long as the slowest.
const checks = [
  ['lint', 'npx', ['eslint', '.', '--max-warnings', '0']],
  // `npm run format` fixes what this reports.
  ['format', 'npx', ['prettier', '--check', '.']],
  ['typecheck', 'npx', ['tsc', '-b']],
];
const checked = await Promise.all(checks.map(([name, cmd, args]) => runBuffered(name, cmd, args)));
checks.forEach(([name], i) => {
  if (!checked[i]) failedStages.push(name);
});

if (
  !run('unit', 'npx', [
    'vitest',
    'run',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${results}/vitest.json`,
  ])
)
  failedStages.push('unit');

// JS budgets (bench/budgets.ts) over the production build; the e2e stage then serves that same build.
const sizeStarted = Date.now();
if (!run('size', 'npx', ['tsx', 'bench/size-check.ts'])) failedStages.push('size');
if (existsSync('.e2e-build/dist/index.html') && statSync('.e2e-build/dist/index.html').mtimeMs >= sizeStarted)
  process.env.E2E_SKIP_BUILD = '1';

const hasE2e = existsSync('e2e') && readdirSync('e2e').some((f) => f.endsWith('.spec.ts'));
if (hasE2e) {
  const browserOk = run('browser', 'node', ['scripts/ensure-browser.mjs']);
  if (
    !browserOk ||
    !run('e2e', 'npx', ['playwright', 'test'], { PLAYWRIGHT_JSON_OUTPUT_NAME: `${results}/playwright.json` })
  )
    failedStages.push('e2e');
}

let passed = 0;
let failed = 0;
let skipped = 0;
try {
  const v = JSON.parse(readFileSync(`${results}/vitest.json`, 'utf8'));
  passed += v.numPassedTests ?? 0;
  failed += v.numFailedTests ?? 0;
  // Vitest's JSON report (Jest's shape) calls skipped tests pending, and `it.todo` ones todo.
  skipped += (v.numPendingTests ?? 0) + (v.numTodoTests ?? 0);
} catch {
  /* vitest did not write its report: counted by the stage failure */
}
if (hasE2e) {
  try {
    const p = JSON.parse(readFileSync(`${results}/playwright.json`, 'utf8'));
    passed += (p.stats?.expected ?? 0) + (p.stats?.flaky ?? 0);
    failed += p.stats?.unexpected ?? 0;
    skipped += p.stats?.skipped ?? 0;
  } catch {
    /* as above */
  }
}
console.log('');
if (failedStages.length) console.log(`failed stages: ${failedStages.join(', ')}`);
if (failedStages.length && failed === 0) failed = failedStages.length;
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failedStages.length ? 1 : 0);
