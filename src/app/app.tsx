import { useMemo } from 'react';
import { RouterProvider } from 'react-router';
import { AuthProvider } from 'react-oidc-context';
import { createUserManager, oidcSettings } from '../aws/auth';
import type { ConsoleConfig } from '../aws/config';
import { ConfigContext } from './config-context';
import { createRouter } from './router';
import { ToastProvider } from './toasts';

export function App({ config }: { config: ConsoleConfig }) {
  const userManager = useMemo(() => {
    const settings = oidcSettings(config, window.location.origin);
    return settings ? createUserManager(settings) : undefined;
  }, [config]);
  const router = useMemo(() => createRouter(userManager !== undefined), [userManager]);
  const tree = (
    <ConfigContext.Provider value={config}>
      <ToastProvider>
        <RouterProvider router={router} />
      </ToastProvider>
    </ConfigContext.Provider>
  );
  return userManager ? <AuthProvider userManager={userManager}>{tree}</AuthProvider> : tree;
}
