import { RefreshCw, TriangleAlert } from 'lucide-react';
import type { ReactNode } from 'react';
import { PlainButton } from './ui/button-base';

export interface RouteErrorViewProps {
  title: string;
  message: ReactNode;
  /** The technical detail, folded away. */
  detail?: string;
  /** "Reload the console": a new version was deployed and this part of the old one is gone. */
  onReload?: () => void;
  /** Render the page again (a transient failure). */
  onRetry?: () => void;
  homeLink?: ReactNode;
}

/** A page that failed (crashed, or its code could not load), shown inside the shell with a way on. */
export function RouteErrorView({ title, message, detail, onReload, onRetry, homeLink }: RouteErrorViewProps) {
  return (
    <section role="alert" className="flex max-w-2xl flex-col gap-3 rounded-lg border border-border bg-surface p-6">
      <h1 className="flex items-center gap-2 text-xl font-semibold">
        <TriangleAlert aria-hidden="true" className="size-5 text-danger" />
        {title}
      </h1>
      <p className="text-muted">{message}</p>
      {detail && (
        <details className="text-xs text-muted">
          <summary className="cursor-pointer">Technical details</summary>
          <pre className="mt-2 overflow-auto rounded bg-surface-2 p-2 font-mono whitespace-pre-wrap">{detail}</pre>
        </details>
      )}
      <div className="flex flex-wrap items-center gap-3">
        {onReload && (
          <PlainButton variant="primary" icon={<RefreshCw aria-hidden="true" />} onClick={onReload}>
            Reload the console
          </PlainButton>
        )}
        {onRetry && <PlainButton onClick={onRetry}>Try again</PlainButton>}
        {homeLink}
      </div>
    </section>
  );
}
