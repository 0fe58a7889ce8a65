import { useId, useState } from 'react';
import { formatDateTime, formatRelativeTime } from '../format';
import { CopyButton } from '../ui/copy-button';
import { Dialog, FormDialogFooter } from '../ui/dialog';
import { SelectField, TextField } from '../ui/field';
import { EXPIRY_CHOICES } from './share-link-dialog';
import { ErrorNote } from '../ui/error-note';

export interface UploadLinkInput {
  prefix: string;
  minBytes: number;
  maxBytes: number;
  contentTypePrefix: string;
  expiresIn: number;
}

export interface GeneratedUploadLink {
  url: string;
  fields: Record<string, string>;
  expiresAt: Date;
  isCutShort: boolean;
}

export interface UploadLinkDialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  bucket: string;
  defaultPrefix: string;
  onGenerate: (input: UploadLinkInput) => Promise<GeneratedUploadLink>;
}

const MIB = 1024 * 1024;
const shellQuote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
const htmlEscape = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/**
 * A ready curl command: every policy field, the content type when the policy asks for one, the file last.
 * Fields go as --form-string: with -F, curl reads a local file for a value starting with @ or <.
 */
export function curlCommand(link: GeneratedUploadLink, contentType: string): string {
  const lines = Object.entries(link.fields).map(([k, v]) => `  --form-string ${shellQuote(`${k}=${v}`)}`);
  if (contentType) lines.push(`  --form-string ${shellQuote(`Content-Type=${contentType}`)}`);
  lines.push(`  -F 'file=@./your-file'`);
  return [`curl -sS -w '%{http_code}\\n'`, ...lines, `  ${shellQuote(link.url)}`].join(' \\\n');
}

/** A small HTML page anyone can open to upload through the link. */
export function htmlForm(link: GeneratedUploadLink, contentType: string): string {
  const hidden = Object.entries(link.fields)
    .map(([k, v]) => `  <input type="hidden" name="${htmlEscape(k)}" value="${htmlEscape(v)}">`)
    .join('\n');
  const type = contentType
    ? `\n  <label>Content type <input name="Content-Type" value="${htmlEscape(contentType)}"></label>`
    : '';
  return `<form action="${htmlEscape(link.url)}" method="post" enctype="multipart/form-data">
${hidden}${type}
  <input type="file" name="file" required>
  <button>Upload</button>
</form>`;
}

/** A presigned POST policy for a prefix: size range, content-type prefix and expiry, as curl and HTML. */
export function UploadLinkDialog({ open, onOpenChange, bucket, defaultPrefix, onGenerate }: UploadLinkDialogProps) {
  const formId = useId();
  const [prefix, setPrefix] = useState(defaultPrefix);
  const [maxMiB, setMaxMiB] = useState('10');
  const [minBytes, setMinBytes] = useState('1');
  const [contentType, setContentType] = useState('');
  const [seconds, setSeconds] = useState('3600');
  const [link, setLink] = useState<GeneratedUploadLink | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [isPending, setPending] = useState(false);

  const max = Number(maxMiB);
  const min = Number(minBytes);
  const maxProblem = !(max > 0) || max > 5 * 1024 ? 'Between 1 byte and 5 GiB (5120 MiB).' : undefined;
  const minProblem =
    !Number.isInteger(min) || min < 0 || min > max * MIB
      ? 'A whole number of bytes, not above the largest size.'
      : undefined;
  const prefixProblem = prefix.startsWith('/') ? 'Keys do not start with "/".' : undefined;
  const reset = () => setLink(undefined);

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
      title="Create upload link"
      description={`Lets someone without AWS access upload files into s3://${bucket}/${prefix}, within the limits below.`}
      size="xl"
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
          if (maxProblem || minProblem || prefixProblem) return;
          setPending(true);
          setError(undefined);
          onGenerate({
            prefix,
            minBytes: min,
            maxBytes: Math.round(max * MIB),
            contentTypePrefix: contentType,
            expiresIn: Number(seconds),
          })
            .then(setLink, (err: unknown) => setError(err instanceof Error ? err.message : String(err)))
            .finally(() => setPending(false));
        }}
      >
        <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
          <TextField
            label="Key prefix"
            value={prefix}
            onChange={(v) => {
              setPrefix(v);
              reset();
            }}
            hint="Files land at this prefix plus their own file name."
            error={prefixProblem}
            spellCheck={false}
          />
          <TextField
            label="Content type starts with"
            value={contentType}
            onChange={(v) => {
              setContentType(v);
              reset();
            }}
            hint='e.g. "image/"; empty allows any type.'
            spellCheck={false}
          />
          <TextField
            label="Largest file (MiB)"
            inputMode="decimal"
            value={maxMiB}
            onChange={(v) => {
              setMaxMiB(v);
              reset();
            }}
            error={maxProblem}
          />
          <TextField
            label="Smallest file (bytes)"
            inputMode="numeric"
            value={minBytes}
            onChange={(v) => {
              setMinBytes(v);
              reset();
            }}
            error={minProblem}
          />
          <SelectField
            label="Expires after"
            value={seconds}
            onChange={(v) => {
              setSeconds(v);
              reset();
            }}
            options={EXPIRY_CHOICES.map((c) => ({ value: String(c.seconds), label: c.label }))}
          />
        </div>
        {link && (
          <div className="flex flex-col gap-3">
            <p className="text-sm" data-testid="upload-link-expiry">
              Works until <b>{formatDateTime(link.expiresAt)}</b> ({formatRelativeTime(link.expiresAt)})
              {link.isCutShort
                ? ': sooner than you chose, because the session credentials that signed it expire then.'
                : '.'}
            </p>
            <Snippet label="curl command" text={curlCommand(link, contentType)} />
            <Snippet label="HTML form" text={htmlForm(link, contentType)} />
            <p className="text-xs text-muted">
              A browser page on another site that posts this form with fetch() also needs a CORS rule on the bucket that
              allows its origin and the POST method.
            </p>
          </div>
        )}
        {error && <ErrorNote>{error}</ErrorNote>}
      </form>
    </Dialog>
  );
}

function Snippet({ label, text }: { label: string; text: string }) {
  return (
    <div className="flex flex-col gap-1">
      <div className="flex items-center justify-between">
        <h3 className="text-xs font-semibold text-muted">{label}</h3>
        <CopyButton value={text} label={label} />
      </div>
      <pre
        // A scrolling box must be reachable by keyboard (axe: scrollable-region-focusable).
        // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
        tabIndex={0}
        role="region"
        aria-label={label}
        className="max-h-48 overflow-auto rounded-md border border-border bg-surface-2 p-2 font-mono text-xs whitespace-pre-wrap break-all"
      >
        {text}
      </pre>
    </div>
  );
}
