import { createBrowserRouter, Navigate, useLocation, type RouteObject } from 'react-router';
import { PAGES } from './registry';
import { preloadCredentialProvider } from '../aws/auth';
import { RouteError } from './route-error';
import { RouteLoading } from './route-loading';
import type { RouteHandle } from './route-handle';

/** Keep ?region= when "/" redirects to the dashboard. */
function HomeRedirect() {
  const { search } = useLocation();
  return <Navigate to={`/dashboard${search}`} replace />;
}

export function createRouter(hasSignIn: boolean) {
  const pageRoutes: RouteObject[] = PAGES.map((p) => ({
    path: p.route.path,
    handle: { page: p } satisfies RouteHandle,
    errorElement: <RouteError />,
    lazy: async () => {
      p.preload?.();
      try {
        return { Component: (await p.load()).default };
      } catch (error) {
        // A chunk that cannot be fetched (a deploy replaced it) leaves a rejected lazy route rendering
        // nothing; rethrown at render it reaches the route's errorElement, which offers a reload.
        return {
          Component: () => {
            throw error;
          },
        };
      }
    },
  }));
  const publicRoutes: RouteObject[] = hasSignIn
    ? [
        {
          path: '/signin',
          HydrateFallback: RouteLoading,
          errorElement: <RouteError />,
          lazy: async () => ({ Component: (await import('../pages/signin/signin-page')).default }),
        },
        {
          path: '/auth/callback',
          HydrateFallback: RouteLoading,
          errorElement: <RouteError />,
          lazy: async () => ({ Component: (await import('../pages/auth-callback/auth-callback-page')).default }),
        },
      ]
    : [{ path: '/signin', errorElement: <RouteError />, element: <Navigate to="/dashboard" replace /> }];
  return createBrowserRouter([
    ...publicRoutes,
    {
      path: '/',
      HydrateFallback: RouteLoading,
      errorElement: <RouteError />,
      lazy: async () => {
        if (hasSignIn) preloadCredentialProvider();
        return { Component: (await import('./protected-layout')).default };
      },
      children: [
        { index: true, element: <HomeRedirect /> },
        ...pageRoutes,
        {
          path: '*',
          handle: { crumbs: [{ label: 'Not found' }] } satisfies RouteHandle,
          errorElement: <RouteError />,
          lazy: async () => ({ Component: (await import('../pages/not-found/not-found-page')).default }),
        },
      ],
    },
  ]);
}
