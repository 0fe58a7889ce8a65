import { Suspense, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { Outlet, useLocation, useMatches, useNavigate, useSearchParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { stsQueries } from '../aws/sts/queries';
import { AppHeader, ThemeSelect } from '../components/layout/app-header';
import { Breadcrumbs, type BreadcrumbItem } from '../components/layout/breadcrumbs';
import { MobileNav } from '../components/layout/mobile-nav';
import { SidebarNav, type NavItem, type SearchTarget } from '../components/layout/sidebar-nav';
import { UserMenu } from '../components/layout/user-menu';
import { ShortcutsDialog } from '../components/shortcuts-dialog';
import { TaskTray } from '../components/task-tray';
import { Spinner } from '../components/ui/skeleton';
import { CallHistoryButton } from './call-history';
import { useConfig } from './config-context';
import { PAGES } from './registry';
import { crumbsOf } from './route-handle';
import { isStandalone, pathTo, routes } from './routes';
import { useSession } from './session-context';
import { useTasks, type TaskStore } from './tasks';
import { readTheme, saveTheme, watchSystemTheme, type ThemeChoice } from './theme';
import { useHasDeniedWrites } from './use-permission';
import { rememberRegion } from './remembered-region';
import { useRegion, useRegionHref } from './use-region';
import { useShortcuts } from './use-shortcuts';

const SHORTCUTS = [
  { keys: '/', description: "Focus the page's filter (or the console search)" },
  { keys: '?', description: 'Show this list of shortcuts' },
  { keys: 'Esc', description: 'Close a dialog, menu or panel' },
  { keys: '↑ ↓', description: 'Move between table rows' },
  { keys: 'Enter', description: 'Open the focused row' },
  { keys: 'Space', description: 'Select the focused row (Shift for a range)' },
];

function formatExpiry(expiration: Date | undefined): string | undefined {
  if (!expiration) return undefined;
  const time = expiration.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', second: '2-digit' });
  return `Credentials expire ${time}`;
}

/** A role whose name says it reads only (ConsoleReadOnly, ViewerRole...). */
function isReadOnlyRoleName(role: string | undefined): boolean {
  return role !== undefined && /read-?only|viewer/i.test(role);
}

/** The signed-in frame: header, sidebar (a menu on phones), breadcrumbs, task tray, shortcuts. */
export function Shell() {
  const config = useConfig();
  const session = useSession();
  const { aws } = session.session;
  const region = useRegion();
  const href = useRegionHref();
  const navigate = useNavigate();
  const location = useLocation();
  const [params, setParams] = useSearchParams();
  const matches = useMatches();
  const [theme, setTheme] = useState<ThemeChoice>(readTheme);
  const [query, setQuery] = useState('');
  const [isHelpOpen, setHelpOpen] = useState(false);
  // Open for one location only: every navigation (a link in the phone menu) closes it.
  const [menuOpenAt, setMenuOpenAt] = useState<string | null>(null);
  const isMenuOpen = menuOpenAt === location.key;
  const searchRef = useRef<HTMLInputElement>(null);
  const identity = useQuery(stsQueries.callerIdentity(region));
  const hasDeniedWrites = useHasDeniedWrites();

  // Crumbs name what this session has seen (an instance's Name tag): re-render when one is learned.
  useSyncExternalStore(aws.names.subscribe, aws.names.snapshot);
  const creds = useSyncExternalStore(
    (cb) => aws.credentials.subscribe(cb),
    () => aws.credentials.snapshot(),
  );

  useEffect(() => watchSystemTheme(() => readTheme()), []);

  const bindings = useMemo(
    () => ({
      // The page's own filter first (S3 prefix, EC2 filters...), else the console search.
      '/': () => {
        const filter = document.querySelector<HTMLInputElement>('main [data-page-filter]');
        (filter ?? searchRef.current)?.focus();
      },
      '?': () => setHelpOpen(true),
    }),
    [],
  );
  useShortcuts(bindings);

  const navItems: NavItem[] = PAGES.filter((p) => p.inNav !== false).map((p) => {
    const Icon = p.icon;
    return {
      label: p.label,
      href: href(pathTo(p.route)),
      ...(Icon ? { icon: <Icon aria-hidden="true" className="size-4 shrink-0" /> } : {}),
    };
  });
  // Only pages that open without parameters can be searched from anywhere.
  const searchTargets: SearchTarget[] = PAGES.flatMap(({ route, label, searchParam }) =>
    searchParam && isStandalone(route)
      ? [{ label, href: (q: string) => href(pathTo(route, {}, { [searchParam]: q })) }]
      : [],
  );
  const crumbs: BreadcrumbItem[] = [{ label: 'Console', href: href(pathTo(routes.dashboard)) }];
  for (const m of matches)
    for (const c of crumbsOf(m.handle, { params: m.params, search: params, nameOf: aws.names.nameOf }, m.pathname))
      crumbs.push({ label: c.label, ...(c.href ? { href: href(c.href) } : {}) });

  const roleName = identity.data?.roleName;
  const readOnlyReason = isReadOnlyRoleName(roleName)
    ? `You work as ${roleName}: this role can look but not change`
    : hasDeniedWrites
      ? 'Some changes were refused by your role; buttons it denies are disabled'
      : undefined;

  const onThemeChange = (t: ThemeChoice) => {
    saveTheme(t);
    setTheme(t);
  };
  const expiryText = creds?.expiration ? formatExpiry(creds.expiration) : undefined;
  const sidebar = (
    <SidebarNav
      items={navItems}
      searchTargets={searchTargets}
      query={query}
      onQueryChange={setQuery}
      onGo={(to) => {
        setQuery('');
        void navigate(to);
      }}
      searchRef={searchRef}
    />
  );

  return (
    <div className="flex min-h-screen flex-col">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50 focus:rounded focus:bg-surface focus:p-2"
      >
        Skip to content
      </a>
      <AppHeader
        homeHref={href(pathTo(routes.dashboard))}
        regions={config.regions}
        region={region}
        onRegionChange={(r) => {
          rememberRegion(r);
          // Back must return to the region shown now, not to the one just remembered: name it in this entry.
          if (!params.has('region')) {
            const here = new URL(window.location.href);
            here.searchParams.set('region', region);
            window.history.replaceState(window.history.state, '', here);
          }
          const next = new URLSearchParams(params);
          next.set('region', r);
          setParams(next);
        }}
        theme={theme}
        onThemeChange={onThemeChange}
        {...(expiryText ? { expiryText } : {})}
        {...(readOnlyReason ? { readOnlyReason } : {})}
        onOpenMenu={() => setMenuOpenAt(location.key)}
        tools={<CallHistoryButton />}
        userMenu={
          <UserMenu
            userName={session.userName}
            groups={session.groups}
            {...(roleName ? { roleName } : {})}
            {...(session.canSignOut ? { onSignOut: () => void session.signOut() } : {})}
          />
        }
      />
      <div className="flex min-w-0 flex-1">
        <aside className="hidden w-56 shrink-0 border-r border-border bg-surface md:block">
          <div className="sticky top-14">{sidebar}</div>
        </aside>
        <MobileNav open={isMenuOpen} onOpenChange={(open) => setMenuOpenAt(open ? location.key : null)}>
          {isMenuOpen && sidebar}
          <div className="flex flex-col gap-2 border-t border-border p-3">
            <ThemeSelect theme={theme} onThemeChange={onThemeChange} />
            {expiryText && <p className="text-xs text-muted">{expiryText}</p>}
          </div>
        </MobileNav>
        <main id="main" className="flex min-w-0 flex-1 flex-col gap-4 px-3 py-4 sm:px-6 sm:py-5">
          <Breadcrumbs crumbs={crumbs} />
          <Suspense fallback={<Spinner label="Loading the page" isLabelVisible />}>
            <Outlet />
          </Suspense>
        </main>
      </div>
      <ShellTaskTray store={session.session.tasks} />
      <ShortcutsDialog isOpen={isHelpOpen} onOpenChange={setHelpOpen} shortcuts={SHORTCUTS} />
    </div>
  );
}

/**
 * The tray on its own subscription to the task store: a drop of 1,000 files changes the store about
 * 2,000 times, and only the tray (not the header, sidebar and page) should render again for each.
 */
function ShellTaskTray({ store }: { store: TaskStore }) {
  const taskList = useTasks(store);
  return (
    <TaskTray
      tasks={taskList}
      // The store's methods are bound once, so rows whose task did not change skip rendering.
      onCancel={store.cancel}
      onRetry={store.retry}
      onCancelAll={store.cancelAll}
      onClearFinished={store.clearFinished}
      onCancelGroup={store.cancelGroup}
    />
  );
}
