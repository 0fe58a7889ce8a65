import type { ReactNode } from 'react';

export interface PageHeaderProps {
  title: ReactNode;
  /** Shown after the title in a muted span: "Buckets (3)", "Objects (1,000+)". */
  count?: string;
  description?: ReactNode;
  /** The primary action and the Actions menu; right-aligned, wrapping under the title when narrow. */
  actions?: ReactNode;
  icon?: ReactNode;
}

/** A page's h1 with its counter, one-line description and actions. */
export function PageHeader({ title, count, description, actions, icon }: PageHeaderProps) {
  return (
    <header className="flex flex-wrap items-start justify-between gap-x-6 gap-y-3">
      <div className="flex min-w-0 flex-1 basis-64 flex-col gap-1">
        <h1 className="flex items-center gap-2 text-xl font-semibold">
          {icon && (
            <span aria-hidden className="flex shrink-0 text-subtle [&_svg]:size-5">
              {icon}
            </span>
          )}
          <span className="min-w-0 break-words">
            {title}
            {count !== undefined && <span className="ml-1.5 font-normal text-muted tabular-nums">({count})</span>}
          </span>
        </h1>
        {description && <p className="text-sm text-muted">{description}</p>}
      </div>
      {actions && <div className="flex flex-wrap items-center gap-2">{actions}</div>}
    </header>
  );
}
