import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { formatCountOf, pluralize } from '../format';
import { NameList } from '../name-list';
import { Button } from './button';
import { Dialog } from './dialog';
import { TextField } from './field';
import { ErrorNote } from './error-note';
import { ShowAsCodeButton } from '../code/show-as-code';
import type { CodeSnippets } from '../code/code-snippets';
import { useResetOnOpen } from '../use-reset-on-open';

export interface ConfirmDialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** The action, capitalised: 'Delete', 'Stop', 'Terminate', 'Purge'. */
  verb: string;
  noun: { one: string; other: string };
  /** What the action applies to; the first 10 are listed, then "and N more". */
  names: string[];
  /** Defaults to "Delete 3 objects?" or, for one, "Stop instance i-0abc?". */
  title?: string;
  /** What will happen, in a sentence ("The data cannot be recovered."). */
  consequence?: ReactNode;
  /** When set, the user must type exactly this to enable the confirm button (irreversible actions). */
  confirmText?: string;
  tone?: 'danger' | 'primary';
  /** Defaults to the verb ("Delete"), with the count when there are several ("Delete 3 objects"). */
  confirmLabel?: string;
  /**
   * Runs the action. When it returns a promise the button shows progress; on success the dialog closes,
   * on failure it stays open with the error (the `error` prop, or the rejection's message).
   */
  onConfirm: () => void | Promise<unknown>;
  /**
   * The write the dialog confirms (a `useAwsMutation` result): its pending state shows on the button and
   * its failure, a sentence naming the action and resource, inside the dialog, which stays open.
   */
  mutation?: ConfirmMutation;
  isPending?: boolean;
  /** A failure shown inside the dialog, which stays open. */
  error?: ReactNode;
  /** Extra options, e.g. a Force checkbox. */
  children?: ReactNode;
  /** The code that makes the same call(s), with the options as they are now ("Show as code"). */
  getCode?: () => CodeSnippets | undefined;
}

/** What the dialog needs of a mutation (structural, so components stay free of the AWS layer). */
export interface ConfirmMutation {
  isPending: boolean;
  failure: string | undefined;
  reset: () => void;
}

const MAX_NAMES = 10;

/**
 * Confirmation for consequential actions (what happens, to how many, which ones) and, with
 * `confirmText`, for irreversible ones (type the name to confirm).
 */
export function ConfirmDialog({
  open,
  onOpenChange,
  verb,
  noun,
  names,
  title,
  consequence,
  confirmText,
  tone = 'danger',
  confirmLabel,
  onConfirm,
  mutation,
  isPending = mutation?.isPending ?? false,
  error = mutation?.failure,
  children,
  getCode,
}: ConfirmDialogProps) {
  const [typed, setTyped] = useState('');
  const [isRunning, setRunning] = useState(false);
  const [failure, setFailure] = useState<string | undefined>();
  const inputRef = useRef<HTMLInputElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const formId = useId();

  // Each opening starts clean: nothing typed, no old error.
  useResetOnOpen(open, () => {
    setTyped('');
    setFailure(undefined);
  });
  // ...and no failure left from the mutation's last attempt (after render: it updates the page's hook).
  const reset = mutation?.reset;
  useEffect(() => {
    if (open) reset?.();
  }, [open, reset]);

  const count = names.length;
  const first = names[0];
  const heading =
    title ??
    (count === 1 && first !== undefined
      ? `${verb} ${noun.one} ${first}?`
      : `${verb} ${formatCountOf(count, noun.one, noun.other)}?`);
  const buttonLabel = confirmLabel ?? (count === 1 ? verb : `${verb} ${formatCountOf(count, noun.one, noun.other)}`);
  const isBusy = isPending || isRunning;
  const isConfirmed = confirmText === undefined || typed === confirmText;
  const shownError = error ?? failure;

  async function confirm(e?: FormEvent) {
    e?.preventDefault();
    if (isBusy || !isConfirmed) return;
    setFailure(undefined);
    const result = onConfirm();
    if (!(result instanceof Promise)) return;
    setRunning(true);
    try {
      await result;
      onOpenChange(false);
    } catch (err) {
      // A mutation's own failure (naming the action) shows through `error`.
      if (!mutation) setFailure(err instanceof Error ? err.message : String(err));
    } finally {
      setRunning(false);
    }
  }

  return (
    <Dialog
      open={open}
      onOpenChange={onOpenChange}
      title={heading}
      size="md"
      initialFocusRef={confirmText !== undefined ? inputRef : cancelRef}
      footer={
        <>
          {getCode && (
            <span className="mr-auto">
              <ShowAsCodeButton getSnippets={getCode} title={`${buttonLabel}: the same as code`} variant="ghost" />
            </span>
          )}
          <Button ref={cancelRef} variant="secondary" onClick={() => onOpenChange(false)}>
            Cancel
          </Button>
          <Button
            type="submit"
            form={formId}
            variant={tone === 'danger' ? 'danger' : 'primary'}
            isLoading={isBusy}
            disabledReason={isConfirmed ? undefined : `Type ${confirmText ?? ''} to confirm`}
          >
            {buttonLabel}
          </Button>
        </>
      }
    >
      <form id={formId} onSubmit={(e) => void confirm(e)} className="flex flex-col gap-3">
        {consequence && <div className="text-sm">{consequence}</div>}
        {(count > 1 || (title !== undefined && count > 0)) && (
          <NameList
            label={`${pluralize(count, noun.one, noun.other)} to ${verb.toLowerCase()}`}
            names={names}
            max={MAX_NAMES}
          />
        )}
        {children}
        {confirmText !== undefined && (
          <TextField
            ref={inputRef}
            label={
              <>
                Type <b className="font-mono font-semibold break-all">{confirmText}</b> to confirm
              </>
            }
            value={typed}
            onChange={setTyped}
            autoComplete="off"
            autoCapitalize="off"
            autoCorrect="off"
            spellCheck={false}
          />
        )}
        {shownError && <ErrorNote>{shownError}</ErrorNote>}
      </form>
    </Dialog>
  );
}
