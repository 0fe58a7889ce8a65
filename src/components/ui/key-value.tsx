import type { ReactNode } from 'react';

export interface KeyValueItem {
  label: string;
  value: ReactNode;
  /** Ids, ARNs, keys: monospace and broken anywhere. */
  isMono?: boolean;
}

export interface KeyValueListProps {
  items: KeyValueItem[];
  columns?: 1 | 2 | 3;
}

const COLUMNS: Record<1 | 2 | 3, string> = {
  1: 'grid-cols-1',
  2: 'grid-cols-1 sm:grid-cols-2',
  3: 'grid-cols-1 sm:grid-cols-2 lg:grid-cols-3',
};

function isEmpty(value: ReactNode): boolean {
  return value === undefined || value === null || value === '' || value === false;
}

/** Details as label/value pairs in columns, one column on narrow screens. */
export function KeyValueList({ items, columns = 2 }: KeyValueListProps) {
  return (
    <dl className={`grid gap-x-8 gap-y-4 ${COLUMNS[columns]}`}>
      {items.map((item) => (
        <div key={item.label} className="flex min-w-0 flex-col gap-0.5">
          <dt className="text-xs text-muted">{item.label}</dt>
          <dd className={item.isMono ? 'font-mono text-sm break-all' : 'text-sm break-words'}>
            {isEmpty(item.value) ? <span className="text-muted">–</span> : item.value}
          </dd>
        </div>
      ))}
    </dl>
  );
}
