import { useId, type ReactNode } from 'react';
import { ButtonBase, ICON_SIZES, SIZES, type ButtonProps } from './button-base';
import { Tooltip } from './tooltip';

export type { ButtonProps, ButtonSize, ButtonVariant } from './button-base';

/** The reason as a description that exists whether or not the tooltip is open. */
function useReason(reason: string | undefined, describedBy: string | undefined) {
  const id = useId();
  const reasonId = reason ? `${id}-reason` : undefined;
  const ariaDescribedBy = [describedBy, reasonId].filter(Boolean).join(' ') || undefined;
  const node = reason ? (
    <span id={reasonId} className="sr-only">
      {reason}
    </span>
  ) : null;
  return { ariaDescribedBy, node };
}

/** The one button of the console: variants, sizes, loading, and disabled-with-a-reason. */
export function Button({ size = 'md', disabledReason, 'aria-describedby': describedBy, ...props }: ButtonProps) {
  const reason = useReason(disabledReason, describedBy);
  const button = (
    <ButtonBase
      {...props}
      disabledReason={disabledReason}
      aria-describedby={reason.ariaDescribedBy}
      shape={SIZES[size]}
    />
  );
  return (
    <>
      <Tooltip content={disabledReason}>{button}</Tooltip>
      {reason.node}
    </>
  );
}

export interface IconButtonProps extends Omit<ButtonProps, 'aria-label'> {
  /** The accessible name, also shown as the tooltip. */
  label: string;
  /** Tooltip text when it should differ from the label (e.g. "Copied"). */
  tooltip?: ReactNode;
}

/** A square button showing only an icon; its label is its accessible name and tooltip. */
export function IconButton({
  label,
  tooltip,
  icon,
  children,
  size = 'md',
  variant = 'ghost',
  disabledReason,
  'aria-describedby': describedBy,
  ...props
}: IconButtonProps) {
  const reason = useReason(disabledReason, describedBy);
  return (
    <>
      <Tooltip content={disabledReason ? `${label}: ${disabledReason}` : (tooltip ?? label)}>
        <ButtonBase
          {...props}
          variant={variant}
          aria-label={label}
          disabledReason={disabledReason}
          aria-describedby={reason.ariaDescribedBy}
          shape={ICON_SIZES[size]}
          icon={icon ?? children}
        />
      </Tooltip>
      {reason.node}
    </>
  );
}
