import { Suspense, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { Outlet, useMatches, useNavigate, useSearchParams } from 'react-router';
import { AppHeader } from '../components/layout/app-header';
import { Breadcrumbs, type Crumb } from '../components/layout/breadcrumbs';
import { SidebarNav, type NavItem } from '../components/layout/sidebar-nav';
import { UserMenu } from '../components/layout/user-menu';
import { ShortcutsDialog } from '../components/shortcuts-dialog';
import { PAGES } from '../pages/registry';
import { useConfig } from './config-context';
import { crumbOf } from './route-handle';
import { useSession } from './session-context';
import { readTheme, saveTheme, watchSystemTheme, type ThemeChoice } from './theme';
import { useRegion, useRegionHref } from './use-region';
import { useShortcuts } from './use-shortcuts';

const SHORTCUTS = [
  { keys: '/', description: 'Focus the search box' },
  { keys: '?', description: 'Show this list of shortcuts' },
  { keys: 'Esc', description: 'Close a dialog or menu' },
];

function formatExpiry(expiration: Date | undefined): string | undefined {
  if (!expiration) return undefined;
  const time = expiration.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', second: '2-digit' });
  return `Credentials expire ${time}`;
}

/** The signed-in frame: header, sidebar, breadcrumbs, shortcuts; pages render in the Outlet. */
export function Shell() {
  const config = useConfig();
  const session = useSession();
  const region = useRegion();
  const href = useRegionHref();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const matches = useMatches();
  const [theme, setTheme] = useState<ThemeChoice>(readTheme);
  const [query, setQuery] = useState('');
  const [isHelpOpen, setHelpOpen] = useState(false);
  const searchRef = useRef<HTMLInputElement>(null);

  const creds = useSyncExternalStore(
    (cb) => session.credentials.subscribe(cb),
    () => session.credentials.snapshot(),
  );

  useEffect(() => watchSystemTheme(() => readTheme()), []);

  const bindings = useMemo(
    () => ({
      '/': () => searchRef.current?.focus(),
      '?': () => setHelpOpen(true),
    }),
    [],
  );
  useShortcuts(bindings);

  const navItems: NavItem[] = PAGES.filter((p) => p.inNav !== false).map((p) => ({
    label: p.label,
    href: href(`/${p.path}`),
  }));
  const crumbs: Crumb[] = [{ label: 'Console', href: href('/dashboard') }];
  for (const m of matches) {
    const label = crumbOf(m.handle);
    if (label) crumbs.push({ label, href: href(m.pathname) });
  }

  return (
    <div className="flex min-h-screen flex-col">
      <AppHeader
        homeHref={href('/dashboard')}
        regions={config.regions}
        region={region}
        onRegionChange={(r) => {
          const next = new URLSearchParams(params);
          next.set('region', r);
          setParams(next);
        }}
        theme={theme}
        onThemeChange={(t) => {
          saveTheme(t);
          setTheme(t);
        }}
        {...(creds?.expiration ? { expiryText: formatExpiry(creds.expiration) } : {})}
        userMenu={
          <UserMenu
            userName={session.userName}
            groups={session.groups}
            {...(session.canSignOut ? { onSignOut: () => void session.signOut() } : {})}
          />
        }
      />
      <div className="flex flex-1">
        <SidebarNav
          items={navItems}
          query={query}
          onQueryChange={setQuery}
          onSubmit={(item) => {
            setQuery('');
            void navigate(item.href);
          }}
          searchRef={searchRef}
        />
        <main className="flex flex-1 flex-col gap-4 p-6">
          <Breadcrumbs crumbs={crumbs} />
          <Suspense fallback={<p>Loading…</p>}>
            <Outlet />
          </Suspense>
        </main>
      </div>
      <ShortcutsDialog isOpen={isHelpOpen} onOpenChange={setHelpOpen} shortcuts={SHORTCUTS} />
    </div>
  );
}
