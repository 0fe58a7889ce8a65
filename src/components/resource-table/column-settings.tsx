import * as Popover from '@radix-ui/react-popover';
import { ArrowDown, ArrowUp, Settings2 } from 'lucide-react';
import { useId } from 'react';
import { Button, IconButton } from '../ui/button';
import { Checkbox } from '../ui/field';

export interface ColumnSettingsItem {
  id: string;
  label: string;
  isVisible: boolean;
  canHide: boolean;
}

export interface ColumnSettingsProps {
  /** The table's name, so the panel says which table it sets ("Objects columns"). */
  tableLabel: string;
  /** The movable columns in display order (pinned ones are not listed: they always come first). */
  items: ColumnSettingsItem[];
  onVisibleChange: (id: string, isVisible: boolean) => void;
  onMove: (id: string, delta: -1 | 1) => void;
  onReset: () => void;
  isCustomised: boolean;
}

/** The "Table settings" button and its panel: show or hide columns and move them up or down. */
export function ColumnSettings({
  tableLabel,
  items,
  onVisibleChange,
  onMove,
  onReset,
  isCustomised,
}: ColumnSettingsProps) {
  const titleId = useId();
  const visibleCount = items.filter((i) => i.isVisible).length;
  return (
    <Popover.Root>
      <Popover.Trigger asChild>
        <IconButton label="Table settings" size="sm" icon={<Settings2 aria-hidden />} />
      </Popover.Trigger>
      <Popover.Portal>
        <Popover.Content
          align="end"
          sideOffset={4}
          collisionPadding={8}
          aria-labelledby={titleId}
          className="z-50 w-72 max-w-[calc(100vw-1rem)] rounded-md border border-border bg-surface p-3 text-sm text-fg shadow-lg"
        >
          <h2 id={titleId} className="mb-2 text-xs font-semibold text-muted">
            {tableLabel} columns
          </h2>
          <ul className="max-h-[min(60vh,24rem)] overflow-y-auto">
            {items.map((item, index) => {
              const isLastVisible = item.isVisible && visibleCount === 1;
              return (
                <li key={item.id} className="flex h-9 items-center gap-1">
                  <Checkbox
                    className="min-w-0 flex-1 items-center [&_label]:truncate"
                    label={item.label}
                    checked={item.isVisible}
                    // The last visible column stays, so the table never shows its key column alone by accident.
                    disabled={!item.canHide || isLastVisible}
                    onChange={(isVisible) => onVisibleChange(item.id, isVisible)}
                  />
                  <IconButton
                    label={`Move ${item.label} up`}
                    size="sm"
                    icon={<ArrowUp aria-hidden />}
                    disabled={index === 0}
                    onClick={() => onMove(item.id, -1)}
                  />
                  <IconButton
                    label={`Move ${item.label} down`}
                    size="sm"
                    icon={<ArrowDown aria-hidden />}
                    disabled={index === items.length - 1}
                    onClick={() => onMove(item.id, 1)}
                  />
                </li>
              );
            })}
          </ul>
          <div className="mt-2 flex justify-end border-t border-border pt-2">
            <Button size="sm" variant="ghost" disabled={!isCustomised} onClick={onReset}>
              Reset to defaults
            </Button>
          </div>
        </Popover.Content>
      </Popover.Portal>
    </Popover.Root>
  );
}
