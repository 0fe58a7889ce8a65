import { Link } from 'react-router';
import { Cloud, Lock, Menu } from 'lucide-react';
import type { ReactNode } from 'react';
import { IconButton } from '../ui/button';

export type ThemeOption = 'system' | 'light' | 'dark';

export interface AppHeaderProps {
  homeHref: string;
  regions: string[];
  region: string;
  onRegionChange: (region: string) => void;
  theme: ThemeOption;
  onThemeChange: (theme: ThemeOption) => void;
  /** e.g. "Credentials expire 15:42"; absent for keys that never expire. */
  expiryText?: string;
  /** Why the session is read-only ("Role ConsoleReadOnly: writes are denied"), when it is. */
  readOnlyReason?: string;
  userMenu: ReactNode;
  /** Buttons beside the user menu (the call history). */
  tools?: ReactNode;
  /** Under 768 px the sidebar is a menu: this opens it. */
  onOpenMenu: () => void;
}

const selectClass =
  'h-8 rounded-md border border-border-strong bg-surface px-1.5 text-sm text-fg hover:bg-surface-2 max-w-[8.5rem] sm:max-w-none';

export function ThemeSelect({ theme, onThemeChange }: Pick<AppHeaderProps, 'theme' | 'onThemeChange'>) {
  return (
    <label className="flex items-center gap-1.5 text-sm">
      <span className="text-muted">Theme</span>
      <select
        aria-label="Theme"
        value={theme}
        onChange={(e) => onThemeChange(e.target.value as ThemeOption)}
        className={selectClass}
      >
        <option value="system">System</option>
        <option value="light">Light</option>
        <option value="dark">Dark</option>
      </select>
    </label>
  );
}

/** One row at every width: on phones the theme and expiry move into the menu, the brand shrinks to its icon. */
export function AppHeader({
  homeHref,
  regions,
  region,
  onRegionChange,
  theme,
  onThemeChange,
  expiryText,
  readOnlyReason,
  userMenu,
  tools,
  onOpenMenu,
}: AppHeaderProps) {
  return (
    <header className="sticky top-0 z-30 flex h-14 items-center gap-2 border-b border-border bg-surface px-2 sm:px-4">
      <span className="md:hidden">
        <IconButton label="Open menu" variant="ghost" icon={<Menu aria-hidden="true" />} onClick={onOpenMenu} />
      </span>
      <Link
        to={homeHref}
        className="mr-auto flex min-w-0 items-center gap-2 font-semibold"
        aria-label="AWS Console home"
      >
        <Cloud aria-hidden="true" className="size-5 shrink-0 text-accent" />
        <span className="hidden truncate sm:inline">AWS Console</span>
      </Link>
      {readOnlyReason && (
        <span
          role="note"
          aria-label={`Read-only: ${readOnlyReason}`}
          title={readOnlyReason}
          className="inline-flex h-7 shrink-0 items-center gap-1 rounded-full bg-warning-soft px-2 text-xs font-medium text-warning"
        >
          <Lock aria-hidden="true" className="size-3.5" />
          <span className="hidden sm:inline">Read-only</span>
        </span>
      )}
      <label className="flex items-center gap-1.5 text-sm">
        <span className="hidden text-muted lg:inline">Region</span>
        <select
          aria-label="Region"
          value={region}
          onChange={(e) => onRegionChange(e.target.value)}
          className={selectClass}
        >
          {regions.map((r) => (
            <option key={r} value={r}>
              {r}
            </option>
          ))}
        </select>
      </label>
      <span className="hidden md:flex">
        <ThemeSelect theme={theme} onThemeChange={onThemeChange} />
      </span>
      {expiryText && (
        <span data-testid="credentials-expiry" className="hidden text-xs text-muted xl:inline">
          {expiryText}
        </span>
      )}
      {tools}
      {userMenu}
    </header>
  );
}
