// Evaluates bench/budgets.ts against a build: used by the size check (npm test) and by npm run bench.
import { BUDGETS, PAGE_BASE, PAGE_GROUPS, PAGE_OWN_CODE_KB, type Budget } from '../budgets.js';
import { fileURLToPath } from 'node:url';
import { gzipOfKind, measure, staticClosure, type Bundle, type Measured } from './bundle.js';

/** The recorded figures (npm run bench), which a failing size check compares with to say what grew. */
export const SIZE_RESULTS = fileURLToPath(new URL('../size-results.json', import.meta.url));

export interface BudgetResult {
  name: string;
  reason: string;
  /** KB gzip, one decimal. */
  totalKb: number;
  ownKb: number;
  sdkKb: number;
  otherKb: number;
  limits: Budget['limits'];
  /** Each limit that is exceeded, as a sentence. */
  failures: string[];
  /** KB gzip per package, largest first. */
  byPackage: Record<string, number>;
  /** Modules the budget names that the build does not have (a page not built yet is not measured). */
  missing: string[];
}

const kb = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;

/** The chunks a list of loads brings: index.html's entry chunks, and each lazily imported module's chunk. */
function chunksOf(bundle: Bundle, loads: string[]): { files: Set<string>; missing: string[] } {
  const roots: string[] = [];
  const missing: string[] = [];
  for (const load of loads) {
    if (load === 'index.html') roots.push(...bundle.entries);
    else {
      const file = bundle.dynamicEntries.get(load);
      if (file) roots.push(file);
      else missing.push(load);
    }
  }
  return { files: staticClosure(bundle, roots), missing };
}

/** Every page a group covers gets a budget: the page and its SDK module on top of the shell. */
function pageBudgets(bundle: Bundle): Budget[] {
  const out: Budget[] = [];
  for (const page of [...bundle.dynamicEntries.keys()].filter((m) => m.startsWith('src/pages/')).sort()) {
    const group = PAGE_GROUPS.find((g) => page.startsWith(g.folder));
    const name = `page ${page.replace(/^src\/pages\//, '').replace(/\.tsx?$/, '')}: added to the shell`;
    if (!group) {
      // Pages without a service (dashboard, sign-in, not found) still keep to the own-code rule.
      out.push({
        name,
        reason: `Issue 25: a page's lazy chunk adds at most ${PAGE_OWN_CODE_KB} KB of our own code.`,
        loads: [page],
        after: PAGE_BASE,
        limits: { own: PAGE_OWN_CODE_KB },
      });
      continue;
    }
    out.push({
      name,
      reason: `Issue 25: a page's lazy chunk is its SDK client (only the commands it calls) plus at most ${PAGE_OWN_CODE_KB} KB of our own code.`,
      loads: [page, ...group.sdk.filter((m) => bundle.dynamicEntries.has(m))],
      after: PAGE_BASE,
      limits: { own: PAGE_OWN_CODE_KB, sdk: group.sdkKb, total: group.totalKb },
    });
  }
  return out;
}

function evaluate(bundle: Bundle, budget: Budget): BudgetResult {
  const { files, missing } = chunksOf(bundle, budget.loads);
  if (budget.after) for (const f of chunksOf(bundle, budget.after).files) files.delete(f);
  const m: Measured = measure(bundle, files);
  const result = {
    totalKb: kb(m.gzip),
    ownKb: kb(gzipOfKind(m, 'own')),
    sdkKb: kb(gzipOfKind(m, 'sdk')),
    otherKb: kb(gzipOfKind(m, 'other')),
  };
  const failures: string[] = [];
  const { total, own, sdk } = budget.limits;
  if (total !== undefined && result.totalKb > total) failures.push(`${result.totalKb} KB > ${total} KB in all`);
  if (own !== undefined && result.ownKb > own) failures.push(`our own code ${result.ownKb} KB > ${own} KB`);
  if (sdk !== undefined && result.sdkKb > sdk)
    failures.push(sdk === 0 ? `holds ${result.sdkKb} KB of AWS SDK code` : `AWS SDK ${result.sdkKb} KB > ${sdk} KB`);
  const byPackage = Object.fromEntries(
    [...m.byPackage]
      .sort((a, b) => b[1] - a[1])
      .map(([pkg, n]) => [pkg, kb(n)])
      .filter(([, n]) => (n as number) > 0),
  ) as Record<string, number>;
  return { name: budget.name, reason: budget.reason, ...result, limits: budget.limits, failures, byPackage, missing };
}

export function evaluateBudgets(bundle: Bundle): BudgetResult[] {
  return [...BUDGETS, ...pageBudgets(bundle)].map((b) => evaluate(bundle, b));
}

/**
 * What grew since the recorded results, by package (largest growth first); packages new to the budget
 * count from zero. Without a record, the largest packages.
 */
export function growth(now: BudgetResult, before: BudgetResult | undefined, limit = 8): string[] {
  if (!before)
    return Object.entries(now.byPackage)
      .slice(0, limit)
      .map(([pkg, n]) => `${pkg} ${n} KB`);
  const pkgs = new Set([...Object.keys(now.byPackage), ...Object.keys(before.byPackage)]);
  return [...pkgs]
    .map((pkg) => ({ pkg, delta: (now.byPackage[pkg] ?? 0) - (before.byPackage[pkg] ?? 0) }))
    .filter((d) => d.delta >= 0.1)
    .sort((a, b) => b.delta - a.delta)
    .slice(0, limit)
    .map(
      (d) => `${d.pkg} +${d.delta.toFixed(1)} KB (${before.byPackage[d.pkg] ?? 0} -> ${now.byPackage[d.pkg] ?? 0} KB)`,
    );
}
