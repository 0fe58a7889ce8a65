import { flexRender, type Column, type Row, type Table } from '@tanstack/react-table';
import type { VirtualItem } from '@tanstack/react-virtual';
import { ArrowDown, ArrowUp, ChevronsUpDown } from 'lucide-react';
import { useEffect, useRef, type ChangeEvent, type ReactNode } from 'react';
import { Skeleton, Spinner } from '../ui/skeleton';
import type { GridNavigationApi } from './use-grid-navigation';
import type { PinnedColumnsApi } from './use-pinned-columns';
import type { SelectionApi } from './use-selection';

/** The sticky header row's height; the virtual rows start below it. */
export const HEADER_HEIGHT = 36;
const SKELETON_ROWS = 8;
const SKELETON_WIDTHS = ['w-3/4', 'w-1/2', 'w-2/3', 'w-5/6', 'w-2/5'];
const EDGE = 'shadow-[inset_-1px_0_0_var(--color-border)]';

interface HeaderRowProps<T> {
  table: Table<T>;
  select: SelectionApi;
  pinned: PinnedColumnsApi;
  hasRows: boolean;
}

/** The sticky header: the select-all checkbox, then each column's sort button. */
export function TableHeaderRow<T>({ table, select, pinned, hasRows }: HeaderRowProps<T>) {
  const offset = select.hasSelection ? 1 : 0;
  return (
    <tr aria-rowindex={1} style={{ height: HEADER_HEIGHT }}>
      {select.hasSelection && (
        <th
          scope="col"
          aria-colindex={1}
          className="sticky top-0 border-b border-border bg-surface-2 px-3 text-left"
          style={pinned.selectStyle(true)}
        >
          <HeaderCheckbox state={select.allState} isDisabled={!hasRows} onChange={select.toggleAll} />
        </th>
      )}
      {table.getHeaderGroups()[0]?.headers.map((header, i) => {
        const col = header.column;
        const sorted = col.getIsSorted();
        const canSort = col.getCanSort();
        const isRight = col.columnDef.meta?.align === 'right';
        const content = flexRender(col.columnDef.header, header.getContext());
        return (
          <th
            key={header.id}
            data-col={col.id}
            scope="col"
            aria-colindex={i + 1 + offset}
            aria-sort={
              canSort ? (sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : 'none') : undefined
            }
            className={`sticky top-0 z-[2] border-b border-border bg-surface-2 px-2.5 text-xs font-semibold whitespace-nowrap text-muted ${
              isRight ? 'text-right' : 'text-left'
            } ${pinned.isLastPinned(col.id) ? EDGE : ''}`}
            style={pinned.styleOf(col.id, true)}
          >
            {canSort ? (
              <button
                type="button"
                onClick={col.getToggleSortingHandler()}
                // Inset ring: the header cell clips overflow, so an outside ring would be cut off.
                className={`group flex w-full min-w-0 items-center gap-1 rounded hover:text-fg focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-focus ${
                  isRight ? 'flex-row-reverse' : ''
                }`}
              >
                <span className="truncate">{content}</span>
                <SortIcon sorted={sorted} />
              </button>
            ) : (
              <span className="block truncate">{content}</span>
            )}
          </th>
        );
      })}
    </tr>
  );
}

function SortIcon({ sorted }: { sorted: false | 'asc' | 'desc' }) {
  if (sorted === 'asc') return <ArrowUp aria-hidden className="size-3.5 shrink-0 text-fg" />;
  if (sorted === 'desc') return <ArrowDown aria-hidden className="size-3.5 shrink-0 text-fg" />;
  return (
    <ChevronsUpDown
      aria-hidden
      className="size-3.5 shrink-0 text-subtle opacity-0 group-hover:opacity-100 group-focus-visible:opacity-100"
    />
  );
}

interface SkeletonRowsProps<T> {
  columns: Column<T, unknown>[];
  select: SelectionApi;
  pinned: PinnedColumnsApi;
  rowHeight: number;
}

/** First load: rows in the table's shape instead of a spinner. */
export function TableSkeletonRows<T>({ columns, select, pinned, rowHeight }: SkeletonRowsProps<T>) {
  return Array.from({ length: SKELETON_ROWS }, (_, r) => (
    <tr key={`skeleton-${r}`} aria-hidden style={{ height: rowHeight }}>
      {select.hasSelection && <td className="border-b border-border px-3" style={pinned.selectStyle(false)} />}
      {columns.map((col) => (
        <td key={col.id} className="border-b border-border bg-surface px-2.5" style={pinned.styleOf(col.id, false)}>
          <Skeleton
            className={`h-3 ${SKELETON_WIDTHS[(r + col.id.length) % SKELETON_WIDTHS.length] ?? 'w-1/2'} ${
              col.columnDef.meta?.align === 'right' ? 'ml-auto' : ''
            }`}
          />
        </td>
      ))}
    </tr>
  ));
}

interface BodyRowsProps<T> {
  items: VirtualItem[];
  rows: Row<T>[];
  rowHeight: number;
  columnCount: number;
  /** Loaded rows, for the loader row's aria-rowindex. */
  loadedCount: number;
  /** What the loader row shows instead of "Loading more…" (a failed next page). */
  loader: ReactNode;
  select: SelectionApi;
  pinned: PinnedColumnsApi;
  nav: GridNavigationApi;
  rowDomId: (index: number) => string;
  getRowLabel: ((row: T) => string) | undefined;
  getRowTone: ((row: T) => 'danger' | 'warning' | undefined) | undefined;
  onRowOpen: ((row: T) => void) | undefined;
}

/** The rendered (virtual) rows, and the loader row after the last loaded one. */
export function TableBodyRows<T>({
  items,
  rows,
  rowHeight,
  columnCount,
  loadedCount,
  loader,
  select,
  pinned,
  nav,
  rowDomId,
  getRowLabel,
  getRowTone,
  onRowOpen,
}: BodyRowsProps<T>) {
  return items.map((item) => {
    if (item.index >= rows.length) {
      return (
        <tr key={item.key} data-span aria-rowindex={loadedCount + 2} style={{ height: rowHeight }}>
          <td colSpan={columnCount} className="border-b border-border p-0">
            <div className="sticky left-0 flex w-[100cqw] max-w-full items-center gap-2 px-3 text-muted">
              {loader ?? <Spinner size="sm" label="Loading more…" isLabelVisible />}
            </div>
          </td>
        </tr>
      );
    }
    const row = rows[item.index];
    if (!row) return null;
    const isSelected = select.isSelected(row.id);
    const isMarked = item.index === nav.activeIndex && nav.isKeyboardFocused;
    const tone = getRowTone?.(row.original);
    const bg = isSelected
      ? 'bg-accent-soft'
      : isMarked
        ? 'bg-surface-3'
        : tone === 'danger'
          ? 'bg-danger-soft'
          : tone === 'warning'
            ? 'bg-warning-soft'
            : 'bg-surface group-hover/row:bg-surface-2';
    const focusBar = isMarked ? 'shadow-[inset_3px_0_0_var(--color-focus)]' : '';
    const offset = select.hasSelection ? 1 : 0;
    return (
      <tr
        key={item.key}
        id={rowDomId(item.index)}
        aria-rowindex={item.index + 2}
        aria-selected={select.hasSelection ? isSelected : undefined}
        data-active={item.index === nav.activeIndex || undefined}
        className="group/row"
        style={{ height: rowHeight }}
        onMouseDown={() => nav.activate(row.id)}
        onDoubleClick={() => onRowOpen?.(row.original)}
      >
        {select.hasSelection && (
          <td
            aria-colindex={1}
            className={`border-b border-border px-3 ${bg} ${focusBar}`}
            style={pinned.selectStyle(false)}
          >
            <input
              type="checkbox"
              className="size-4 align-middle accent-accent"
              aria-label={`Select ${getRowLabel ? getRowLabel(row.original) : row.id}`}
              checked={isSelected}
              // Shift-click selects a range; keep the browser from also selecting the text in between.
              onMouseDown={(e) => {
                if (e.shiftKey) e.preventDefault();
              }}
              onChange={(e: ChangeEvent<HTMLInputElement>) => {
                const native = e.nativeEvent;
                select.toggleRow(row.id, native instanceof MouseEvent && native.shiftKey);
              }}
            />
          </td>
        )}
        {row.getVisibleCells().map((cell, i) => {
          const meta = cell.column.columnDef.meta;
          const align = meta?.align === 'right' ? 'text-right tabular-nums' : 'text-left';
          const mono = meta?.isMono ? 'font-mono text-[13px]' : '';
          const bar = i === 0 && !select.hasSelection ? focusBar : '';
          return (
            <td
              key={cell.id}
              aria-colindex={i + 1 + offset}
              className={`truncate border-b border-border px-2.5 ${align} ${mono} ${bg} ${bar} ${pinned.isLastPinned(cell.column.id) ? EDGE : ''}`}
              style={pinned.styleOf(cell.column.id, false)}
            >
              {flexRender(cell.column.columnDef.cell, cell.getContext())}
            </td>
          );
        })}
      </tr>
    );
  });
}

interface HeaderCheckboxProps {
  state: 'all' | 'some' | 'none';
  isDisabled: boolean;
  onChange: () => void;
}

function HeaderCheckbox({ state, isDisabled, onChange }: HeaderCheckboxProps) {
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (ref.current) ref.current.indeterminate = state === 'some';
  }, [state]);
  return (
    <input
      ref={ref}
      type="checkbox"
      className="size-4 align-middle accent-accent"
      aria-label="Select all loaded rows"
      checked={state === 'all'}
      disabled={isDisabled}
      onChange={onChange}
    />
  );
}
