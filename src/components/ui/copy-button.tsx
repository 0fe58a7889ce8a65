import { Check, Copy } from 'lucide-react';
import { useEffect, useState } from 'react';
import { IconButton, type ButtonSize } from './button';

export interface CopyButtonProps {
  value: string;
  /** What is copied, for the name "Copy <label>" ("Copy instance ID"). */
  label: string;
  size?: ButtonSize;
}

/** Copies with the Clipboard API, or a hidden textarea where that is unavailable (plain http). */
async function copyText(text: string): Promise<void> {
  if (typeof navigator !== 'undefined' && navigator.clipboard && window.isSecureContext) {
    try {
      await navigator.clipboard.writeText(text);
      return;
    } catch {
      // Permission refused or document not focused: try the old way below.
    }
  }
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  document.body.appendChild(area);
  area.focus();
  area.select();
  try {
    if (!document.execCommand('copy')) throw new Error('Copy was refused');
  } finally {
    area.remove();
    previous?.focus(); // keep the keyboard user on the button
  }
}

const FEEDBACK_MS = 1500;

/** A small "Copy <label>" button; "Copied" appears beside it and is announced. */
export function CopyButton({ value, label, size = 'sm' }: CopyButtonProps) {
  const [result, setResult] = useState<'copied' | 'failed' | undefined>();

  useEffect(() => {
    if (!result) return;
    const t = setTimeout(() => setResult(undefined), FEEDBACK_MS);
    return () => clearTimeout(t);
  }, [result]);

  const message = result === 'copied' ? 'Copied' : result === 'failed' ? 'Copy failed' : '';
  return (
    <span className="relative inline-flex">
      <IconButton
        label={`Copy ${label}`}
        size={size}
        icon={result === 'copied' ? <Check aria-hidden className="text-success" /> : <Copy aria-hidden />}
        onClick={() => {
          copyText(value).then(
            () => setResult('copied'),
            () => setResult('failed'),
          );
        }}
      />
      <span
        aria-live="polite"
        className={
          message
            ? 'pointer-events-none absolute bottom-full left-1/2 z-10 mb-1 -translate-x-1/2 rounded bg-fg px-1.5 py-0.5 text-xs whitespace-nowrap text-surface'
            : 'sr-only'
        }
      >
        {message}
      </span>
    </span>
  );
}
