import * as RadixMenu from '@radix-ui/react-dropdown-menu';
import { ChevronDown } from 'lucide-react';
import { Fragment, type ReactNode } from 'react';
import { Button, type ButtonSize, type ButtonVariant } from './button';

export interface ActionsMenuItem {
  label: string;
  onSelect: () => void;
  icon?: ReactNode;
  /** Why the item is unavailable; it stays reachable so the reason can be read and heard. */
  disabledReason?: string;
  isDestructive?: boolean;
  /** Draw a separator above this item (destructive items go last, separated). */
  separatorBefore?: boolean;
}

export interface ActionsMenuProps {
  label?: string;
  items: ActionsMenuItem[];
  triggerVariant?: ButtonVariant;
  triggerSize?: ButtonSize;
  align?: 'start' | 'center' | 'end';
  /** Disables the whole menu with a reason (e.g. "Select one or more objects"). */
  disabledReason?: string;
}

/** The "Actions" dropdown beside a page's primary action. */
export function ActionsMenu({
  label = 'Actions',
  items,
  triggerVariant = 'secondary',
  triggerSize = 'md',
  align = 'end',
  disabledReason,
}: ActionsMenuProps) {
  const trigger = (
    <Button variant={triggerVariant} size={triggerSize} disabledReason={disabledReason}>
      {label}
      <ChevronDown aria-hidden />
    </Button>
  );
  if (disabledReason) return trigger;
  return (
    <RadixMenu.Root modal={false}>
      <RadixMenu.Trigger asChild>{trigger}</RadixMenu.Trigger>
      <RadixMenu.Portal>
        <RadixMenu.Content
          align={align}
          sideOffset={4}
          collisionPadding={8}
          className="z-50 max-w-[calc(100vw-1rem)] min-w-48 rounded-md border border-border bg-surface p-1 text-fg shadow-lg"
        >
          {items.map((item) => (
            <Fragment key={item.label}>
              {item.separatorBefore && <RadixMenu.Separator className="my-1 h-px bg-border" />}
              <RadixMenu.Item
                aria-disabled={item.disabledReason ? true : undefined}
                onSelect={(e) => {
                  if (item.disabledReason) {
                    e.preventDefault();
                    return;
                  }
                  item.onSelect();
                }}
                className={`flex cursor-default items-start gap-2 rounded px-2 py-1.5 text-sm outline-none select-none data-[highlighted]:bg-surface-3 [&_svg]:mt-0.5 [&_svg]:size-4 [&_svg]:shrink-0 ${
                  item.disabledReason ? 'text-muted' : item.isDestructive ? 'text-danger' : ''
                }`}
              >
                {item.icon}
                <span className="flex min-w-0 flex-col">
                  <span>{item.label}</span>
                  {item.disabledReason && <span className="text-xs text-muted">{item.disabledReason}</span>}
                </span>
              </RadixMenu.Item>
            </Fragment>
          ))}
        </RadixMenu.Content>
      </RadixMenu.Portal>
    </RadixMenu.Root>
  );
}
