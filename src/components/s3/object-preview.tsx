export type PreviewContent =
  | { kind: 'image'; url: string; alt: string }
  | { kind: 'text'; text: string; isTruncated: boolean; isJson: boolean }
  | { kind: 'none'; reason: string };

export interface ObjectPreviewProps {
  content: PreviewContent;
}

/** Pretty JSON when it parses (numbers kept as written would need a parser; previews are read-only). */
function pretty(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}

export function ObjectPreview({ content }: ObjectPreviewProps) {
  if (content.kind === 'none') return <p className="text-sm text-muted">{content.reason}</p>;
  if (content.kind === 'image')
    return (
      <div className="flex justify-center rounded-md border border-border bg-surface-2 p-2">
        <img src={content.url} alt={content.alt} className="h-48 w-full object-contain" />
      </div>
    );
  const shown = content.isJson && !content.isTruncated ? pretty(content.text) : content.text;
  return (
    <div className="flex flex-col gap-1">
      <pre
        // A scrolling box must be reachable by keyboard (axe: scrollable-region-focusable).
        // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
        tabIndex={0}
        aria-label="Preview"
        className="max-h-96 overflow-auto rounded-md border border-border bg-surface-2 p-3 font-mono text-xs whitespace-pre-wrap break-all"
      >
        {shown}
      </pre>
      {content.isTruncated && <p className="text-xs text-muted">Showing the first 256 KiB.</p>}
    </div>
  );
}
