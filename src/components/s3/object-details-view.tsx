import { X } from 'lucide-react';
import { useEffect, useRef, type ReactNode } from 'react';
import { formatBytes, formatDateTime } from '../format';
import { CopyButton } from '../ui/copy-button';
import { IconButton } from '../ui/button';
import { KeyValueList } from '../ui/key-value';
import { Skeleton } from '../ui/skeleton';

export interface ObjectDetailsData {
  key: string;
  size: number;
  contentType?: string;
  lastModified?: Date;
  etag?: string;
  storageClass: string;
  serverSideEncryption?: string;
  kmsKeyId?: string;
  metadata: Record<string, string>;
}

export interface ObjectDetailsViewProps {
  /** The object's name within the folder. */
  name: string;
  /** s3://bucket/key, to copy. */
  uri: string;
  details?: ObjectDetailsData;
  isLoading?: boolean;
  /** In place of the details when HeadObject failed. */
  error?: ReactNode;
  /** Download, Copy link, Delete. */
  actions?: ReactNode;
  /** Shown under the details (image, text or JSON). */
  preview?: ReactNode;
  onClose: () => void;
}

function encryptionText(d: ObjectDetailsData): string {
  if (!d.serverSideEncryption) return 'None reported';
  if (d.serverSideEncryption === 'AES256') return 'SSE-S3 (AES256)';
  return d.kmsKeyId ? `${d.serverSideEncryption} (${d.kmsKeyId})` : d.serverSideEncryption;
}

/** The split panel (or full-width view on phones) for one object. */
export function ObjectDetailsView({
  name,
  uri,
  details,
  isLoading,
  error,
  actions,
  preview,
  onClose,
}: ObjectDetailsViewProps) {
  const metadata = details ? Object.entries(details.metadata) : [];
  const headingRef = useRef<HTMLHeadingElement>(null);
  // Opening the panel (a click on a name) moves keyboard focus into it, not to the page body.
  useEffect(() => headingRef.current?.focus(), []);
  // Esc closes the panel, unless it belongs to a dialog, a menu or a field that was focused.
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || e.defaultPrevented) return;
      if (e.target instanceof Element && e.target.closest('[role="dialog"],[role="menu"],input,textarea,select'))
        return;
      onClose();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [onClose]);
  return (
    <section
      aria-label={`Details of ${name}`}
      className="flex min-w-0 flex-col gap-4 rounded-lg border border-border bg-surface p-4"
    >
      <div className="flex items-start gap-2">
        <h2
          ref={headingRef}
          tabIndex={-1}
          className="min-w-0 flex-1 font-mono text-sm font-semibold break-all focus:outline-none"
        >
          {name}
        </h2>
        <IconButton label="Close details" size="sm" icon={<X aria-hidden />} onClick={onClose} />
      </div>
      <div className="flex items-center gap-1 text-xs text-muted">
        <span className="min-w-0 truncate font-mono" title={uri}>
          {uri}
        </span>
        <CopyButton value={uri} label="S3 URI" />
      </div>
      {actions && <div className="flex flex-wrap gap-2">{actions}</div>}
      {error}
      {isLoading && !details && (
        <div className="flex flex-col gap-3" role="status" aria-label="Loading…">
          <Skeleton className="h-4 w-2/3" />
          <Skeleton className="h-4 w-1/2" />
          <Skeleton className="h-4 w-3/4" />
        </div>
      )}
      {details && (
        <KeyValueList
          columns={2}
          items={[
            { label: 'Size', value: `${formatBytes(details.size)} (${details.size.toLocaleString('en-US')} bytes)` },
            { label: 'Content type', value: details.contentType },
            { label: 'Last modified', value: details.lastModified ? formatDateTime(details.lastModified) : undefined },
            { label: 'Storage class', value: details.storageClass },
            { label: 'Server-side encryption', value: encryptionText(details) },
            { label: 'ETag', value: details.etag, isMono: true },
          ]}
        />
      )}
      {details && (
        <div className="flex flex-col gap-1">
          <h3 className="text-xs font-semibold text-muted">User metadata</h3>
          {metadata.length === 0 ? (
            <p className="text-sm text-muted">None</p>
          ) : (
            <KeyValueList
              columns={1}
              items={metadata.map(([k, v]) => ({ label: `x-amz-meta-${k}`, value: v, isMono: true }))}
            />
          )}
        </div>
      )}
      {preview && (
        <div className="flex flex-col gap-1">
          <h3 className="text-xs font-semibold text-muted">Preview</h3>
          {preview}
        </div>
      )}
    </section>
  );
}
