import { CircleAlert, CircleCheck, Info, X, type LucideIcon } from 'lucide-react';

export interface Toast {
  id: number;
  message: string;
  tone: 'info' | 'error' | 'success';
}

export interface ToasterProps {
  toasts: Toast[];
  onDismiss: (id: number) => void;
}

const TONES: Record<Toast['tone'], { border: string; icon: string; Icon: LucideIcon }> = {
  info: { border: 'border-l-info', icon: 'text-info', Icon: Info },
  success: { border: 'border-l-success', icon: 'text-success', Icon: CircleCheck },
  error: { border: 'border-l-danger', icon: 'text-danger', Icon: CircleAlert },
};

/** A live region: screen readers announce each toast; each can be dismissed. */
export function Toaster({ toasts, onDismiss }: ToasterProps) {
  return (
    <section
      aria-label="Notifications"
      className="pointer-events-none fixed top-16 right-4 left-4 z-50 flex flex-col items-end gap-2 sm:left-auto"
    >
      {toasts.map((t) => {
        const { border, icon, Icon } = TONES[t.tone];
        return (
          <div
            key={t.id}
            role="status"
            className={`pointer-events-auto flex w-full max-w-sm items-start gap-2 rounded-md border border-l-4 border-border bg-surface p-3 text-sm text-fg shadow-lg ${border}`}
          >
            <Icon aria-hidden className={`mt-0.5 size-4 shrink-0 ${icon}`} />
            <p className="min-w-0 flex-1 break-words">{t.message}</p>
            <button
              type="button"
              onClick={() => onDismiss(t.id)}
              aria-label="Dismiss notification"
              className="-m-1 inline-flex size-6 shrink-0 items-center justify-center rounded text-muted hover:bg-surface-3 hover:text-fg"
            >
              <X aria-hidden className="size-4" />
            </button>
          </div>
        );
      })}
    </section>
  );
}
