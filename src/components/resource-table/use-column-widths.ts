import { useLayoutEffect, useMemo, useState, type RefObject } from 'react';

export interface SizableColumn {
  id: string;
  /** The column's width when its content cannot be measured (the meta width). */
  preferred: number;
  /** A key column (the name, a key attribute) is never narrowed below its content. */
  isKey: boolean;
  /** The narrowest a non-key column gets before the table scrolls sideways instead (default 72, never below its header). */
  minWidth?: number;
  /** The widest a non-key column grows to fit its content; longer values are truncated. */
  maxWidth?: number;
}

// Headers set the real floor (a column is never narrower than its header); this only stops tiny ones.
const MIN_WIDTH = 72;
const MAX_WIDTH = 360;
/** A key column never takes more than this share of the area, so at least something else stays in view. */
const KEY_SHARE = 0.6;

/** Measured widths in px by column id: of the whole column's content, and of its header alone. */
export interface NaturalWidths {
  content: Record<string, number>;
  header: Record<string, number>;
}

/**
 * Widths that fit the columns to their content within `available` px: each column wants its content's
 * width (within its min and max). When they do not all fit, columns give up width from the last one
 * leftwards (pages put the most useful columns first), each down to its minimum but never below its
 * header; only then does the table scroll. Key columns keep their content's width.
 */
export function fitColumns(
  columns: readonly SizableColumn[],
  natural: NaturalWidths,
  available: number,
): Map<string, number> {
  const keyCap = available > 0 ? Math.floor(available * KEY_SHARE) : Infinity;
  const wants = columns.map((c) => {
    const content = natural.content[c.id] ?? 0;
    const want = content > 0 ? content : c.preferred;
    const max = c.isKey ? Math.max(c.preferred, keyCap) : (c.maxWidth ?? Math.max(c.preferred, MAX_WIDTH));
    const width = Math.min(want, max);
    const floor = Math.max(c.minWidth ?? MIN_WIDTH, natural.header[c.id] ?? 0);
    return { id: c.id, width, min: c.isKey ? width : Math.min(width, floor), preferred: Math.min(c.preferred, max) };
  });
  // Room to spare: columns measured before their content arrived (a cell still loading) grow back to the
  // width the page asked for, left to right, so "Standard" never shows as "Sta…" beside empty space.
  let spare = available > 0 ? available - wants.reduce((n, w) => n + w.width, 0) : 0;
  for (const w of wants) {
    if (spare <= 0) break;
    const add = Math.min(spare, Math.max(0, w.preferred - w.width));
    w.width += add;
    spare -= add;
  }
  let excess = available > 0 ? wants.reduce((n, w) => n + w.width, 0) - available : 0;
  for (let i = wants.length - 1; i >= 0 && excess > 0; i--) {
    const w = wants[i];
    if (!w) continue;
    const give = Math.min(excess, w.width - w.min);
    w.width -= give;
    excess -= give;
  }
  return new Map(wants.map((w) => [w.id, w.width]));
}

/**
 * The natural (max-content) width of every column, measured from the header and the rendered rows:
 * the table is laid out once as `table-layout: auto; width: max-content` and put back before paint.
 * Header cells carry `data-col`; rows that span all columns (loader, spacers) carry `data-span`.
 */
export function measureNaturalWidths(table: HTMLTableElement): NaturalWidths {
  const cols = [...table.querySelectorAll<HTMLTableColElement>('col')];
  const spans = [...table.querySelectorAll<HTMLTableRowElement>('tr[data-span]')];
  const saved = { layout: table.style.tableLayout, width: table.style.width, minWidth: table.style.minWidth };
  const colWidths = cols.map((c) => c.style.width);
  table.style.tableLayout = 'auto';
  table.style.width = 'max-content';
  table.style.minWidth = '0';
  cols.forEach((c) => (c.style.width = ''));
  spans.forEach((r) => (r.style.display = 'none'));
  const headers = [...table.querySelectorAll<HTMLTableCellElement>('thead th[data-col]')];
  // The header's label at its own width (it fills its cell otherwise), to know how narrow the column may get.
  const labels = headers.map((th) => (th.firstElementChild instanceof HTMLElement ? th.firstElementChild : null));
  const labelWidths = labels.map((l) => l?.style.width ?? '');
  labels.forEach((l) => l && (l.style.width = 'max-content'));
  const out: NaturalWidths = { content: {}, header: {} };
  headers.forEach((th, i) => {
    const id = th.dataset.col;
    if (id === undefined) return;
    // A pixel over, so subpixel text never ends in an ellipsis.
    out.content[id] = Math.ceil(th.getBoundingClientRect().width) + 1;
    const label = labels[i];
    const style = getComputedStyle(th);
    const padding = parseFloat(style.paddingLeft) + parseFloat(style.paddingRight);
    if (label) out.header[id] = Math.ceil(label.getBoundingClientRect().width + padding) + 1;
  });
  labels.forEach((l, i) => l && (l.style.width = labelWidths[i] ?? ''));
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
  const [natural, setNatural] = useState<NaturalWidths>({ content: {}, header: {} });
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
