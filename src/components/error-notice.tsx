import { CircleAlert, RotateCw, ShieldAlert } from 'lucide-react';
import { Button } from './ui/button';

export interface ErrorNoticeProps {
  kind: string;
  message: string;
  /** The denied IAM action and resource, for forbidden errors. */
  action?: string;
  resource?: string;
  /** Extra advice (e.g. the CORS fix for a network error). */
  hint?: string;
  onRetry?: () => void;
}

/** An error shown in place of the data it stopped, never a vanishing toast. */
export function ErrorNotice({ kind, message, action, resource, hint, onRetry }: ErrorNoticeProps) {
  const isForbidden = kind === 'forbidden';
  const Icon = isForbidden ? ShieldAlert : CircleAlert;
  return (
    <div role="alert" className="flex gap-2.5 rounded-md border border-danger/40 bg-danger-soft p-3 text-sm text-fg">
      <Icon aria-hidden className="mt-0.5 size-4 shrink-0 text-danger" />
      <div className="flex min-w-0 flex-1 flex-col gap-1">
        <p className="font-semibold text-danger">{isForbidden ? 'Access denied' : titleOf(kind)}</p>
        {isForbidden && action ? (
          <p>
            You are not allowed to call <code className="font-mono break-all">{action}</code>
            {' on '}
            <code className="font-mono break-all">{resource ?? 'this resource'}</code>.
          </p>
        ) : (
          <p className="break-words">{message}</p>
        )}
        {hint && <p className="text-muted">{hint}</p>}
        {onRetry && !isForbidden && (
          <div className="mt-1">
            <Button size="sm" variant="secondary" icon={<RotateCw aria-hidden />} onClick={onRetry}>
              Retry
            </Button>
          </div>
        )}
      </div>
    </div>
  );
}

function titleOf(kind: string): string {
  switch (kind) {
    case 'network':
      return 'Network error';
    case 'credentials':
      return 'No AWS credentials';
    case 'throttled':
      return 'Too many requests';
    case 'expired':
      return 'Session expired';
    case 'not-found':
      return 'Not found';
    case 'invalid':
      return 'Invalid request';
    case 'conflict':
      return 'Conflict';
    default:
      return 'Something went wrong';
  }
}
