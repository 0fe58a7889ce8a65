// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import type { RouteObject } from 'react-router';
import { createRouter } from './router';

/** Routes that have no error element of their own nor one above them. */
function unguarded(routes: readonly RouteObject[], guarded = false): string[] {
  return routes.flatMap((r) => {
    const here = guarded || r.errorElement !== undefined;
    return [...(here ? [] : [r.path ?? '(index)']), ...unguarded(r.children ?? [], here)];
  });
}

describe('the router', () => {
  it.each([true, false])('gives every route an error element (sign-in configured: %s)', (hasSignIn) => {
    // A throw on /signin or /auth/callback must show the console's error page, not React Router's stack trace.
    window.history.replaceState(null, '', '/no-such-page-for-this-test');
    const router = createRouter(hasSignIn);
    try {
      expect(unguarded(router.routes)).toEqual([]);
    } finally {
      router.dispose();
    }
  });
});
