export interface AttributeCellProps {
  /** The value, compact, on one line. */
  text: string;
  /** DynamoDB's type code: S, N, B, SS, NS, BS, M, L, NULL, BOOL. */
  type: string;
  /** The type in words, for the title and screen readers. */
  typeLabel: string;
  /** Makes the value a button that opens its item (the key column). */
  onOpen?: () => void;
  /** The button's accessible name ("Open item c1 3"); it must contain the value's text. */
  openLabel?: string;
}

/** A value in a table cell with its type beside it, so "1" the string and 1 the number look different. */
export function AttributeCell({ text, type, typeLabel, onOpen, openLabel }: AttributeCellProps) {
  const value = `truncate ${type === 'S' ? '' : 'font-mono text-[13px]'} ${type === 'NULL' ? 'text-muted' : ''}`;
  return (
    <span className="flex min-w-0 items-center gap-1.5" title={`${typeLabel}: ${text}`}>
      <abbr
        title={typeLabel}
        className="shrink-0 rounded border border-border px-1 font-mono text-[10px] leading-4 text-muted no-underline"
      >
        {type}
      </abbr>
      {onOpen ? (
        <button
          type="button"
          aria-label={openLabel}
          onClick={onOpen}
          className={`${value} min-w-0 rounded text-left text-accent hover:underline`}
        >
          {text}
        </button>
      ) : (
        <span className={value}>{text}</span>
      )}
    </span>
  );
}
