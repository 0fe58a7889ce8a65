import { NavLink } from 'react-router';
import type { Ref } from 'react';

export interface NavItem {
  label: string;
  href: string;
}

export interface SidebarNavProps {
  items: NavItem[];
  query: string;
  onQueryChange: (q: string) => void;
  /** Enter in the search box: go to the first match. */
  onSubmit: (item: NavItem) => void;
  searchRef?: Ref<HTMLInputElement>;
}

export function SidebarNav({ items, query, onQueryChange, onSubmit, searchRef }: SidebarNavProps) {
  const q = query.trim().toLowerCase();
  const shown = q ? items.filter((i) => i.label.toLowerCase().includes(q)) : items;
  return (
    <aside className="flex w-56 shrink-0 flex-col gap-3 border-r border-slate-200 p-3 dark:border-slate-800">
      <form
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          const first = shown[0];
          if (first) onSubmit(first);
        }}
      >
        <input
          ref={searchRef}
          type="search"
          aria-label="Search"
          placeholder="Search  ( / )"
          value={query}
          onChange={(e) => onQueryChange(e.target.value)}
          className="w-full rounded border border-slate-300 bg-transparent px-2 py-1 text-sm dark:border-slate-700"
        />
      </form>
      <nav aria-label="Main">
        <ul className="flex flex-col gap-1">
          {shown.map((item) => (
            <li key={item.href}>
              <NavLink
                to={item.href}
                className={({ isActive }) =>
                  `block rounded px-2 py-1 text-sm ${isActive ? 'bg-slate-200 font-semibold dark:bg-slate-800' : 'hover:bg-slate-100 dark:hover:bg-slate-900'}`
                }
              >
                {item.label}
              </NavLink>
            </li>
          ))}
          {shown.length === 0 && <li className="px-2 text-sm text-slate-500 dark:text-slate-400">No match</li>}
        </ul>
      </nav>
    </aside>
  );
}
