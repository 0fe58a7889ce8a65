// `npm test`: lint, formatting (Prettier), typecheck, unit and integration tests (Vitest), end-to-end tests (Playwright).
// Runs every stage, then prints one summary line of all tests: "N passed, N failed".
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { statSync } from 'node:fs';

const results = '.test-results';
mkdirSync(results, { recursive: true });

function run(name, cmd, args, env = {}) {
  console.log(`\n=== ${name}: ${cmd} ${args.join(' ')}`);
  const started = Date.now();
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  console.log(
    `=== ${name}: ${r.status === 0 ? 'ok' : `FAILED (exit ${r.status ?? r.signal})`} in ${((Date.now() - started) / 1000).toFixed(0)} s`,
  );
  return r.status === 0;
}

const failedStages = [];
if (!run('lint', 'npx', ['eslint', '.', '--max-warnings', '0'])) failedStages.push('lint');
// `npm run format` fixes what this reports.
if (!run('format', 'npx', ['prettier', '--check', '.'])) failedStages.push('format');
if (!run('typecheck', 'npx', ['tsc', '-b'])) failedStages.push('typecheck');
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
try {
  const v = JSON.parse(readFileSync(`${results}/vitest.json`, 'utf8'));
  passed += v.numPassedTests ?? 0;
  failed += v.numFailedTests ?? 0;
} catch {
  /* vitest did not write its report: counted by the stage failure */
}
if (hasE2e) {
  try {
    const p = JSON.parse(readFileSync(`${results}/playwright.json`, 'utf8'));
    passed += (p.stats?.expected ?? 0) + (p.stats?.flaky ?? 0);
    failed += p.stats?.unexpected ?? 0;
  } catch {
    /* as above */
  }
}
console.log('');
if (failedStages.length) console.log(`failed stages: ${failedStages.join(', ')}`);
if (failedStages.length && failed === 0) failed = failedStages.length;
console.log(`${passed} passed, ${failed} failed`);
process.exit(failedStages.length ? 1 : 0);
