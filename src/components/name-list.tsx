export interface NameListProps {
  label: string;
  names: string[];
  /** Show at most this many; the rest are counted. */
  max?: number;
}

/** Resource names (monospace), the first few and "and N more". */
export function NameList({ label, names, max = 8 }: NameListProps) {
  const shown = names.slice(0, max);
  return (
    <ul aria-label={label} className="flex min-w-0 flex-col gap-0.5 text-sm">
      {shown.map((n, i) => (
        <li key={`${i}:${n}`} className="truncate font-mono" title={n}>
          {n}
        </li>
      ))}
      {names.length > max && <li className="text-muted">and {(names.length - max).toLocaleString('en-US')} more</li>}
    </ul>
  );
}
