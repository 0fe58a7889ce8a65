import {
  getCoreRowModel,
  getSortedRowModel,
  useReactTable,
  type CellContext,
  type ColumnDef,
  type RowData,
  type SortingState,
  type TableMeta,
  type Updater,
} from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useId, useMemo, useRef, useState, type CSSProperties, type ReactNode } from 'react';
import { EmptyState } from '../ui/empty-state';
import { EmptyValue, isEmptyValue } from '../ui/empty-value';
import { ColumnSettings } from './column-settings';
import { revealTruncated } from './reveal-truncated';
import type { RowSelection } from './selection';
import { HEADER_HEIGHT, TableBodyRows, TableHeaderRow, TableSkeletonRows } from './table-parts';
import { useColumnPrefs } from './use-column-prefs';
import { useColumnWidths, type SizableColumn } from './use-column-widths';
import { useGridNavigation } from './use-grid-navigation';
import { useIsNarrow } from './use-narrow';
import { usePinnedColumns } from './use-pinned-columns';
import { useSelection } from './use-selection';

export { selectedRows } from './selection';

export interface ResourceTableColumnMeta {
  align?: 'left' | 'right';
  /** Monospace, for ids, keys and ARNs. */
  isMono?: boolean;
  /** The key column: first, never hidden, sticky on the left during horizontal scroll. */
  isPinned?: boolean;
  /** Never narrowed below its content (pinned columns are key columns too). */
  isKey?: boolean;
  /**
   * Identifies or describes a row (its state, its count): still shown under 640 px, where the other
   * columns give way and stay reachable in the row's details. Pinned columns always are.
   */
  isEssential?: boolean;
  /** Can be hidden in the settings panel; default true except pinned. */
  canHide?: boolean;
  /** Column width in px when its content cannot be measured (default 160). */
  width?: number;
  /** The narrowest the column gets before the table scrolls sideways (default 72, never below its header). */
  minWidth?: number;
  /** The widest it grows to show its content (default the larger of width and 360); longer values truncate. */
  maxWidth?: number;
  /** Name in the settings panel when the header is not plain text. */
  label?: string;
}

/** What cells may call, through `table.options.meta`, so column defs never close over page state. */
export interface ResourceTableMeta<TData> {
  /** The table's `onRowOpen`: a cell's own "open" control calls it with its row. */
  openRow?: (row: TData) => void;
}

declare module '@tanstack/react-table' {
  // TanStack's documented way to type `meta`; the type parameters must match its declaration.
  // eslint-disable-next-line @typescript-eslint/no-unused-vars, @typescript-eslint/no-empty-object-type
  interface ColumnMeta<TData extends RowData, TValue> extends ResourceTableColumnMeta {}
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface TableMeta<TData extends RowData> extends ResourceTableMeta<TData> {}
}

/**
 * A column of a ResourceTable. `never` as the value type accepts columns of any value type
 * (createColumnHelper's accessors and plain defs) without `any`.
 */
export type ResourceTableColumn<T> = ColumnDef<T, never>;

export interface ResourceTableProps<T> {
  /** Accessible name of the table, e.g. "Objects". */
  label: string;
  /**
   * TanStack v8 column defs with `meta: ResourceTableColumnMeta`; every column needs an `id`. Keep them
   * the same objects between renders (module constants or useMemo on what really changes): a new `cell`
   * function is a new component type, and every visible cell would remount.
   */
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
  /** Enter on the focused row, or a double-click; cells reach it as `table.options.meta.openRow`. */
  onRowOpen?: (row: T) => void;
  /** More callbacks for cells, read at call time through `table.options.meta` (TanStack's TableMeta). */
  meta?: TableMeta<T>;
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

function columnIdOf<T>(column: ResourceTableColumn<T>): string {
  if (column.id !== undefined) return column.id;
  if ('accessorKey' in column && column.accessorKey !== undefined) return String(column.accessorKey);
  throw new Error('ResourceTable: every column needs an id');
}

function columnLabelOf<T>(column: ResourceTableColumn<T>): string {
  if (column.meta?.label !== undefined) return column.meta.label;
  return typeof column.header === 'string' ? column.header : columnIdOf(column);
}

/** A column without its own cell shows its value, or the dash when there is none. */
function DefaultCell<T>({ getValue }: CellContext<T, unknown>) {
  const value = getValue();
  if (isEmptyValue(value)) return <EmptyValue />;
  return typeof value === 'object' ? null : String(value);
}
const defaultColumn = { cell: DefaultCell };

/**
 * The console's one table: TanStack Table (headless) for sorting, visibility and order, TanStack
 * Virtual for the rows, so a list of 100,000 keeps about a screenful of rows in the DOM. Its
 * behaviours are hooks beside it: grid navigation, selection, pinned columns, column widths.
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
  meta,
  rowHeight = 40,
  height,
  getRowTone,
  toolbar,
}: ResourceTableProps<T>) {
  const baseId = useId();
  const hasError = error !== undefined && error !== null && error !== false;
  const isNarrow = useIsNarrow();

  // Columns: pinned ones first and always shown; the others hideable and movable by the user.
  const pinnedIds = useMemo(() => columns.filter((c) => c.meta?.isPinned).map(columnIdOf), [columns]);
  const movableIds = useMemo(() => columns.filter((c) => !c.meta?.isPinned).map(columnIdOf), [columns]);
  const prefs = useColumnPrefs(storageKey, movableIds, defaultHiddenColumns);
  const columnVisibility = useMemo(() => {
    const vis: Record<string, boolean> = { ...prefs.visibility };
    const marked = columns.some((c) => c.meta?.isEssential);
    const firstOther = columns.find((c) => !c.meta?.isPinned);
    for (const c of columns) {
      const id = columnIdOf(c);
      if (c.meta?.isPinned || c.meta?.canHide === false) vis[id] = true;
      // On a phone: the columns that identify and describe a row (the first after the name, unless marked).
      const isEssential = c.meta?.isPinned || (marked ? c.meta?.isEssential === true : c === firstOther);
      if (isNarrow && !isEssential) vis[id] = false;
    }
    return vis;
  }, [columns, prefs.visibility, isNarrow]);
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
  const tableMeta = useMemo<TableMeta<T>>(
    () => ({ ...meta, ...(onRowOpen ? { openRow: onRowOpen } : {}) }),
    [meta, onRowOpen],
  );

  // TanStack Table returns fresh functions each render by design; the compiler must not memoise around it.
  // eslint-disable-next-line react-hooks/incompatible-library
  const table = useReactTable<T>({
    data: rows,
    // Same defs; `never` (for callers) and the table's own value type differ only in variance.
    columns: columns as ColumnDef<T, unknown>[],
    defaultColumn: defaultColumn as Partial<ColumnDef<T, unknown>>,
    getRowId: (row) => getRowId(row),
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
    state: { sorting: sortingState, columnVisibility, columnOrder },
    onSortingChange: handleSortingChange,
    enableMultiSort: true,
    // Every column sorts ascending first (A→Z, small→large), whatever its type.
    sortDescFirst: false,
    meta: tableMeta,
  });
  const tableRows = table.getRowModel().rows;
  const orderedIds = useMemo(() => tableRows.map((r) => r.id), [tableRows]);
  const leafColumns = table.getVisibleLeafColumns();
  const select = useSelection({ selection, onSelectionChange, orderedIds });
  const leadWidth = select.hasSelection ? SELECT_WIDTH : 0;

  const isEmpty = rows.length === 0;
  const showSkeleton = isLoading && isEmpty;
  const showLoaderRow = !isEmpty && (hasNextPage || isFetchingNextPage || hasError);
  const rowCount = isEmpty ? 0 : tableRows.length + (showLoaderRow ? 1 : 0);

  // Widths: fitted to content within the box; measured when new content arrives, not while scrolling.
  const scrollRef = useRef<HTMLDivElement>(null);
  const tableRef = useRef<HTMLTableElement>(null);
  const visibleKey = leafColumns.map((c) => c.id).join('\u0000');
  const sizable = useMemo<SizableColumn[]>(
    () =>
      leafColumns.map((c) => {
        const m = c.columnDef.meta;
        return {
          id: c.id,
          preferred: m?.width ?? DEFAULT_WIDTH,
          // A display column that cannot be hidden holds controls (a row's menu): they do not truncate.
          isKey: m?.isPinned === true || m?.isKey === true || (c.accessorFn === undefined && m?.canHide === false),
          ...(m?.minWidth !== undefined ? { minWidth: m.minWidth } : {}),
          ...(m?.maxWidth !== undefined ? { maxWidth: m.maxWidth } : {}),
        };
      }),
    // The visible columns' ids stand for the list TanStack rebuilds on every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [visibleKey, columns],
  );
  const widths = useColumnWidths({
    tableRef,
    boxRef: scrollRef,
    columns: sizable,
    leadWidth,
    measureKey: isEmpty ? undefined : `${visibleKey}|${Math.min(rows.length, 100)}|${orderedIds[0] ?? ''}`,
  });
  const widthOf = (id: string) => widths.get(id) ?? DEFAULT_WIDTH;
  const pinned = usePinnedColumns(
    leafColumns.map((c) => ({ id: c.id, width: widthOf(c.id), isPinned: c.columnDef.meta?.isPinned === true })),
    leadWidth,
  );
  const minTableWidth = leafColumns.reduce((sum, c) => sum + widthOf(c.id), leadWidth);
  const columnCount = leafColumns.length + (select.hasSelection ? 1 : 0);

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

  const nav = useGridNavigation({
    rowIds: orderedIds,
    pageSize: () => Math.floor(((scrollRef.current?.clientHeight ?? 0) - HEADER_HEIGHT) / rowHeight),
    scrollToIndex: (index) => virtualizer.scrollToIndex(index, { align: 'auto' }),
    scrollSideways: (left) => scrollRef.current?.scrollBy?.({ left }),
    ...(select.hasSelection ? { onSelect: select.toggleRow } : {}),
    ...(onRowOpen
      ? {
          onOpen: (index: number) => {
            const row = tableRows[index];
            if (row) onRowOpen(row.original);
          },
        }
      : {}),
  });
  const rowDomId = (index: number) => `${baseId}-row-${index}`;
  const isActiveRendered = virtualItems.some((v) => v.index === nav.activeIndex);

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

  const hasPlaceholder = showSkeleton || isEmpty;
  // Room for the empty state or skeleton; a short list of rows ends where its last row does.
  const boxStyle: CSSProperties =
    height !== undefined
      ? { height }
      : { maxHeight: 'max(20rem, calc(100dvh - 16rem))', ...(hasPlaceholder ? { minHeight: '12rem' } : {}) };

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
        className="@container relative overflow-auto overscroll-x-contain rounded-md border border-border bg-surface has-[>table:focus-visible]:outline-2 has-[>table:focus-visible]:-outline-offset-2 has-[>table:focus-visible]:outline-focus"
        style={boxStyle}
      >
        <table
          ref={tableRef}
          role="grid"
          aria-label={label}
          // The header row, the loaded rows, and one more while further pages exist (the loader row).
          aria-rowcount={rows.length + 1 + (showLoaderRow ? 1 : 0)}
          aria-colcount={columnCount}
          aria-multiselectable={select.hasSelection || undefined}
          aria-busy={showSkeleton || isFetchingNextPage || undefined}
          aria-activedescendant={nav.isKeyboardFocused && isActiveRendered ? rowDomId(nav.activeIndex) : undefined}
          tabIndex={0}
          {...nav.gridProps}
          className="w-full table-fixed border-separate border-spacing-0 text-sm outline-none focus-visible:outline-none"
          style={{ minWidth: minTableWidth }}
        >
          <colgroup>
            {select.hasSelection && <col style={{ width: SELECT_WIDTH }} />}
            {leafColumns.map((col, i) => (
              // The last column takes any spare width, so pinned offsets stay exact.
              <col key={col.id} style={i === leafColumns.length - 1 ? undefined : { width: widthOf(col.id) }} />
            ))}
          </colgroup>
          <thead>
            <TableHeaderRow table={table} select={select} pinned={pinned} hasRows={orderedIds.length > 0} />
          </thead>
          <tbody
            onPointerOver={revealTruncated}
            onFocus={revealTruncated}
            // Cells clip their overflow (ellipsis): focus rings of links and buttons in them are drawn inside.
            className="[&_:focus-visible]:-outline-offset-2"
          >
            {showSkeleton && (
              <TableSkeletonRows columns={leafColumns} select={select} pinned={pinned} rowHeight={rowHeight} />
            )}
            {paddingTop > 0 && (
              <tr aria-hidden data-span style={{ height: paddingTop }}>
                <td colSpan={columnCount} className="p-0" />
              </tr>
            )}
            <TableBodyRows
              items={virtualItems}
              rows={tableRows}
              rowHeight={rowHeight}
              columnCount={columnCount}
              loadedCount={rows.length}
              loader={hasError ? error : undefined}
              select={select}
              pinned={pinned}
              nav={nav}
              rowDomId={rowDomId}
              getRowLabel={getRowLabel}
              getRowTone={getRowTone}
              onRowOpen={onRowOpen}
            />
            {paddingBottom > 0 && (
              <tr aria-hidden data-span style={{ height: paddingBottom }}>
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
