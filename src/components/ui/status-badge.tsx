import { CircleCheck, CircleMinus, CircleX, Info, LoaderCircle, type LucideIcon } from 'lucide-react';

export type StatusTone = 'success' | 'warning' | 'neutral' | 'danger' | 'info';

export interface StatusBadgeProps {
  /** The resource's state as AWS names it ("running", "ACTIVE", "shutting-down"). */
  status: string;
  /** Overrides the tone derived from the status word. */
  tone?: StatusTone;
  /** Overrides the shown word (default: the status, humanised). */
  label?: string;
}

const TONE_OF: Record<string, StatusTone> = {};
const WORDS: Record<StatusTone, string[]> = {
  success: ['running', 'active', 'available', 'succeeded', 'completed', 'ok', 'in-use'],
  warning: [
    'pending',
    'stopping',
    'starting',
    'creating',
    'updating',
    'in-progress',
    'running-task',
    'shutting-down',
    'rebooting',
    'deleting',
  ],
  neutral: ['stopped', 'inactive', 'disabled', 'cancelled'],
  danger: ['terminated', 'failed', 'error', 'impaired'],
  info: [],
};
for (const [tone, words] of Object.entries(WORDS) as [StatusTone, string[]][]) {
  for (const w of words) TONE_OF[w] = tone;
}

const STYLE: Record<StatusTone, { className: string; Icon: LucideIcon; isBusy?: boolean }> = {
  success: { className: 'bg-success-soft text-success', Icon: CircleCheck },
  warning: { className: 'bg-warning-soft text-warning', Icon: LoaderCircle, isBusy: true },
  neutral: { className: 'bg-neutral-soft text-neutral', Icon: CircleMinus },
  danger: { className: 'bg-danger-soft text-danger', Icon: CircleX },
  info: { className: 'bg-info-soft text-info', Icon: Info },
};

function normalise(status: string): string {
  return status
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, '-');
}

/** The tone a status word gets by default: running → success, pending → warning, and so on. */
export function toneOfStatus(status: string): StatusTone {
  return TONE_OF[normalise(status)] ?? 'info';
}

/** "shutting-down" → "Shutting down", "ACTIVE" → "Active". */
export function humaniseStatus(status: string): string {
  const words = status
    .trim()
    .toLowerCase()
    .replace(/[-_\s]+/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** A state as icon and word, never colour alone. */
export function StatusBadge({ status, tone, label }: StatusBadgeProps) {
  const t = tone ?? toneOfStatus(status);
  const { className, Icon, isBusy } = STYLE[t];
  return (
    <span
      data-tone={t}
      className={`inline-flex max-w-full items-center gap-1 rounded-full px-2 py-0.5 text-xs font-medium whitespace-nowrap ${className}`}
    >
      <Icon aria-hidden className={`size-3.5 shrink-0 ${isBusy ? 'motion-safe:animate-spin' : ''}`} />
      <span className="truncate">{label ?? humaniseStatus(status)}</span>
    </span>
  );
}
