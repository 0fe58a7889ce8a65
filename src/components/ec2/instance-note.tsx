import { CircleAlert, Clock, Info, LoaderCircle } from 'lucide-react';

export interface InstanceNoteProps {
  /** waiting: a waiter polls it; error: EC2 refused or failed; gave-up: the waiter stopped; info: done. */
  kind: 'waiting' | 'error' | 'gave-up' | 'info';
  message: string;
  /** One line, truncated, with the whole text on hover (table rows). */
  isCompact?: boolean;
}

const STYLE = {
  waiting: { Icon: LoaderCircle, className: 'text-muted', spin: true },
  error: { Icon: CircleAlert, className: 'text-danger', spin: false },
  'gave-up': { Icon: Clock, className: 'text-warning', spin: false },
  info: { Icon: Info, className: 'text-info', spin: false },
} as const;

/** What happened to an instance beside it: EC2's refusal, a waiter at work or one that gave up. */
export function InstanceNote({ kind, message, isCompact = false }: InstanceNoteProps) {
  const { Icon, className, spin } = STYLE[kind];
  return (
    <span
      role={kind === 'error' ? 'alert' : 'status'}
      title={isCompact ? message : undefined}
      className={`inline-flex max-w-full min-w-0 items-start gap-1 text-xs ${className}`}
    >
      <Icon aria-hidden className={`mt-px size-3.5 shrink-0 ${spin ? 'motion-safe:animate-spin' : ''}`} />
      <span className={isCompact ? 'truncate' : 'break-words'}>{message}</span>
    </span>
  );
}
