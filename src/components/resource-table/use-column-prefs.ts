import { useCallback, useMemo, useState } from 'react';

/** What the user chose for a table's columns; only explicit choices are kept, so new columns get their defaults. */
export interface ColumnPrefs {
  visibility: Record<string, boolean>;
  order: string[];
}

export interface ColumnPrefsApi {
  /** Every column id → visible, defaults applied. */
  visibility: Record<string, boolean>;
  /** Every column id in display order (stored order first, then new columns in definition order). */
  order: string[];
  setVisible: (id: string, isVisible: boolean) => void;
  /** Moves a column one place up (-1) or down (+1). */
  move: (id: string, delta: -1 | 1) => void;
  reset: () => void;
  isCustomised: boolean;
}

const EMPTY: ColumnPrefs = { visibility: {}, order: [] };

export function storageKeyOf(key: string): string {
  return `console.table.${key}`;
}

function readPrefs(key: string | undefined): ColumnPrefs {
  if (key === undefined) return EMPTY;
  try {
    const raw: unknown = JSON.parse(localStorage.getItem(storageKeyOf(key)) ?? 'null');
    if (typeof raw !== 'object' || raw === null) return EMPTY;
    const { visibility, order } = raw as Partial<Record<keyof ColumnPrefs, unknown>>;
    const vis: Record<string, boolean> = {};
    if (typeof visibility === 'object' && visibility !== null) {
      for (const [id, value] of Object.entries(visibility)) if (typeof value === 'boolean') vis[id] = value;
    }
    const ord = Array.isArray(order) ? order.filter((id): id is string => typeof id === 'string') : [];
    return { visibility: vis, order: ord };
  } catch {
    // Unreadable or blocked storage: fall back to the defaults rather than breaking the page.
    return EMPTY;
  }
}

function writePrefs(key: string | undefined, prefs: ColumnPrefs): void {
  if (key === undefined) return;
  try {
    if (Object.keys(prefs.visibility).length === 0 && prefs.order.length === 0)
      localStorage.removeItem(storageKeyOf(key));
    else localStorage.setItem(storageKeyOf(key), JSON.stringify(prefs));
  } catch {
    // Storage full or disabled: the choice still applies for this visit.
  }
}

/**
 * Column visibility and order for the columns in `columnIds` (the hideable, movable ones), kept in
 * localStorage under `console.table.<storageKey>` when a key is given, otherwise for this mount only.
 */
export function useColumnPrefs(
  storageKey: string | undefined,
  columnIds: readonly string[],
  defaultHidden: readonly string[] = [],
): ColumnPrefsApi {
  const [state, setState] = useState(() => ({ key: storageKey, prefs: readPrefs(storageKey) }));
  let prefs = state.prefs;
  if (state.key !== storageKey) {
    // A different table on the same mount: load its own choices (adjusting state during render).
    prefs = readPrefs(storageKey);
    setState({ key: storageKey, prefs });
  }

  const idsKey = columnIds.join('\u0000');
  const defaultsKey = defaultHidden.join('\u0000');
  const { visibility, order } = useMemo(() => {
    const ids = idsKey === '' ? [] : idsKey.split('\u0000');
    const hidden = new Set(defaultsKey === '' ? [] : defaultsKey.split('\u0000'));
    const vis: Record<string, boolean> = {};
    for (const id of ids) vis[id] = prefs.visibility[id] ?? !hidden.has(id);
    const known = new Set(ids);
    const stored = prefs.order.filter((id) => known.has(id));
    const seen = new Set(stored);
    const ord = [...stored];
    // New columns keep their place relative to the column defined before them.
    ids.forEach((id, i) => {
      if (seen.has(id)) return;
      const before = ids[i - 1];
      const at = before === undefined ? -1 : ord.indexOf(before);
      ord.splice(at + 1, 0, id);
      seen.add(id);
    });
    return { visibility: vis, order: ord };
  }, [idsKey, defaultsKey, prefs]);

  const update = useCallback((change: (p: ColumnPrefs) => ColumnPrefs) => {
    setState((s) => {
      const next = change(s.prefs);
      writePrefs(s.key, next);
      return { key: s.key, prefs: next };
    });
  }, []);

  const setVisible = useCallback(
    (id: string, isVisible: boolean) => update((p) => ({ ...p, visibility: { ...p.visibility, [id]: isVisible } })),
    [update],
  );
  const move = useCallback(
    (id: string, delta: -1 | 1) => {
      const from = order.indexOf(id);
      const to = from + delta;
      if (from < 0 || to < 0 || to >= order.length) return;
      const next = [...order];
      next.splice(from, 1);
      next.splice(to, 0, id);
      update((p) => ({ ...p, order: next }));
    },
    [order, update],
  );
  const reset = useCallback(() => update(() => EMPTY), [update]);

  return {
    visibility,
    order,
    setVisible,
    move,
    reset,
    isCustomised: Object.keys(prefs.visibility).length > 0 || prefs.order.length > 0,
  };
}
