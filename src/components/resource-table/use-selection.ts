import { useCallback, useMemo, useRef } from 'react';
import { rangeIds, selectionState, setSelected, type RowSelection } from './selection';

export interface UseSelectionOptions {
  /** Controlled selection keyed by row id; undefined when the table has no checkbox column. */
  selection: RowSelection | undefined;
  onSelectionChange: ((next: RowSelection) => void) | undefined;
  /** The loaded rows' ids in display order (after sorting), for ranges and "select all". */
  orderedIds: readonly string[];
}

export interface SelectionApi {
  hasSelection: boolean;
  isSelected: (id: string) => boolean;
  /** A plain toggle, or (isRange) every row from the last plain toggle's row to this one. */
  toggleRow: (id: string, isRange: boolean) => void;
  /** Drives the header checkbox. */
  allState: 'all' | 'some' | 'none';
  /** Selects every loaded row, or clears them when all are selected. */
  toggleAll: () => void;
}

/**
 * Row selection over a caller-owned map, with shift ranges. The range anchor is kept by id, so it
 * survives sorting and new pages (Cloudscape's use-selection keeps its shift anchor the same way).
 */
export function useSelection({ selection, onSelectionChange, orderedIds }: UseSelectionOptions): SelectionApi {
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
  const toggleAll = useCallback(() => {
    if (!selection || !onSelectionChange) return;
    onSelectionChange(setSelected(selection, orderedIds, allState !== 'all'));
  }, [selection, onSelectionChange, orderedIds, allState]);
  const isSelected = useCallback((id: string) => selection?.[id] === true, [selection]);
  return { hasSelection: selection !== undefined, isSelected, toggleRow, allState, toggleAll };
}
