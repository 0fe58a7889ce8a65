export interface Toast {
  id: number;
  message: string;
  tone: 'info' | 'error' | 'success';
}

export interface ToasterProps {
  toasts: Toast[];
  onDismiss: (id: number) => void;
}

const TONES: Record<Toast['tone'], string> = {
  info: 'border-slate-300 dark:border-slate-600',
  success: 'border-emerald-500',
  error: 'border-red-500',
};

/** A live region: screen readers announce each toast; each can be dismissed. */
export function Toaster({ toasts, onDismiss }: ToasterProps) {
  return (
    <section aria-label="Notifications" className="fixed right-4 bottom-4 z-50 flex w-80 flex-col gap-2">
      {toasts.map((t) => (
        <div
          key={t.id}
          role="status"
          className={`flex items-start gap-2 rounded-md border-l-4 bg-white p-3 text-sm shadow-lg dark:bg-slate-800 ${TONES[t.tone]}`}
        >
          <p className="flex-1">{t.message}</p>
          <button
            type="button"
            onClick={() => onDismiss(t.id)}
            aria-label="Dismiss notification"
            className="rounded px-1 text-slate-500 hover:bg-slate-100 dark:hover:bg-slate-700"
          >
            ×
          </button>
        </div>
      ))}
    </section>
  );
}
