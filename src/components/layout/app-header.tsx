import { Link } from 'react-router';
import type { ReactNode } from 'react';
import type { ThemeChoice } from '../../app/theme';

export interface AppHeaderProps {
  homeHref: string;
  regions: string[];
  region: string;
  onRegionChange: (region: string) => void;
  theme: ThemeChoice;
  onThemeChange: (theme: ThemeChoice) => void;
  /** e.g. "Credentials expire 15:42"; absent for keys that never expire. */
  expiryText?: string;
  userMenu: ReactNode;
}

const selectClass =
  'rounded border border-slate-300 bg-transparent px-2 py-1 text-sm dark:border-slate-700 dark:bg-slate-900';

export function AppHeader({
  homeHref,
  regions,
  region,
  onRegionChange,
  theme,
  onThemeChange,
  expiryText,
  userMenu,
}: AppHeaderProps) {
  return (
    <header className="flex flex-wrap items-center gap-3 border-b border-slate-200 px-4 py-2 dark:border-slate-800">
      <Link to={homeHref} className="mr-auto font-semibold">
        AWS Console
      </Link>
      <label className="flex items-center gap-1 text-sm">
        <span>Region</span>
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
      <label className="flex items-center gap-1 text-sm">
        <span>Theme</span>
        <select
          aria-label="Theme"
          value={theme}
          onChange={(e) => onThemeChange(e.target.value as ThemeChoice)}
          className={selectClass}
        >
          <option value="system">System</option>
          <option value="light">Light</option>
          <option value="dark">Dark</option>
        </select>
      </label>
      {expiryText && (
        <span data-testid="credentials-expiry" className="text-xs text-slate-600 dark:text-slate-300">
          {expiryText}
        </span>
      )}
      {userMenu}
    </header>
  );
}
