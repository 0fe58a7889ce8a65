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
  return (
    <div
      role="alert"
      className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100"
    >
      <p className="font-semibold">{isForbidden ? 'Access denied' : titleOf(kind)}</p>
      {isForbidden && !action ? (
        <p className="break-words">{message}</p>
      ) : isForbidden ? (
        <p>
          You are not allowed to call <code className="font-mono">{action ?? 'this action'}</code>
          {' on '}
          <code className="font-mono break-all">{resource ?? 'this resource'}</code>.
        </p>
      ) : (
        <p className="break-words">{message}</p>
      )}
      {hint && <p className="mt-1">{hint}</p>}
      {onRetry && !isForbidden && (
        <button
          type="button"
          onClick={onRetry}
          className="mt-2 rounded border border-red-400 px-2 py-1 font-medium hover:bg-red-100 dark:hover:bg-red-900"
        >
          Retry
        </button>
      )}
    </div>
  );
}

function titleOf(kind: string): string {
  switch (kind) {
    case 'network':
      return 'Network error';
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
