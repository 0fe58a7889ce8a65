/** Selection is a map of row id → selected, owned by the caller, so it survives new pages and re-sorting. */
export type RowSelection = Record<string, boolean>;

/** The loaded rows that are selected, in the given order. */
export function selectedRows<T>(rows: readonly T[], selection: RowSelection, getRowId: (row: T) => string): T[] {
  return rows.filter((row) => selection[getRowId(row)] === true);
}

/** A copy of `selection` with `ids` set to `value`; unselected ids are dropped so the map stays small. */
export function setSelected(selection: RowSelection, ids: readonly string[], value: boolean): RowSelection {
  const next: RowSelection = { ...selection };
  for (const id of ids) {
    if (value) next[id] = true;
    else delete next[id];
  }
  return next;
}

/**
 * The ids between the anchor and the target (inclusive) in display order, as a shift-click or
 * shift+Space range. Without a usable anchor the range is the target alone.
 */
export function rangeIds(orderedIds: readonly string[], anchorId: string | undefined, targetId: string): string[] {
  const to = orderedIds.indexOf(targetId);
  if (to < 0) return [];
  const from = anchorId === undefined ? -1 : orderedIds.indexOf(anchorId);
  if (from < 0) return [targetId];
  const [lo, hi] = from <= to ? [from, to] : [to, from];
  return orderedIds.slice(lo, hi + 1);
}

/** 'all', 'some' or 'none' of the loaded ids are selected: drives the header checkbox. */
export function selectionState(orderedIds: readonly string[], selection: RowSelection): 'all' | 'some' | 'none' {
  let count = 0;
  for (const id of orderedIds) if (selection[id] === true) count += 1;
  if (count === 0) return 'none';
  return count === orderedIds.length ? 'all' : 'some';
}
