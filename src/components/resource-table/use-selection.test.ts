// @vitest-environment jsdom
import { act, renderHook } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import type { RowSelection } from './selection';
import { useSelection } from './use-selection';

/** The hook as a page uses it: the page owns the map and passes it back in. */
function useHarness(orderedIds: readonly string[], initial: RowSelection = {}) {
  const [selection, setSelection] = useState<RowSelection>(initial);
  return { selection, ...useSelection({ selection, onSelectionChange: setSelection, orderedIds }) };
}

const ids = ['a', 'b', 'c', 'd', 'e'];
const selected = (s: RowSelection) => Object.keys(s).sort();

describe('useSelection', () => {
  it('toggles one row, then a shift range from it in display order, either direction', () => {
    const { result } = renderHook(() => useHarness(ids));
    act(() => result.current.toggleRow('b', false));
    expect(selected(result.current.selection)).toEqual(['b']);
    act(() => result.current.toggleRow('d', true));
    expect(selected(result.current.selection)).toEqual(['b', 'c', 'd']);
    // The anchor moved to d: a range back to a takes a..d.
    act(() => result.current.toggleRow('a', true));
    expect(selected(result.current.selection)).toEqual(['a', 'b', 'c', 'd']);
    expect(result.current.isSelected('c')).toBe(true);
    expect(result.current.isSelected('e')).toBe(false);
  });

  it('keeps the anchor by id when the order changes (sorted), so the range follows what is on screen', () => {
    const { result, rerender } = renderHook(({ order }) => useHarness(order), { initialProps: { order: ids } });
    act(() => result.current.toggleRow('b', false));
    rerender({ order: ['e', 'd', 'c', 'b', 'a'] });
    act(() => result.current.toggleRow('d', true));
    expect(selected(result.current.selection)).toEqual(['b', 'c', 'd']);
  });

  it('says all, some or none for the header checkbox, and toggleAll selects then clears every loaded row', () => {
    const { result } = renderHook(() => useHarness(ids, { c: true }));
    expect(result.current.allState).toBe('some');
    act(() => result.current.toggleAll());
    expect(result.current.allState).toBe('all');
    expect(selected(result.current.selection)).toEqual(ids);
    act(() => result.current.toggleAll());
    expect(result.current.allState).toBe('none');
    expect(selected(result.current.selection)).toEqual([]);
  });

  it('does nothing without a selection (a table with no checkbox column)', () => {
    const { result } = renderHook(() =>
      useSelection({ selection: undefined, onSelectionChange: undefined, orderedIds: ids }),
    );
    expect(result.current.hasSelection).toBe(false);
    expect(() => result.current.toggleRow('a', false)).not.toThrow();
    expect(result.current.isSelected('a')).toBe(false);
    expect(result.current.allState).toBe('none');
  });
});
