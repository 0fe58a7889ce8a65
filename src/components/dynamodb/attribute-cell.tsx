export interface AttributeCellProps {
  /** The value, compact, on one line. */
  text: string;
  /** DynamoDB's type code: S, N, B, SS, NS, BS, M, L, NULL, BOOL. */
  type: string;
  /** The type in words, for the title and screen readers. */
  typeLabel: string;
}

/** A value in a table cell with its type beside it, so "1" the string and 1 the number look different. */
export function AttributeCell({ text, type, typeLabel }: AttributeCellProps) {
  const isQuiet = type === 'NULL';
  return (
    <span className="flex min-w-0 items-center gap-1.5" title={`${typeLabel}: ${text}`}>
      <span
        aria-label={typeLabel}
        className="shrink-0 rounded border border-border px-1 font-mono text-[10px] leading-4 text-muted"
      >
        {type}
      </span>
      <span className={`truncate ${type === 'S' ? '' : 'font-mono text-[13px]'} ${isQuiet ? 'text-muted' : ''}`}>{text}</span>
    </span>
  );
}
