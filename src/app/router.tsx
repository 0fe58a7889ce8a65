import { createBrowserRouter, Navigate, useLocation, type RouteObject } from 'react-router';
import { PAGES } from '../pages/registry';
import type { RouteHandle } from './route-handle';

/** Shown while a route's lazy chunk loads on the first page load. */
function Loading() {
  return <p className="p-6">Loading…</p>;
}

/** Keep ?region= when "/" redirects to the dashboard. */
function HomeRedirect() {
  const { search } = useLocation();
  return <Navigate to={`/dashboard${search}`} replace />;
}

export function createRouter(hasSignIn: boolean) {
  const pageRoutes: RouteObject[] = PAGES.map((p) => ({
    path: p.path,
    handle: { crumb: p.label } satisfies RouteHandle,
    lazy: async () => {
      p.preload?.();
      return { Component: (await p.load()).default };
    },
  }));
  const publicRoutes: RouteObject[] = hasSignIn
    ? [
        {
          path: '/signin',
          HydrateFallback: Loading,
          lazy: async () => ({ Component: (await import('../pages/signin/signin-page')).default }),
        },
        {
          path: '/auth/callback',
          HydrateFallback: Loading,
          lazy: async () => ({ Component: (await import('../pages/auth-callback/auth-callback-page')).default }),
        },
      ]
    : [{ path: '/signin', element: <Navigate to="/dashboard" replace /> }];
  return createBrowserRouter([
    ...publicRoutes,
    {
      path: '/',
      HydrateFallback: Loading,
      lazy: async () => ({ Component: (await import('./protected-layout')).default }),
      children: [
        { index: true, element: <HomeRedirect /> },
        ...pageRoutes,
        {
          path: '*',
          handle: { crumb: 'Not found' } satisfies RouteHandle,
          lazy: async () => ({ Component: (await import('../pages/not-found/not-found-page')).default }),
        },
      ],
    },
  ]);
}
