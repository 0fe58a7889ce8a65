// The button's looks and blocking, without its tooltip: Radix Tooltip (with Floating UI, ~15 KB gzip) stays
// out of the entry chunk, where the route error view needs a button but never a disabled reason.
import { LoaderCircle } from 'lucide-react';
import {
  type ComponentPropsWithRef,
  type KeyboardEvent,
  type MouseEvent,
  type PointerEvent,
  type ReactNode,
} from 'react';

export type ButtonVariant = 'primary' | 'secondary' | 'ghost' | 'danger';
export type ButtonSize = 'sm' | 'md';

export interface ButtonProps extends ComponentPropsWithRef<'button'> {
  variant?: ButtonVariant;
  size?: ButtonSize;
  /** Shows a spinner in place of the content (same width) and ignores clicks. */
  isLoading?: boolean;
  /**
   * Why the action is unavailable ("needs ec2:StopInstances"). The button stays focusable
   * (aria-disabled), ignores activation, and the reason is its tooltip and its accessible description.
   */
  disabledReason?: string;
  icon?: ReactNode;
}

const BASE =
  'relative inline-flex shrink-0 items-center justify-center rounded-md font-medium whitespace-nowrap transition-colors select-none';

export const SIZES: Record<ButtonSize, string> = {
  sm: 'h-7 gap-1 px-2.5 text-xs [&_svg]:size-3.5',
  md: 'h-9 gap-1.5 px-3.5 text-sm [&_svg]:size-4',
};

export const ICON_SIZES: Record<ButtonSize, string> = {
  sm: 'size-7 text-xs [&_svg]:size-3.5',
  md: 'size-9 text-sm [&_svg]:size-4',
};

const VARIANTS: Record<ButtonVariant, { idle: string; hover: string }> = {
  primary: { idle: 'bg-accent text-accent-fg', hover: 'hover:bg-accent-hover' },
  secondary: { idle: 'border border-border-strong bg-surface text-fg', hover: 'hover:bg-surface-3' },
  ghost: { idle: 'text-fg', hover: 'hover:bg-surface-3' },
  // Text in the surface colour stays readable on the solid danger fill in light and dark.
  danger: { idle: 'bg-danger text-surface', hover: 'hover:bg-danger-hover' },
};

export interface ButtonBaseProps extends ButtonProps {
  shape: string;
}

export function ButtonBase({
  ref,
  variant = 'secondary',
  isLoading = false,
  disabledReason,
  disabled,
  icon,
  shape,
  className,
  children,
  type = 'button',
  onClick,
  onPointerDown,
  onKeyDown,
  ...rest
}: ButtonBaseProps) {
  const isBlocked = Boolean(disabledReason) || isLoading;
  const isDimmed = Boolean(disabledReason) || Boolean(disabled);
  const v = VARIANTS[variant];
  const classes = [
    BASE,
    shape,
    v.idle,
    isDimmed ? 'cursor-not-allowed opacity-50' : isLoading ? 'cursor-progress' : v.hover,
    className,
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <button
      ref={ref}
      type={type}
      disabled={disabled && !disabledReason}
      aria-disabled={disabledReason ? true : undefined}
      aria-busy={isLoading || undefined}
      className={classes}
      // Blocked buttons stay focusable (so the reason can be heard) but never act, not even as a
      // Radix trigger (which opens on pointerdown or Enter).
      onClick={(e: MouseEvent<HTMLButtonElement>) => {
        if (isBlocked) {
          e.preventDefault();
          e.stopPropagation();
          return;
        }
        onClick?.(e);
      }}
      onPointerDown={(e: PointerEvent<HTMLButtonElement>) => {
        if (isBlocked) return;
        onPointerDown?.(e);
      }}
      onKeyDown={(e: KeyboardEvent<HTMLButtonElement>) => {
        if (isBlocked && (e.key === 'Enter' || e.key === ' ')) {
          e.preventDefault();
          return;
        }
        onKeyDown?.(e);
      }}
      {...rest}
    >
      <span className={`inline-flex items-center gap-[inherit] ${isLoading ? 'invisible' : ''}`}>
        {icon}
        {children}
      </span>
      {isLoading && (
        <span className="absolute inset-0 flex items-center justify-center">
          <LoaderCircle aria-hidden className="motion-safe:animate-spin" />
        </span>
      )}
    </button>
  );
}

/** A button that never has a disabled reason (so no tooltip): for the entry chunk's error views. */
export function PlainButton({ size = 'md', ...props }: Omit<ButtonProps, 'disabledReason'>) {
  return <ButtonBase {...props} shape={SIZES[size]} />;
}
