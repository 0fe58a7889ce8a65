import type { BrowserContext } from '@playwright/test';

/** A Content-Security-Policy violation a page reported (its `securitypolicyviolation` event). */
export interface CspViolation {
  page: string;
  directive: string;
  blocked: string;
  source: string;
}

const BINDING = '__reportCspViolation';

/**
 * Collect every CSP violation in every page and frame of the context, so a test fails when the console
 * does something production's CSP would block. Returns the live list.
 */
export async function watchCspViolations(context: BrowserContext): Promise<CspViolation[]> {
  const violations: CspViolation[] = [];
  await context.exposeBinding(BINDING, (_source, violation: CspViolation) => {
    violations.push(violation);
  });
  await context.addInitScript((binding) => {
    document.addEventListener('securitypolicyviolation', (e) => {
      const report = (window as unknown as Record<string, (v: unknown) => void>)[binding];
      report?.({
        page: location.href,
        directive: e.effectiveDirective,
        blocked: e.blockedURI,
        source: e.sourceFile ? `${e.sourceFile}:${e.lineNumber}` : '',
      });
    });
  }, BINDING);
  return violations;
}

export function describeViolations(violations: readonly CspViolation[]): string {
  return violations
    .map((v) => `${v.directive} blocked ${v.blocked || '(inline)'} on ${v.page}${v.source ? ` at ${v.source}` : ''}`)
    .join('\n');
}
