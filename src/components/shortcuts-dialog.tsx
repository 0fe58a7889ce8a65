import { Button } from './ui/button';
import { Dialog } from './ui/dialog';

export interface Shortcut {
  keys: string;
  description: string;
}

export interface ShortcutsDialogProps {
  isOpen: boolean;
  onOpenChange: (open: boolean) => void;
  shortcuts: Shortcut[];
}

/** The "?" list of keyboard shortcuts. */
export function ShortcutsDialog({ isOpen, onOpenChange, shortcuts }: ShortcutsDialogProps) {
  return (
    <Dialog
      open={isOpen}
      onOpenChange={onOpenChange}
      title="Keyboard shortcuts"
      description="Shortcuts work anywhere outside a text field."
      size="sm"
      footer={
        <Button variant="secondary" onClick={() => onOpenChange(false)}>
          Close
        </Button>
      }
    >
      <dl className="grid grid-cols-[auto_1fr] items-center gap-x-4 gap-y-2 text-sm">
        {shortcuts.map((s) => (
          <div key={s.keys} className="contents">
            <dt>
              <kbd className="inline-block min-w-6 rounded border border-border-strong bg-surface-2 px-1.5 text-center font-mono text-xs">
                {s.keys}
              </kbd>
            </dt>
            <dd>{s.description}</dd>
          </div>
        ))}
      </dl>
    </Dialog>
  );
}
