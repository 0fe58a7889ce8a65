import { useLayoutEffect, useMemo, useState, type RefObject } from 'react';

export interface SizableColumn {
  id: string;
  /** The column's width when its content cannot be measured (the meta width). */
  preferred: number;
  /** A key column (the name, a key attribute) is never narrowed below its content. */
  isKey: boolean;
  /** The narrowest a non-key column gets before the table scrolls sideways instead. */
  minWidth?: number;
  /** The widest a non-key column grows to fit its content; longer values are truncated. */
  maxWidth?: number;
}

const MIN_WIDTH = 96;
const MAX_WIDTH = 360;
/** A key column never takes more than this share of the area, so at least something else stays in view. */
const KEY_SHARE = 0.6;

/**
 * Widths that fit the columns to their content within `available` px: each column wants its content's
 * width (within its min and max); when they do not all fit, non-key columns give up width in
 * proportion to what they can spare, down to their minimum, and only then does the table scroll.
 * Key columns keep their content's width.
 */
export function fitColumns(
  columns: readonly SizableColumn[],
  natural: Readonly<Record<string, number>>,
  available: number,
): Map<string, number> {
  const keyCap = available > 0 ? Math.floor(available * KEY_SHARE) : Infinity;
  const wants = columns.map((c) => {
    const content = natural[c.id] ?? 0;
    const want = content > 0 ? content : c.preferred;
    const max = c.isKey ? Math.max(c.preferred, keyCap) : (c.maxWidth ?? Math.max(c.preferred, MAX_WIDTH));
    const width = Math.min(want, max);
    const min = c.isKey ? width : Math.min(width, c.minWidth ?? MIN_WIDTH);
    return { id: c.id, width, min };
  });
  const total = wants.reduce((n, w) => n + w.width, 0);
  const slack = wants.reduce((n, w) => n + (w.width - w.min), 0);
  const ratio = available > 0 && total > available && slack > 0 ? Math.min(1, (total - available) / slack) : 0;
  return new Map(wants.map((w) => [w.id, Math.floor(w.width - (w.width - w.min) * ratio)]));
}

/**
 * The natural (max-content) width of every column, measured from the header and the rendered rows:
 * the table is laid out once as `table-layout: auto; width: max-content` and put back before paint.
 * Header cells carry `data-col`; rows that span all columns (loader, spacers) carry `data-span`.
 */
export function measureNaturalWidths(table: HTMLTableElement): Record<string, number> {
  const cols = [...table.querySelectorAll<HTMLTableColElement>('col')];
  const spans = [...table.querySelectorAll<HTMLTableRowElement>('tr[data-span]')];
  const saved = { layout: table.style.tableLayout, width: table.style.width, minWidth: table.style.minWidth };
  const colWidths = cols.map((c) => c.style.width);
  table.style.tableLayout = 'auto';
  table.style.width = 'max-content';
  table.style.minWidth = '0';
  cols.forEach((c) => (c.style.width = ''));
  spans.forEach((r) => (r.style.display = 'none'));
  const out: Record<string, number> = {};
  for (const th of table.querySelectorAll<HTMLTableCellElement>('thead th[data-col]')) {
    const id = th.dataset.col;
    // A pixel over, so subpixel text never ends in an ellipsis.
    if (id !== undefined) out[id] = Math.ceil(th.getBoundingClientRect().width) + 1;
  }
  spans.forEach((r) => (r.style.display = ''));
  cols.forEach((c, i) => (c.style.width = colWidths[i] ?? ''));
  table.style.tableLayout = saved.layout;
  table.style.width = saved.width;
  table.style.minWidth = saved.minWidth;
  return out;
}

export interface UseColumnWidthsOptions {
  tableRef: RefObject<HTMLTableElement | null>;
  boxRef: RefObject<HTMLElement | null>;
  columns: readonly SizableColumn[];
  /** Width taken before the columns (the checkbox column). */
  leadWidth: number;
  /** Changes when content worth re-measuring arrives (first rows, another query); undefined: nothing to measure. */
  measureKey: string | undefined;
}

/**
 * Column widths fitted to content and to the scroll box, re-measured when `measureKey` changes (not on
 * every scroll, so columns do not jump while reading) and re-fitted when the box changes size.
 */
export function useColumnWidths({
  tableRef,
  boxRef,
  columns,
  leadWidth,
  measureKey,
}: UseColumnWidthsOptions): Map<string, number> {
  const [natural, setNatural] = useState<Record<string, number>>({});
  const [available, setAvailable] = useState(0);

  useLayoutEffect(() => {
    const table = tableRef.current;
    if (!table || measureKey === undefined) return;
    // Measured before paint, so the first frame already has the fitted widths.
    setNatural(measureNaturalWidths(table));
  }, [tableRef, measureKey]);

  useLayoutEffect(() => {
    const box = boxRef.current;
    if (!box) return;
    const read = () => setAvailable(box.clientWidth);
    read();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(read);
    observer.observe(box);
    return () => observer.disconnect();
  }, [boxRef]);

  return useMemo(
    () => fitColumns(columns, natural, available > 0 ? available - leadWidth : 0),
    [columns, natural, available, leadWidth],
  );
}
