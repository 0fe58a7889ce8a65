import type { ReactNode } from 'react';
import { Button } from './button';

export interface ErrorNoteProps {
  children: ReactNode;
  /** Offers Dismiss, for a failure that outlives the action that caused it (an upload, a delete). */
  onDismiss?: () => void;
}

/**
 * Why an action failed, beside the form or control that made it ("Could not create the queue: …"):
 * announced when it appears, and it stays until the next attempt (or until dismissed).
 */
export function ErrorNote({ children, onDismiss }: ErrorNoteProps) {
  return (
    <div
      role="alert"
      className="flex items-start gap-3 rounded-md border border-danger bg-danger-soft px-3 py-2 text-sm text-danger"
    >
      <div className="min-w-0 flex-1 break-words">{children}</div>
      {onDismiss && (
        <Button size="sm" variant="ghost" onClick={onDismiss}>
          Dismiss
        </Button>
      )}
    </div>
  );
}
