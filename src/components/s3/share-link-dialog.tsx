import { useId, useState } from 'react';
import { formatDateTime, formatRelativeTime } from '../format';
import { CopyButton } from '../ui/copy-button';
import { Dialog, FormDialogFooter } from '../ui/dialog';
import { SelectField } from '../ui/field';
import { ErrorNote } from '../ui/error-note';

export const EXPIRY_CHOICES = [
  { seconds: 900, label: '15 minutes' },
  { seconds: 3600, label: '1 hour' },
  { seconds: 12 * 3600, label: '12 hours' },
  { seconds: 24 * 3600, label: '1 day' },
  { seconds: 7 * 24 * 3600, label: '7 days (the most S3 allows)' },
];

export interface GeneratedLink {
  url: string;
  expiresAt: Date;
  /** The session's credentials end before the chosen expiry, and the link with them. */
  isCutShort: boolean;
}

export interface ShareLinkDialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  name: string;
  onGenerate: (seconds: number) => Promise<GeneratedLink>;
}

/** A presigned GET link with a chosen expiry, showing when it really stops working. */
export function ShareLinkDialog({ open, onOpenChange, name, onGenerate }: ShareLinkDialogProps) {
  const formId = useId();
  const [seconds, setSeconds] = useState('3600');
  const [link, setLink] = useState<GeneratedLink | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [isPending, setPending] = useState(false);
  const chosen = EXPIRY_CHOICES.find((c) => String(c.seconds) === seconds);
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        if (!next) {
          setLink(undefined);
          setError(undefined);
        }
        onOpenChange(next);
      }}
      title={`Share link to ${name}`}
      description="Anyone with the link can download the object until it expires."
      size="lg"
      footer={
        <FormDialogFooter
          formId={formId}
          submitLabel={link ? 'Make a new link' : 'Create link'}
          onCancel={() => onOpenChange(false)}
          cancelLabel="Close"
          isPending={isPending}
        />
      }
    >
      <form
        id={formId}
        className="flex flex-col gap-4"
        onSubmit={(e) => {
          e.preventDefault();
          setPending(true);
          setError(undefined);
          onGenerate(Number(seconds))
            .then(setLink, (err: unknown) => setError(err instanceof Error ? err.message : String(err)))
            .finally(() => setPending(false));
        }}
      >
        <SelectField
          label="Expires after"
          value={seconds}
          onChange={(v) => {
            setSeconds(v);
            setLink(undefined);
          }}
          options={EXPIRY_CHOICES.map((c) => ({ value: String(c.seconds), label: c.label }))}
        />
        {link && (
          <div className="flex flex-col gap-2">
            <div className="flex items-start gap-1">
              <code className="max-h-28 min-w-0 flex-1 overflow-auto rounded-md border border-border bg-surface-2 p-2 font-mono text-xs break-all">
                {link.url}
              </code>
              <CopyButton value={link.url} label="link" />
            </div>
            <p className="text-sm" data-testid="link-expiry">
              Works until <b>{formatDateTime(link.expiresAt)}</b> ({formatRelativeTime(link.expiresAt)}).
            </p>
            {link.isCutShort && (
              <p className="rounded-md border border-warning bg-warning-soft px-3 py-2 text-sm">
                Sooner than the {chosen?.label.replace(/ \(.*/, '') ?? 'time'} you chose: a link dies with the session
                credentials that signed it, and yours expire then.
              </p>
            )}
          </div>
        )}
        {error && <ErrorNote>{error}</ErrorNote>}
      </form>
    </Dialog>
  );
}
