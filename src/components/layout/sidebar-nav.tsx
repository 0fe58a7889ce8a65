import { NavLink } from 'react-router';
import { Search } from 'lucide-react';
import type { ReactNode, Ref } from 'react';

export interface NavItem {
  label: string;
  href: string;
  icon?: ReactNode;
}

/** "Search Buckets for “logs”": runs the page's own server-side search. */
export interface SearchTarget {
  label: string;
  href: (query: string) => string;
}

export interface SidebarNavProps {
  items: NavItem[];
  searchTargets: SearchTarget[];
  query: string;
  onQueryChange: (q: string) => void;
  /** Enter in the search box, or a result chosen: go there. */
  onGo: (href: string) => void;
  searchRef?: Ref<HTMLInputElement>;
}

/** The sidebar: a search that finds pages and searches resources, then the pages. */
export function SidebarNav({ items, searchTargets, query, onQueryChange, onGo, searchRef }: SidebarNavProps) {
  const q = query.trim();
  const lower = q.toLowerCase();
  const pages = lower ? items.filter((i) => i.label.toLowerCase().includes(lower)) : items;
  const searches = q ? searchTargets.map((t) => ({ label: `Search ${t.label} for “${q}”`, href: t.href(q) })) : [];
  return (
    <div className="flex flex-col gap-3 p-3">
      <form
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          const first = pages[0] ?? searches[0];
          if (first) onGo(first.href);
        }}
      >
        <div className="relative">
          <Search aria-hidden="true" className="pointer-events-none absolute top-2 left-2 size-4 text-subtle" />
          <input
            ref={searchRef}
            type="search"
            aria-label="Search"
            placeholder="Search  ( / )"
            value={query}
            onChange={(e) => onQueryChange(e.target.value)}
            className="h-8 w-full rounded-md border border-border-strong bg-surface pr-2 pl-8 text-sm placeholder:text-subtle"
          />
        </div>
      </form>
      <nav aria-label="Main">
        <ul className="flex flex-col gap-0.5">
          {pages.map((item) => (
            <li key={item.href}>
              <NavLink
                to={item.href}
                className={({ isActive }) =>
                  `flex items-center gap-2 rounded-md px-2 py-1.5 text-sm ${isActive ? 'bg-accent-soft font-semibold text-accent' : 'text-fg hover:bg-surface-3'}`
                }
              >
                {item.icon}
                {item.label}
              </NavLink>
            </li>
          ))}
          {pages.length === 0 && searches.length === 0 && <li className="px-2 text-sm text-muted">No match</li>}
        </ul>
      </nav>
      {searches.length > 0 && (
        <ul aria-label="Search resources" className="flex flex-col gap-0.5 border-t border-border pt-2">
          {searches.map((s) => (
            <li key={s.href}>
              <button
                type="button"
                onClick={() => onGo(s.href)}
                className="flex w-full items-center gap-2 rounded-md px-2 py-1.5 text-left text-sm text-fg hover:bg-surface-3"
              >
                <Search aria-hidden="true" className="size-4 shrink-0 text-subtle" />
                <span className="min-w-0 break-words">{s.label}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
