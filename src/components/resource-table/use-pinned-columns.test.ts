// @vitest-environment jsdom
import { renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { usePinnedColumns, type PinnableColumn } from './use-pinned-columns';

const cols: PinnableColumn[] = [
  { id: 'name', width: 200, isPinned: true },
  { id: 'key', width: 150, isPinned: true },
  { id: 'state', width: 120, isPinned: false },
];

describe('usePinnedColumns', () => {
  it('sticks each pinned column right after the checkbox column and the pinned ones before it', () => {
    const { result } = renderHook(() => usePinnedColumns(cols, 40));
    expect(result.current.styleOf('name', false)).toMatchObject({ position: 'sticky', left: 40 });
    expect(result.current.styleOf('key', false)).toMatchObject({ position: 'sticky', left: 240 });
    expect(result.current.styleOf('state', false)).toBeUndefined();
    expect(result.current.selectStyle(false)).toMatchObject({ position: 'sticky', left: 0, width: 40 });
  });

  it('starts at 0 without a checkbox column, and only the last pinned column draws the edge', () => {
    const { result } = renderHook(() => usePinnedColumns(cols, 0));
    expect(result.current.styleOf('name', false)).toMatchObject({ left: 0 });
    expect(result.current.isLastPinned('key')).toBe(true);
    expect(result.current.isLastPinned('name')).toBe(false);
  });

  it('keeps pinned headers above pinned body cells, and those above scrolled cells', () => {
    const { result } = renderHook(() => usePinnedColumns(cols, 40));
    const header = Number(result.current.styleOf('name', true)?.zIndex);
    const body = Number(result.current.styleOf('name', false)?.zIndex);
    expect(header).toBeGreaterThan(body);
    expect(body).toBeGreaterThan(0);
  });

  it('follows a width change, and returns the same object for the same columns in a new array', () => {
    const { result, rerender } = renderHook(({ c }) => usePinnedColumns(c, 0), { initialProps: { c: cols } });
    const first = result.current;
    rerender({ c: cols.map((c) => ({ ...c })) });
    expect(result.current).toBe(first);
    rerender({ c: [{ ...cols[0]!, width: 260 }, ...cols.slice(1)] });
    expect(result.current.styleOf('key', false)).toMatchObject({ left: 260 });
  });
});
