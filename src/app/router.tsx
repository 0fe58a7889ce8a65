import { createBrowserRouter, Navigate, useLocation, type RouteObject } from 'react-router';
import { PAGES } from '../pages/registry';
import type { RouteHandle } from './route-handle';

/** Keep ?region= when "/" redirects to the dashboard. */
function HomeRedirect() {
  const { search } = useLocation();
  return <Navigate to={`/dashboard${search}`} replace />;
}

export function createRouter(hasSignIn: boolean) {
  const pageRoutes: RouteObject[] = PAGES.map((p) => ({
    path: p.path,
    handle: { crumb: p.label } satisfies RouteHandle,
    lazy: async () => ({ Component: (await p.load()).default }),
  }));
  const publicRoutes: RouteObject[] = hasSignIn
    ? [
        { path: '/signin', lazy: async () => ({ Component: (await import('../pages/signin/signin-page')).default }) },
        {
          path: '/auth/callback',
          lazy: async () => ({ Component: (await import('../pages/auth-callback/auth-callback-page')).default }),
        },
      ]
    : [{ path: '/signin', element: <Navigate to="/dashboard" replace /> }];
  return createBrowserRouter([
    ...publicRoutes,
    {
      path: '/',
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
