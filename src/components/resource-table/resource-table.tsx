import {
  flexRender,
  getCoreRowModel,
  getSortedRowModel,
  useReactTable,
  type Column,
  type ColumnDef,
  type RowData,
  type SortingState,
  type Updater,
} from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { ArrowDown, ArrowUp, ChevronsUpDown } from 'lucide-react';
import {
  useCallback,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
  type ChangeEvent,
  type CSSProperties,
  type KeyboardEvent,
  type ReactNode,
} from 'react';
import { EmptyState } from '../ui/empty-state';
import { Skeleton, Spinner } from '../ui/skeleton';
import { ColumnSettings } from './column-settings';
import { rangeIds, selectionState, setSelected, type RowSelection } from './selection';
import { useColumnPrefs } from './use-column-prefs';

export { selectedRows } from './selection';

export interface ResourceTableColumnMeta {
  align?: 'left' | 'right';
  /** Monospace, for ids, keys and ARNs. */
  isMono?: boolean;
  /** The key column: first, never hidden, sticky on the left during horizontal scroll. */
  isPinned?: boolean;
  /** Can be hidden in the settings panel; default true except pinned. */
  canHide?: boolean;
  /** Column width in px (default 160). */
  width?: number;
  /** Name in the settings panel when the header is not plain text. */
  label?: string;
}

declare module '@tanstack/react-table' {
  // TanStack's documented way to type `meta`; the type parameters must match its declaration.
  // eslint-disable-next-line @typescript-eslint/no-unused-vars, @typescript-eslint/no-empty-object-type
  interface ColumnMeta<TData extends RowData, TValue> extends ResourceTableColumnMeta {}
}

/**
 * A column of a ResourceTable. `never` as the value type accepts columns of any value type
 * (createColumnHelper's accessors and plain defs) without `any`.
 */
export type ResourceTableColumn<T> = ColumnDef<T, never>;

export interface ResourceTableProps<T> {
  /** Accessible name of the table, e.g. "Objects". */
  label: string;
  /** TanStack v8 column defs with `meta: ResourceTableColumnMeta`; every column needs an `id`. */
  columns: ResourceTableColumn<T>[];
  /** Loaded rows (pages flattened by the caller). */
  rows: T[];
  getRowId: (row: T) => string;
  /** A short name of the row for its checkbox ("Select photo.jpg"); defaults to the row id. */
  getRowLabel?: (row: T) => string;
  hasNextPage?: boolean;
  isFetchingNextPage?: boolean;
  /** Called as the user nears the end, only when hasNextPage && !isFetchingNextPage && no error. */
  onLoadMore?: () => void;
  /** First load: skeleton rows in the table's shape. */
  isLoading?: boolean;
  /** Shown with the skeleton, e.g. "Retrying (2)…". */
  loadingText?: string;
  /** In place of the rows when none loaded; in the loader row when a next page failed (loaded rows stay). */
  error?: ReactNode;
  /** Shown when rows is empty and not loading. */
  empty?: ReactNode;
  /** Controlled selection keyed by row id; the checkbox column appears only when given. */
  selection?: RowSelection;
  onSelectionChange?: (next: RowSelection) => void;
  /** Sorting of loaded rows; uncontrolled when omitted. */
  sorting?: SortingState;
  onSortingChange?: (sorting: SortingState) => void;
  /** Column visibility and order kept in localStorage under `console.table.<storageKey>`. */
  storageKey?: string;
  defaultHiddenColumns?: string[];
  /** Enter on the focused row, or a double-click. */
  onRowOpen?: (row: T) => void;
  /** Row height in px (default 40). */
  rowHeight?: number;
  /** CSS height of the scroll box; by default it grows with its rows up to most of the viewport. */
  height?: string;
  getRowTone?: (row: T) => 'danger' | 'warning' | undefined;
  /** Rendered above the table, left of the settings button. */
  toolbar?: ReactNode;
}

const SELECT_WIDTH = 40;
const DEFAULT_WIDTH = 160;
const HEADER_HEIGHT = 36;
const SKELETON_ROWS = 8;
const SKELETON_WIDTHS = ['w-3/4', 'w-1/2', 'w-2/3', 'w-5/6', 'w-2/5'];
const H_SCROLL_STEP = 80;

function columnIdOf<T>(column: ResourceTableColumn<T>): string {
  if (column.id !== undefined) return column.id;
  if ('accessorKey' in column && column.accessorKey !== undefined) return String(column.accessorKey);
  throw new Error('ResourceTable: every column needs an id');
}

function columnLabelOf<T>(column: ResourceTableColumn<T>): string {
  if (column.meta?.label !== undefined) return column.meta.label;
  return typeof column.header === 'string' ? column.header : columnIdOf(column);
}

function widthOf<T>(column: Column<T, unknown>): number {
  return column.columnDef.meta?.width ?? DEFAULT_WIDTH;
}

/**
 * The console's one table: TanStack Table (headless) for sorting, visibility and order, TanStack
 * Virtual for the rows, so a list of 100,000 keeps about a screenful of rows in the DOM. The row
 * grid takes focus: arrows, Home/End move the focused row, Space selects (shift+Space a range),
 * Enter opens.
 */
export function ResourceTable<T>({
  label,
  columns,
  rows,
  getRowId,
  getRowLabel,
  hasNextPage = false,
  isFetchingNextPage = false,
  onLoadMore,
  isLoading = false,
  loadingText,
  error,
  empty,
  selection,
  onSelectionChange,
  sorting,
  onSortingChange,
  storageKey,
  defaultHiddenColumns,
  onRowOpen,
  rowHeight = 40,
  height,
  getRowTone,
  toolbar,
}: ResourceTableProps<T>) {
  const baseId = useId();
  const hasSelection = selection !== undefined;
  const hasError = error !== undefined && error !== null && error !== false;

  // Columns: pinned ones first and always shown; the others hideable and movable by the user.
  const pinnedIds = useMemo(() => columns.filter((c) => c.meta?.isPinned).map(columnIdOf), [columns]);
  const movableIds = useMemo(() => columns.filter((c) => !c.meta?.isPinned).map(columnIdOf), [columns]);
  const prefs = useColumnPrefs(storageKey, movableIds, defaultHiddenColumns);
  const columnVisibility = useMemo(() => {
    const vis: Record<string, boolean> = { ...prefs.visibility };
    for (const c of columns) {
      if (c.meta?.isPinned || c.meta?.canHide === false) vis[columnIdOf(c)] = true;
    }
    return vis;
  }, [columns, prefs.visibility]);
  const columnOrder = useMemo(() => [...pinnedIds, ...prefs.order], [pinnedIds, prefs.order]);

  const [ownSorting, setOwnSorting] = useState<SortingState>([]);
  const sortingState = sorting ?? ownSorting;
  const handleSortingChange = useCallback(
    (updater: Updater<SortingState>) => {
      const next = typeof updater === 'function' ? updater(sortingState) : updater;
      if (onSortingChange) onSortingChange(next);
      if (sorting === undefined) setOwnSorting(next);
    },
    [sortingState, sorting, onSortingChange],
  );

  // TanStack Table returns fresh functions each render by design; the compiler must not memoise around it.
  // eslint-disable-next-line react-hooks/incompatible-library
  const table = useReactTable<T>({
    data: rows,
    // Same defs; `never` (for callers) and the table's own value type differ only in variance.
    columns: columns as ColumnDef<T, unknown>[],
    getRowId: (row) => getRowId(row),
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
    state: { sorting: sortingState, columnVisibility, columnOrder },
    onSortingChange: handleSortingChange,
    enableMultiSort: true,
    // Every column sorts ascending first (A→Z, small→large), whatever its type.
    sortDescFirst: false,
  });
  const tableRows = table.getRowModel().rows;
  const orderedIds = useMemo(() => tableRows.map((r) => r.id), [tableRows]);
  const leafColumns = table.getVisibleLeafColumns();

  // Sticky offsets: the checkbox column, then each pinned column after the ones before it.
  const pinnedLeft = new Map<string, number>();
  let left = hasSelection ? SELECT_WIDTH : 0;
  for (const col of leafColumns) {
    if (!col.columnDef.meta?.isPinned) continue;
    pinnedLeft.set(col.id, left);
    left += widthOf(col);
  }
  const lastPinnedId = [...pinnedLeft.keys()].at(-1);
  const minTableWidth = leafColumns.reduce((sum, c) => sum + widthOf(c), hasSelection ? SELECT_WIDTH : 0);
  const columnCount = leafColumns.length + (hasSelection ? 1 : 0);

  const isEmpty = rows.length === 0;
  const showSkeleton = isLoading && isEmpty;
  const showLoaderRow = !isEmpty && (hasNextPage || isFetchingNextPage || hasError);
  const rowCount = isEmpty ? 0 : tableRows.length + (showLoaderRow ? 1 : 0);

  const scrollRef = useRef<HTMLDivElement>(null);
  // Stable per row order: a new function would make the virtualizer re-measure every row on each render.
  const getItemKey = useCallback((index: number) => orderedIds[index] ?? `loader-${index}`, [orderedIds]);
  const virtualizer = useVirtualizer({
    count: rowCount,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 10,
    // React 19 warns when the virtualizer flushes synchronously inside a commit; batching is fine here.
    useFlushSync: false,
    // The rows start below the sticky header, and scrolling a row into view keeps it clear of it.
    scrollMargin: HEADER_HEIGHT,
    scrollPaddingStart: HEADER_HEIGHT,
    getItemKey,
  });
  const virtualItems = virtualizer.getVirtualItems();
  const lastRenderedIndex = virtualItems.at(-1)?.index ?? -1;

  useEffect(() => {
    if (!onLoadMore || !hasNextPage || isFetchingNextPage || hasError || isLoading || isEmpty) return;
    // Overscan renders rows past the screen's end, so this fires a few rows before the user gets there.
    if (lastRenderedIndex >= tableRows.length - 1) onLoadMore();
  }, [onLoadMore, hasNextPage, isFetchingNextPage, hasError, isLoading, isEmpty, lastRenderedIndex, tableRows.length]);

  // Selection: the anchor of the last plain toggle, kept by id so it survives sorting and new pages.
  const anchorRef = useRef<string | undefined>(undefined);
  const toggleRow = useCallback(
    (id: string, isRange: boolean) => {
      if (!selection || !onSelectionChange) return;
      const value = selection[id] !== true;
      const ids = isRange ? rangeIds(orderedIds, anchorRef.current, id) : [id];
      onSelectionChange(setSelected(selection, ids, value));
      anchorRef.current = id;
    },
    [selection, onSelectionChange, orderedIds],
  );
  const allState = useMemo(() => (selection ? selectionState(orderedIds, selection) : 'none'), [orderedIds, selection]);
  const toggleAll = () => {
    if (!selection || !onSelectionChange) return;
    onSelectionChange(setSelected(selection, orderedIds, allState !== 'all'));
  };

  // Keyboard focus: one active row (by id), announced through aria-activedescendant.
  const [activeId, setActiveId] = useState<string | undefined>(undefined);
  const [isGridFocused, setIsGridFocused] = useState(false);
  const activeIndex = activeId === undefined ? -1 : orderedIds.indexOf(activeId);
  const rowDomId = (index: number) => `${baseId}-row-${index}`;
  const isActiveRendered = virtualItems.some((v) => v.index === activeIndex);

  const moveTo = (index: number) => {
    const id = orderedIds[index];
    if (id === undefined) return;
    setActiveId(id);
    virtualizer.scrollToIndex(index, { align: 'auto' });
  };

  const onGridKeyDown = (e: KeyboardEvent<HTMLTableElement>) => {
    // Keys typed into a row's own controls (checkbox, link, copy button) are theirs.
    if (e.target !== e.currentTarget || tableRows.length === 0) return;
    const page = Math.max(1, Math.floor(((scrollRef.current?.clientHeight ?? 0) - HEADER_HEIGHT) / rowHeight));
    const current = activeIndex < 0 ? -1 : activeIndex;
    const last = tableRows.length - 1;
    switch (e.key) {
      case 'ArrowDown':
        moveTo(Math.min(current + 1, last));
        break;
      case 'ArrowUp':
        moveTo(Math.max(current - 1, 0));
        break;
      case 'PageDown':
        moveTo(Math.min(current + page, last));
        break;
      case 'PageUp':
        moveTo(Math.max(current - page, 0));
        break;
      case 'ArrowLeft':
      case 'ArrowRight':
        // Columns off screen on a narrow display are reached without a mouse.
        scrollRef.current?.scrollBy?.({ left: e.key === 'ArrowLeft' ? -H_SCROLL_STEP : H_SCROLL_STEP });
        break;
      case 'Home':
        moveTo(0);
        break;
      case 'End':
        moveTo(last);
        break;
      case ' ': {
        const id = orderedIds[current];
        if (id === undefined || !hasSelection) return;
        toggleRow(id, e.shiftKey);
        break;
      }
      case 'Enter': {
        const row = tableRows[current];
        if (!row || !onRowOpen) return;
        onRowOpen(row.original);
        break;
      }
      default:
        return;
    }
    e.preventDefault();
  };

  const settingsItems = prefs.order.flatMap((id) => {
    const def = columns.find((c) => columnIdOf(c) === id);
    if (!def) return [];
    return [
      {
        id,
        label: columnLabelOf(def),
        isVisible: columnVisibility[id] !== false,
        canHide: def.meta?.canHide !== false,
      },
    ];
  });

  const boxStyle: CSSProperties =
    height !== undefined ? { height } : { maxHeight: 'max(20rem, calc(100dvh - 16rem))', minHeight: '12rem' };

  const pinnedStyle = (id: string, isHeader: boolean): CSSProperties | undefined => {
    const offset = pinnedLeft.get(id);
    if (offset === undefined) return undefined;
    return { position: 'sticky', left: offset, zIndex: isHeader ? 3 : 1 };
  };
  const pinnedEdge = (id: string) => (id === lastPinnedId ? 'shadow-[inset_-1px_0_0_var(--color-border)]' : '');
  const selectCellStyle = (isHeader: boolean): CSSProperties => ({
    position: 'sticky',
    left: 0,
    zIndex: isHeader ? 3 : 1,
    width: SELECT_WIDTH,
  });

  const firstItem = virtualItems[0];
  const lastItem = virtualItems.at(-1);
  const paddingTop = firstItem ? firstItem.start - HEADER_HEIGHT : 0;
  const paddingBottom = lastItem ? virtualizer.getTotalSize() - lastItem.end : 0;

  const belowTable = (node: ReactNode, role?: 'status') => (
    // As wide as the box (not the table), so it stays in view on a narrow screen.
    <div role={role} className="sticky left-0 w-[100cqw] max-w-full p-4">
      {node}
    </div>
  );

  return (
    <div className="flex min-w-0 max-w-full flex-col gap-2">
      {(toolbar !== undefined || settingsItems.length > 0) && (
        <div className="flex min-w-0 flex-wrap items-center gap-2">
          <div className="flex min-w-0 flex-1 flex-wrap items-center gap-2">{toolbar}</div>
          {settingsItems.length > 0 && (
            <ColumnSettings
              tableLabel={label}
              items={settingsItems}
              onVisibleChange={prefs.setVisible}
              onMove={prefs.move}
              onReset={prefs.reset}
              isCustomised={prefs.isCustomised}
            />
          )}
        </div>
      )}
      <div
        ref={scrollRef}
        // The grid hides its own outline (the focused row shows where you are); the box shows that the grid has focus.
        className="@container relative overflow-auto overscroll-x-contain rounded-md border border-border bg-surface has-[>table:focus-visible]:outline-2 has-[>table:focus-visible]:outline-offset-2 has-[>table:focus-visible]:outline-focus"
        style={boxStyle}
      >
        <table
          role="grid"
          aria-label={label}
          // The header row, the loaded rows, and one more while further pages exist (the loader row).
          aria-rowcount={rows.length + 1 + (showLoaderRow ? 1 : 0)}
          aria-colcount={columnCount}
          aria-multiselectable={hasSelection || undefined}
          aria-busy={showSkeleton || isFetchingNextPage || undefined}
          aria-activedescendant={isGridFocused && isActiveRendered ? rowDomId(activeIndex) : undefined}
          tabIndex={0}
          onKeyDown={onGridKeyDown}
          onFocus={(e) => {
            if (e.target !== e.currentTarget) return;
            setIsGridFocused(true);
            if (activeIndex < 0 && orderedIds[0] !== undefined) setActiveId(orderedIds[0]);
          }}
          onBlur={(e) => {
            if (e.target === e.currentTarget) setIsGridFocused(false);
          }}
          className="w-full table-fixed border-separate border-spacing-0 text-sm outline-none focus-visible:outline-none"
          style={{ minWidth: minTableWidth }}
        >
          <colgroup>
            {hasSelection && <col style={{ width: SELECT_WIDTH }} />}
            {leafColumns.map((col, i) => (
              // The last column takes any spare width, so pinned offsets stay exact.
              <col key={col.id} style={i === leafColumns.length - 1 ? undefined : { width: widthOf(col) }} />
            ))}
          </colgroup>
          <thead>
            <tr aria-rowindex={1} style={{ height: HEADER_HEIGHT }}>
              {hasSelection && (
                <th
                  scope="col"
                  aria-colindex={1}
                  className="sticky top-0 border-b border-border bg-surface-2 px-3 text-left"
                  style={selectCellStyle(true)}
                >
                  <HeaderCheckbox state={allState} isDisabled={orderedIds.length === 0} onChange={toggleAll} />
                </th>
              )}
              {table.getHeaderGroups()[0]?.headers.map((header, i) => {
                const col = header.column;
                const meta = col.columnDef.meta;
                const sorted = col.getIsSorted();
                const canSort = col.getCanSort();
                const isRight = meta?.align === 'right';
                return (
                  <th
                    key={header.id}
                    scope="col"
                    aria-colindex={i + 1 + (hasSelection ? 1 : 0)}
                    aria-sort={
                      canSort ? (sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : 'none') : undefined
                    }
                    className={`sticky top-0 z-[2] border-b border-border bg-surface-2 px-3 text-xs font-semibold whitespace-nowrap text-muted ${
                      isRight ? 'text-right' : 'text-left'
                    } ${pinnedEdge(col.id)}`}
                    style={pinnedStyle(col.id, true)}
                  >
                    {canSort ? (
                      <button
                        type="button"
                        onClick={col.getToggleSortingHandler()}
                        className={`group flex w-full min-w-0 items-center gap-1 rounded hover:text-fg ${
                          isRight ? 'flex-row-reverse' : ''
                        }`}
                      >
                        <span className="truncate">{flexRender(col.columnDef.header, header.getContext())}</span>
                        {sorted === 'asc' ? (
                          <ArrowUp aria-hidden className="size-3.5 shrink-0 text-fg" />
                        ) : sorted === 'desc' ? (
                          <ArrowDown aria-hidden className="size-3.5 shrink-0 text-fg" />
                        ) : (
                          <ChevronsUpDown
                            aria-hidden
                            className="size-3.5 shrink-0 text-subtle opacity-0 group-hover:opacity-100 group-focus-visible:opacity-100"
                          />
                        )}
                      </button>
                    ) : (
                      <span className="block truncate">{flexRender(col.columnDef.header, header.getContext())}</span>
                    )}
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {showSkeleton &&
              Array.from({ length: SKELETON_ROWS }, (_, r) => (
                <tr key={`skeleton-${r}`} aria-hidden style={{ height: rowHeight }}>
                  {hasSelection && <td className="border-b border-border px-3" style={selectCellStyle(false)} />}
                  {leafColumns.map((col) => (
                    <td
                      key={col.id}
                      className="border-b border-border bg-surface px-3"
                      style={pinnedStyle(col.id, false)}
                    >
                      <Skeleton
                        className={`h-3 ${SKELETON_WIDTHS[(r + col.id.length) % SKELETON_WIDTHS.length] ?? 'w-1/2'} ${
                          col.columnDef.meta?.align === 'right' ? 'ml-auto' : ''
                        }`}
                      />
                    </td>
                  ))}
                </tr>
              ))}
            {paddingTop > 0 && (
              <tr aria-hidden style={{ height: paddingTop }}>
                <td colSpan={columnCount} className="p-0" />
              </tr>
            )}
            {virtualItems.map((item) => {
              if (item.index >= tableRows.length) {
                return (
                  <tr key={item.key} aria-rowindex={rows.length + 2} style={{ height: rowHeight }}>
                    <td colSpan={columnCount} className="border-b border-border p-0">
                      <div className="sticky left-0 flex w-[100cqw] max-w-full items-center gap-2 px-3 text-muted">
                        {hasError ? error : <Spinner size="sm" label="Loading more…" isLabelVisible />}
                      </div>
                    </td>
                  </tr>
                );
              }
              const row = tableRows[item.index];
              if (!row) return null;
              const isSelected = selection?.[row.id] === true;
              const isActive = item.index === activeIndex;
              const tone = getRowTone?.(row.original);
              const bg = isSelected
                ? 'bg-accent-soft'
                : isActive && isGridFocused
                  ? 'bg-surface-3'
                  : tone === 'danger'
                    ? 'bg-danger-soft'
                    : tone === 'warning'
                      ? 'bg-warning-soft'
                      : 'bg-surface group-hover/row:bg-surface-2';
              const focusBar = isActive && isGridFocused ? 'shadow-[inset_3px_0_0_var(--color-focus)]' : '';
              return (
                <tr
                  key={item.key}
                  id={rowDomId(item.index)}
                  aria-rowindex={item.index + 2}
                  aria-selected={hasSelection ? isSelected : undefined}
                  data-active={isActive || undefined}
                  className="group/row"
                  style={{ height: rowHeight }}
                  onMouseDown={() => setActiveId(row.id)}
                  onDoubleClick={() => onRowOpen?.(row.original)}
                >
                  {hasSelection && (
                    <td
                      aria-colindex={1}
                      className={`border-b border-border px-3 ${bg} ${focusBar}`}
                      style={selectCellStyle(false)}
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
                          toggleRow(row.id, native instanceof MouseEvent && native.shiftKey);
                        }}
                      />
                    </td>
                  )}
                  {row.getVisibleCells().map((cell, i) => {
                    const meta = cell.column.columnDef.meta;
                    const align = meta?.align === 'right' ? 'text-right tabular-nums' : 'text-left';
                    const mono = meta?.isMono ? 'font-mono text-[13px]' : '';
                    const bar = i === 0 && !hasSelection ? focusBar : '';
                    return (
                      <td
                        key={cell.id}
                        aria-colindex={i + 1 + (hasSelection ? 1 : 0)}
                        className={`truncate border-b border-border px-3 ${align} ${mono} ${bg} ${bar} ${pinnedEdge(cell.column.id)}`}
                        style={pinnedStyle(cell.column.id, false)}
                      >
                        {flexRender(cell.column.columnDef.cell, cell.getContext())}
                      </td>
                    );
                  })}
                </tr>
              );
            })}
            {paddingBottom > 0 && (
              <tr aria-hidden style={{ height: paddingBottom }}>
                <td colSpan={columnCount} className="p-0" />
              </tr>
            )}
          </tbody>
        </table>
        {showSkeleton && belowTable(<span className="text-xs text-muted">{loadingText ?? 'Loading…'}</span>, 'status')}
        {!showSkeleton && isEmpty && hasError && belowTable(error)}
        {!showSkeleton &&
          isEmpty &&
          !hasError &&
          belowTable(empty ?? <EmptyState title={`No ${label.toLowerCase()}`} />)}
      </div>
    </div>
  );
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
