import * as RadixDialog from '@radix-ui/react-dialog';
import { X } from 'lucide-react';
import type { ReactNode, RefObject } from 'react';
import { Button } from './button';

export type DialogSize = 'sm' | 'md' | 'lg' | 'xl';

export interface DialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: ReactNode;
  description?: ReactNode;
  children?: ReactNode;
  /** Buttons, right-aligned under the body; they stay visible while the body scrolls. */
  footer?: ReactNode;
  size?: DialogSize;
  /** Element to focus on open instead of the first focusable one. */
  initialFocusRef?: RefObject<HTMLElement | null>;
}

const SIZES: Record<DialogSize, string> = {
  sm: 'max-w-sm',
  md: 'max-w-lg',
  lg: 'max-w-2xl',
  xl: 'max-w-4xl',
};

/**
 * A modal dialog: traps focus and returns it to the trigger, Escape and the x close it. It never
 * exceeds the viewport (390 px phones included); a long body scrolls inside it.
 */
export function Dialog({
  open,
  onOpenChange,
  title,
  description,
  children,
  footer,
  size = 'md',
  initialFocusRef,
}: DialogProps) {
  return (
    <RadixDialog.Root open={open} onOpenChange={onOpenChange}>
      <RadixDialog.Portal>
        <RadixDialog.Overlay className="fixed inset-0 z-50 bg-overlay" />
        <RadixDialog.Content
          // Without a description, tell Radix there is none rather than point at nothing.
          {...(description ? {} : { 'aria-describedby': undefined })}
          onOpenAutoFocus={(e) => {
            if (initialFocusRef?.current) {
              e.preventDefault();
              initialFocusRef.current.focus();
            }
          }}
          className={`fixed top-1/2 left-1/2 z-50 flex max-h-[calc(100dvh-2rem)] w-[calc(100vw-2rem)] -translate-x-1/2 -translate-y-1/2 flex-col rounded-lg border border-border bg-surface text-fg shadow-xl ${SIZES[size]}`}
        >
          <div className="flex items-start gap-3 px-5 pt-4 pb-3">
            <div className="min-w-0 flex-1">
              <RadixDialog.Title className="text-base font-semibold break-words">{title}</RadixDialog.Title>
              {description && (
                <RadixDialog.Description className="mt-1 text-sm text-muted">{description}</RadixDialog.Description>
              )}
            </div>
            <RadixDialog.Close
              aria-label="Close"
              className="-mt-1 -mr-2 inline-flex size-8 shrink-0 items-center justify-center rounded-md text-muted hover:bg-surface-3 hover:text-fg"
            >
              <X aria-hidden className="size-4" />
            </RadixDialog.Close>
          </div>
          {children !== undefined && children !== null && (
            <div className="min-h-0 flex-1 overflow-y-auto px-5 pb-4">{children}</div>
          )}
          {footer && (
            <div className="flex flex-wrap items-center justify-end gap-2 border-t border-border px-5 py-3">
              {footer}
            </div>
          )}
        </RadixDialog.Content>
      </RadixDialog.Portal>
    </RadixDialog.Root>
  );
}

export interface FormDialogFooterProps {
  /** The id of the dialog's <form>: the submit button sits in the footer, outside it. */
  formId: string;
  submitLabel: ReactNode;
  onCancel: () => void;
  /** "Cancel" for a dialog that creates something, "Close" for one that only shows a result. */
  cancelLabel?: string;
  isPending?: boolean;
  /** Why submitting is not allowed (a denied action), as the button's reason. */
  disabledReason?: string | undefined;
}

/** The footer of every form dialog: a way out, then the primary submit for the form above. */
export function FormDialogFooter({
  formId,
  submitLabel,
  onCancel,
  cancelLabel = 'Cancel',
  isPending = false,
  disabledReason,
}: FormDialogFooterProps) {
  return (
    <>
      <Button variant="secondary" onClick={onCancel}>
        {cancelLabel}
      </Button>
      <Button
        type="submit"
        form={formId}
        variant="primary"
        isLoading={isPending}
        {...(disabledReason ? { disabledReason } : {})}
      >
        {submitLabel}
      </Button>
    </>
  );
}
