import { Inbox } from 'lucide-react';
import type { ReactNode } from 'react';

export interface EmptyStateProps {
  icon?: ReactNode;
  /** What is missing ("No objects in photos/"). */
  title: ReactNode;
  /** Why, or what to do next. */
  description?: ReactNode;
  /** The primary action (Upload, Create). */
  action?: ReactNode;
}

/** Where data would be but there is none: what, why, and the way forward. */
export function EmptyState({ icon, title, description, action }: EmptyStateProps) {
  return (
    <div className="flex flex-col items-center gap-2 px-4 py-10 text-center">
      <span
        aria-hidden
        className="mb-1 flex size-10 items-center justify-center rounded-full bg-surface-2 text-subtle [&_svg]:size-5"
      >
        {icon ?? <Inbox />}
      </span>
      <p className="font-medium text-fg">{title}</p>
      {description && <p className="max-w-md text-sm text-muted">{description}</p>}
      {action && <div className="mt-2 flex flex-wrap justify-center gap-2">{action}</div>}
    </div>
  );
}
