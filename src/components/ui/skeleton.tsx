import { LoaderCircle } from 'lucide-react';

export interface SkeletonProps {
  /** Size and shape, e.g. "h-4 w-32". */
  className?: string;
}

/** A placeholder in the shape of content that is loading; hidden from screen readers. */
export function Skeleton({ className }: SkeletonProps) {
  return (
    <span aria-hidden className={`block rounded bg-surface-3 motion-safe:animate-pulse ${className ?? 'h-4 w-full'}`} />
  );
}

export type SpinnerSize = 'sm' | 'md' | 'lg';

export interface SpinnerProps {
  /** Announced to screen readers; shown beside the spinner when isLabelVisible. */
  label?: string;
  size?: SpinnerSize;
  isLabelVisible?: boolean;
}

const SIZES: Record<SpinnerSize, string> = { sm: 'size-4', md: 'size-5', lg: 'size-8' };

/** For short waits where the content's shape is unknown; prefer Skeleton where it is known. */
export function Spinner({ label = 'Loading…', size = 'md', isLabelVisible = false }: SpinnerProps) {
  return (
    <span role="status" className="inline-flex items-center gap-2 text-muted">
      <LoaderCircle aria-hidden className={`${SIZES[size]} motion-safe:animate-spin`} />
      <span className={isLabelVisible ? 'text-sm' : 'sr-only'}>{label}</span>
    </span>
  );
}
