export interface NameListProps {
  label: string;
  names: string[];
  /** Show at most this many; the rest are counted. */
  max?: number;
}

export function NameList({ label, names, max = 8 }: NameListProps) {
  const shown = names.slice(0, max);
  return (
    <ul aria-label={label} className="flex flex-col gap-0.5 text-sm">
      {shown.map((n) => (
        <li key={n} className="truncate font-mono">
          {n}
        </li>
      ))}
      {names.length > max && <li className="text-slate-500 dark:text-slate-400">and {names.length - max} more</li>}
    </ul>
  );
}
