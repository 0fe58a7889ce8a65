// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { createColumnHelper, type CellContext, type SortingState } from '@tanstack/react-table';
import axe from 'axe-core';
import { useState } from 'react';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { ResourceTable, selectedRows, type ResourceTableProps } from './resource-table';

interface Obj {
  key: string;
  size: number;
  kind: string;
}

const h = createColumnHelper<Obj>();
const columns = [
  h.accessor('key', { id: 'key', header: 'Key', meta: { isPinned: true, isMono: true, width: 240 } }),
  h.accessor('size', { id: 'size', header: 'Size', meta: { align: 'right' } }),
  h.accessor('kind', { id: 'kind', header: 'Kind' }),
];

function makeRows(n: number, start = 0): Obj[] {
  return Array.from({ length: n }, (_, i) => ({
    key: `object-${start + i}`,
    // Sizes out of key order, so sorting by size visibly reorders.
    size: ((start + i) * 7919) % 1000,
    kind: i % 2 === 0 ? 'file' : 'folder',
  }));
}

// jsdom has no layout: give the table's scroll box a size and a working scrollTop/scrollTo, the way
// TanStack Virtual's own tests stub element sizes.
const BOX_HEIGHT = 400;
const scrollTops = new WeakMap<Element, number>();
const isBox = (el: Element) => el.firstElementChild?.getAttribute('role') === 'grid';
const saved: [string, PropertyDescriptor | undefined][] = [];
beforeAll(() => {
  const define = (name: string, descriptor: PropertyDescriptor) => {
    saved.push([name, Object.getOwnPropertyDescriptor(HTMLElement.prototype, name)]);
    Object.defineProperty(HTMLElement.prototype, name, { configurable: true, ...descriptor });
  };
  define('clientHeight', {
    get(this: HTMLElement) {
      return isBox(this) ? BOX_HEIGHT : 0;
    },
  });
  define('clientWidth', {
    get(this: HTMLElement) {
      return isBox(this) ? 800 : 0;
    },
  });
  // The content height as a browser would lay it out: the header, spacer and row heights.
  define('scrollHeight', {
    get(this: HTMLElement) {
      if (!isBox(this)) return 0;
      return [...this.querySelectorAll('tr')].reduce((sum, tr) => sum + (parseFloat(tr.style.height) || 0), 0);
    },
  });
  define('scrollTop', {
    get(this: HTMLElement) {
      return scrollTops.get(this) ?? 0;
    },
    set(this: HTMLElement, value: number) {
      scrollTops.set(this, value);
    },
  });
  define('scrollTo', {
    value(this: HTMLElement, options: ScrollToOptions) {
      const max = Math.max(0, this.scrollHeight - this.clientHeight);
      if (options.top !== undefined) this.scrollTop = Math.min(Math.max(0, options.top), max);
      this.dispatchEvent(new Event('scroll'));
    },
  });
});
// Radix's popover measures its trigger; jsdom has no ResizeObserver.
class NoopResizeObserver {
  observe() {}
  unobserve() {}
  disconnect() {}
}
vi.stubGlobal('ResizeObserver', NoopResizeObserver);
afterAll(() => {
  vi.unstubAllGlobals();
  for (const [name, descriptor] of saved.reverse()) {
    if (descriptor) Object.defineProperty(HTMLElement.prototype, name, descriptor);
    else Reflect.deleteProperty(HTMLElement.prototype, name);
  }
});
afterEach(() => {
  cleanup();
  localStorage.clear();
});

type HarnessProps = Partial<ResourceTableProps<Obj>> & { initialSelection?: Record<string, boolean> };

/** A page's use of the table: it owns the selection (and, when given, the sorting). */
function Harness({ initialSelection, rows = makeRows(20), ...props }: HarnessProps) {
  const [selection, setSelection] = useState<Record<string, boolean>>(initialSelection ?? {});
  return (
    <ResourceTable<Obj>
      label="Objects"
      columns={columns}
      rows={rows}
      getRowId={(r) => r.key}
      getRowLabel={(r) => r.key}
      selection={selection}
      onSelectionChange={setSelection}
      {...props}
    />
  );
}

const scrollBox = () => {
  const box = grid().parentElement;
  if (!box) throw new Error('the grid has no scroll box');
  return box;
};
const grid = () => screen.getByRole('grid', { name: 'Objects' });
/** Data rows as the user reads them: the key in each, top to bottom. */
const visibleKeys = () =>
  within(grid())
    .getAllByRole('row')
    .slice(1)
    .map((row) => row.querySelector('td.font-mono')?.textContent)
    .filter((k): k is string => k !== undefined && k !== null);

function scrollTo(top: number) {
  act(() => {
    scrollBox().scrollTop = top;
    fireEvent.scroll(scrollBox());
  });
}

describe('ResourceTable', () => {
  it('keeps about a screenful of rows in the DOM for 100,000 rows, and renders row 50,000 when scrolled there', () => {
    render(<Harness rows={makeRows(100_000)} />);
    expect(grid().getAttribute('aria-rowcount')).toBe('100001');
    const rendered = within(grid()).getAllByRole('row');
    expect(rendered.length).toBeGreaterThan(5);
    expect(rendered.length).toBeLessThan(100);
    expect(screen.queryByText('object-50000')).toBeNull();

    scrollTo(50_000 * 40);
    const row = screen.getByText('object-50000').closest('tr');
    expect(row?.getAttribute('aria-rowindex')).toBe('50002');
    expect(within(grid()).getAllByRole('row').length).toBeLessThan(100);
    expect(screen.queryByText('object-0')).toBeNull();
  });

  it('asks for the next page near the end only while more exist and none is being fetched', () => {
    const onLoadMore = vi.fn();
    const rows = makeRows(60);
    const { rerender } = render(<Harness rows={rows} hasNextPage onLoadMore={onLoadMore} />);
    // At the top of 60 rows nothing is requested yet.
    expect(onLoadMore).not.toHaveBeenCalled();

    rerender(<Harness rows={rows} hasNextPage isFetchingNextPage onLoadMore={onLoadMore} />);
    scrollTo(60 * 40);
    expect(screen.getByText('Loading more…')).toBeTruthy();
    expect(onLoadMore).not.toHaveBeenCalled();

    rerender(<Harness rows={rows} hasNextPage={false} onLoadMore={onLoadMore} />);
    expect(onLoadMore).not.toHaveBeenCalled();
    expect(screen.queryByText('Loading more…')).toBeNull();

    rerender(<Harness rows={rows} hasNextPage onLoadMore={onLoadMore} />);
    expect(onLoadMore).toHaveBeenCalledTimes(1);
    // The loader row counts as one more row for screen readers.
    expect(grid().getAttribute('aria-rowcount')).toBe('62');
  });

  it('shows a failed next page in the loader row, keeps the loaded rows, and stops asking', () => {
    const onLoadMore = vi.fn();
    render(
      <Harness rows={makeRows(5)} hasNextPage onLoadMore={onLoadMore} error={<p>Could not load more objects</p>} />,
    );
    expect(screen.getByText('Could not load more objects')).toBeTruthy();
    expect(visibleKeys()).toEqual(['object-0', 'object-1', 'object-2', 'object-3', 'object-4']);
    expect(onLoadMore).not.toHaveBeenCalled();
  });

  it('selects a range with shift-click, and all loaded rows with the header checkbox', () => {
    const onSelectionChange = vi.fn();
    function Spy() {
      const [selection, setSelection] = useState<Record<string, boolean>>({});
      return (
        <Harness
          selection={selection}
          onSelectionChange={(next) => {
            onSelectionChange(next);
            setSelection(next);
          }}
        />
      );
    }
    render(<Spy />);
    const box = (key: string) => screen.getByRole<HTMLInputElement>('checkbox', { name: `Select ${key}` });

    fireEvent.click(box('object-2'));
    fireEvent.click(box('object-5'), { shiftKey: true });
    for (const i of [2, 3, 4, 5]) expect(box(`object-${i}`).checked).toBe(true);
    for (const i of [1, 6]) expect(box(`object-${i}`).checked).toBe(false);
    expect(screen.getByText('object-3').closest('tr')?.getAttribute('aria-selected')).toBe('true');
    const header = screen.getByRole<HTMLInputElement>('checkbox', { name: 'Select all loaded rows' });
    expect(header.indeterminate).toBe(true);

    fireEvent.click(header);
    expect(header.checked).toBe(true);
    expect(Object.keys(onSelectionChange.mock.lastCall?.[0] ?? {})).toHaveLength(20);

    fireEvent.click(header);
    expect(box('object-3').checked).toBe(false);
  });

  it('keeps the selection by id when new pages arrive, and selectedRows returns the selected rows', () => {
    const first = makeRows(10);
    const { rerender } = render(<Harness rows={first} initialSelection={{ 'object-3': true }} />);
    rerender(<Harness rows={[...first, ...makeRows(10, 10)]} initialSelection={{ 'object-3': true }} />);
    expect(screen.getByRole<HTMLInputElement>('checkbox', { name: 'Select object-3' }).checked).toBe(true);
    expect(selectedRows(makeRows(5), { 'object-3': true, 'object-9': true }, (r) => r.key).map((r) => r.key)).toEqual([
      'object-3',
    ]);
  });

  it('sorts the loaded rows by a column, announcing the order', () => {
    render(<Harness rows={makeRows(6)} />);
    const sizes = () => visibleKeys().map((k) => makeRows(6).find((r) => r.key === k)?.size);
    expect(visibleKeys()[0]).toBe('object-0');

    const th = screen.getByRole('columnheader', { name: 'Size' });
    expect(th.getAttribute('aria-sort')).toBe('none');
    expect(sizes()).not.toEqual([...sizes()].sort((a = 0, b = 0) => a - b));

    fireEvent.click(screen.getByRole('button', { name: 'Size' }));
    expect(sizes()).toEqual([...sizes()].sort((a = 0, b = 0) => a - b));
    expect(th.getAttribute('aria-sort')).toBe('ascending');

    fireEvent.click(screen.getByRole('button', { name: 'Size' }));
    expect(sizes()).toEqual([...sizes()].sort((a = 0, b = 0) => b - a));
    expect(th.getAttribute('aria-sort')).toBe('descending');
  });

  it('reports sorting to a caller that controls it', () => {
    function Controlled() {
      const [sorting, setSorting] = useState<SortingState>([{ id: 'key', desc: true }]);
      return <Harness rows={makeRows(3)} sorting={sorting} onSortingChange={setSorting} />;
    }
    render(<Controlled />);
    expect(visibleKeys()).toEqual(['object-2', 'object-1', 'object-0']);
    fireEvent.click(screen.getByRole('button', { name: 'Key' }));
    expect(screen.getByRole('columnheader', { name: 'Key' }).getAttribute('aria-sort')).not.toBe('descending');
  });

  it('hides and reorders columns from the settings panel and remembers it across remounts', () => {
    const { unmount } = render(<Harness storageKey="objects" />);
    fireEvent.click(screen.getByRole('button', { name: 'Table settings' }));
    const panel = screen.getByRole('dialog', { name: 'Objects columns' });
    fireEvent.click(within(panel).getByRole('checkbox', { name: 'Size' }));
    fireEvent.click(within(panel).getByRole('button', { name: 'Move Kind up' }));
    const headers = () =>
      within(grid())
        .getAllByRole('columnheader')
        .map((c) => c.textContent);
    expect(headers()).toEqual(['', 'Key', 'Kind']);
    unmount();

    render(<Harness storageKey="objects" />);
    expect(headers()).toEqual(['', 'Key', 'Kind']);
    fireEvent.click(screen.getByRole('button', { name: 'Table settings' }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Size' }));
    expect(headers()).toEqual(['', 'Key', 'Kind', 'Size']);
    // Another table keeps its own defaults.
    cleanup();
    render(<Harness storageKey="instances" defaultHiddenColumns={['kind']} />);
    expect(headers()).toEqual(['', 'Key', 'Size']);
  });

  it('moves the focused row with the arrow keys and opens it with Enter', () => {
    const onRowOpen = vi.fn();
    render(<Harness rows={makeRows(500)} onRowOpen={onRowOpen} />);
    act(() => grid().focus());
    fireEvent.keyDown(grid(), { key: 'ArrowDown' });
    fireEvent.keyDown(grid(), { key: 'ArrowDown' });
    const active = () => document.getElementById(grid().getAttribute('aria-activedescendant') ?? '');
    expect(active()?.textContent).toContain('object-2');
    fireEvent.keyDown(grid(), { key: 'Enter' });
    expect(onRowOpen).toHaveBeenCalledWith(expect.objectContaining({ key: 'object-2' }));

    // End scrolls the last row into view; Space selects it.
    fireEvent.keyDown(grid(), { key: 'End' });
    expect(active()?.textContent).toContain('object-499');
    fireEvent.keyDown(grid(), { key: ' ' });
    expect(screen.getByRole<HTMLInputElement>('checkbox', { name: 'Select object-499' }).checked).toBe(true);
    fireEvent.keyDown(grid(), { key: 'ArrowUp' });
    fireEvent.keyDown(grid(), { key: 'ArrowUp' });
    fireEvent.keyDown(grid(), { key: ' ', shiftKey: true });
    for (const i of [497, 498, 499]) {
      expect(screen.getByRole<HTMLInputElement>('checkbox', { name: `Select object-${i}` }).checked).toBe(true);
    }
    fireEvent.keyDown(grid(), { key: 'Home' });
    expect(active()?.textContent).toContain('object-0');

    fireEvent.doubleClick(screen.getByText('object-1'));
    expect(onRowOpen).toHaveBeenLastCalledWith(expect.objectContaining({ key: 'object-1' }));
  });

  it('shows skeleton rows with the loading text, the empty node, or the error node in place of rows', () => {
    const { rerender } = render(<Harness rows={[]} isLoading loadingText="Retrying (2)…" />);
    expect(screen.getByRole('status').textContent).toBe('Retrying (2)…');
    expect(grid().getAttribute('aria-busy')).toBe('true');
    expect(grid().querySelectorAll('tbody tr[aria-hidden]').length).toBe(8);
    expect(visibleKeys()).toEqual([]);

    rerender(<Harness rows={[]} empty={<p>No objects in photos/</p>} />);
    expect(screen.getByText('No objects in photos/')).toBeTruthy();
    expect(grid().querySelectorAll('tbody tr').length).toBe(0);

    rerender(<Harness rows={[]} error={<p>Your role does not allow s3:ListBucket</p>} empty={<p>No objects</p>} />);
    expect(screen.getByText('Your role does not allow s3:ListBucket')).toBeTruthy();
    expect(screen.queryByText('No objects')).toBeNull();
  });

  it('tints rows by tone, and has no checkbox column without a selection', () => {
    render(
      <ResourceTable<Obj>
        label="Objects"
        columns={columns}
        rows={makeRows(3)}
        getRowId={(r) => r.key}
        getRowTone={(r) => (r.key === 'object-1' ? 'danger' : undefined)}
      />,
    );
    expect(screen.queryAllByRole('checkbox')).toHaveLength(0);
    expect(screen.getByText('object-1').className).toContain('bg-danger-soft');
    expect(screen.getByText('object-0').className).not.toContain('bg-danger-soft');
  });

  it('gives cells the row-open callback through the table meta, so stable cells open the latest target', () => {
    // A module-level cell, as pages should write them: it reads the callback when clicked.
    function OpenCell({ row, table }: CellContext<Obj, unknown>) {
      return (
        <button type="button" onClick={() => table.options.meta?.openRow?.(row.original)}>
          Open {row.original.key}
        </button>
      );
    }
    const withOpen = [
      h.display({ id: 'open', header: 'Open', cell: OpenCell, meta: { isPinned: true } }),
      ...columns.slice(1),
    ];
    const first = vi.fn();
    const second = vi.fn();
    const { rerender } = render(<Harness rows={makeRows(3)} columns={withOpen} onRowOpen={first} />);
    const button = screen.getByRole('button', { name: 'Open object-1' });
    rerender(<Harness rows={makeRows(3)} columns={withOpen} onRowOpen={second} />);
    // The same columns: the cell was not remounted, and it calls the callback given now.
    expect(screen.getByRole('button', { name: 'Open object-1' })).toBe(button);
    fireEvent.click(button);
    expect(first).not.toHaveBeenCalled();
    expect(second).toHaveBeenCalledWith(expect.objectContaining({ key: 'object-1' }));
  });

  it('shows the dash for an absent value in a column without its own cell', () => {
    const rows = [{ key: 'a', size: 0, kind: '' }];
    render(<Harness rows={rows} />);
    const cells = [...(screen.getByText('a').closest('tr')?.querySelectorAll('td') ?? [])];
    expect(cells.map((c) => c.textContent)).toEqual(['', 'a', '0', '–']);
  });

  it('ends a short list at its last row, and keeps room for the empty state', () => {
    const { rerender } = render(<Harness rows={makeRows(2)} />);
    expect(scrollBox().style.minHeight).toBe('');
    rerender(<Harness rows={[]} />);
    expect(scrollBox().style.minHeight).toBe('12rem');
  });

  it('under 640 px shows the pinned column and the essential ones only', () => {
    const narrow = (query: string) =>
      ({
        matches: query.includes('max-width: 639px'),
        addEventListener() {},
        removeEventListener() {},
      }) as unknown as MediaQueryList;
    vi.stubGlobal('matchMedia', narrow);
    try {
      const headers = () =>
        within(grid())
          .getAllByRole('columnheader')
          .map((c) => c.textContent);
      const { unmount } = render(<Harness />);
      // Nothing marked essential: the first column after the name describes the row.
      expect(headers()).toEqual(['', 'Key', 'Size']);
      unmount();
      const marked = [
        columns[0]!,
        columns[1]!,
        h.accessor('kind', { id: 'kind', header: 'Kind', meta: { isEssential: true } }),
      ];
      render(<Harness columns={marked} />);
      expect(headers()).toEqual(['', 'Key', 'Kind']);
    } finally {
      vi.stubGlobal('matchMedia', undefined);
    }
  });

  it('has no accessibility violations with selection, sorting, a focused row and a loader row', async () => {
    const { container } = render(<Harness rows={makeRows(30)} hasNextPage isFetchingNextPage storageKey="a11y" />);
    fireEvent.click(screen.getByRole('button', { name: 'Key' }));
    act(() => grid().focus());
    fireEvent.keyDown(grid(), { key: 'ArrowDown' });
    expect(grid().getAttribute('aria-activedescendant')).toBeTruthy();
    // jsdom cannot compute colours; contrast is checked in the browser.
    const result = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
    expect(result.passes.length).toBeGreaterThan(10);
    expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' | ')}`)).toEqual([]);
  });
});
