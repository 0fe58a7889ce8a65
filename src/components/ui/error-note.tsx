import type { ReactNode } from 'react';

/**
 * Why an action failed, beside the form or control that made it ("Could not create the queue: …"):
 * announced when it appears, and it stays until the next attempt.
 */
export function ErrorNote({ children }: { children: ReactNode }) {
  return (
    <div role="alert" className="rounded-md border border-danger bg-danger-soft px-3 py-2 text-sm text-danger">
      {children}
    </div>
  );
}
