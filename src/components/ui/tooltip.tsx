import * as RadixTooltip from '@radix-ui/react-tooltip';
import type { ReactElement, ReactNode } from 'react';

export interface TooltipProps {
  content: ReactNode;
  /** One element that takes a ref and forwards event props (a button, a link). */
  children: ReactElement;
  side?: 'top' | 'right' | 'bottom' | 'left';
  delayDuration?: number;
}

/**
 * A short hint on hover and keyboard focus. It carries its own Provider so it works anywhere (a page,
 * a dialog, a test) without app wiring. Never put the only copy of essential text here.
 */
export function Tooltip({ content, children, side = 'top', delayDuration = 300 }: TooltipProps) {
  // The same tree with or without content, so a button whose tooltip comes and goes is not remounted
  // (which would drop its focus).
  const hasContent = content !== undefined && content !== null && content !== '' && content !== false;
  return (
    <RadixTooltip.Provider delayDuration={delayDuration}>
      <RadixTooltip.Root open={hasContent ? undefined : false}>
        <RadixTooltip.Trigger asChild>{children}</RadixTooltip.Trigger>
        {hasContent && (
          <RadixTooltip.Portal>
            <RadixTooltip.Content
              side={side}
              sideOffset={4}
              collisionPadding={8}
              className="z-[60] max-w-xs rounded bg-fg px-2 py-1 text-xs break-words text-surface shadow-md"
            >
              {content}
              <RadixTooltip.Arrow className="fill-fg" />
            </RadixTooltip.Content>
          </RadixTooltip.Portal>
        )}
      </RadixTooltip.Root>
    </RadixTooltip.Provider>
  );
}
