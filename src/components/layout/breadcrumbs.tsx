import { Link } from 'react-router';
import { ChevronRight } from 'lucide-react';

export interface BreadcrumbItem {
  label: string;
  href?: string;
}

export interface BreadcrumbsProps {
  crumbs: BreadcrumbItem[];
}

/** "Console › Buckets › my-bucket › photos/ › 2024/": each level links back; long names wrap. */
export function Breadcrumbs({ crumbs }: BreadcrumbsProps) {
  return (
    <nav aria-label="Breadcrumb" className="min-w-0 text-sm text-muted">
      <ol className="flex flex-wrap items-center gap-1">
        {crumbs.map((c, i) => {
          const isLast = i === crumbs.length - 1;
          return (
            <li key={`${c.label}-${i}`} className="flex min-w-0 items-center gap-1">
              {c.href && !isLast ? (
                <Link to={c.href} className="break-all hover:text-fg hover:underline">
                  {c.label}
                </Link>
              ) : (
                <span aria-current={isLast ? 'page' : undefined} className="break-all text-fg">
                  {c.label}
                </span>
              )}
              {!isLast && <ChevronRight aria-hidden="true" className="size-3.5 shrink-0 text-subtle" />}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
