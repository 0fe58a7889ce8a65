import { useMemo, type CSSProperties } from 'react';

export interface PinnableColumn {
  id: string;
  /** The column's laid-out width in px. */
  width: number;
  isPinned: boolean;
}

export interface PinnedColumnsApi {
  /** Sticky position for a pinned column's cells; undefined for a column that scrolls. */
  styleOf: (id: string, isHeader: boolean) => CSSProperties | undefined;
  /** The last pinned column draws the edge that scrolled cells pass under. */
  isLastPinned: (id: string) => boolean;
  /** Sticky style for the checkbox column, which is always first. */
  selectStyle: (isHeader: boolean) => CSSProperties;
}

// Body cells scroll under pinned ones (1), headers stay above both while scrolling down (2, 3).
const Z_PINNED = 1;
const Z_PINNED_HEADER = 3;

/**
 * Sticky left offsets for the pinned columns, in display order, after a leading checkbox column of
 * `leadWidth` px (Cloudscape's use-sticky-columns does the same for its sticky columns). Pinned
 * cells carry an opaque background, so scrolled cells never show through them.
 */
export function usePinnedColumns(columns: readonly PinnableColumn[], leadWidth: number): PinnedColumnsApi {
  const key = columns.map((c) => `${c.id}:${c.width}:${c.isPinned ? 1 : 0}`).join('|');
  return useMemo(() => {
    const left = new Map<string, number>();
    let offset = leadWidth;
    for (const col of columns) {
      if (!col.isPinned) continue;
      left.set(col.id, offset);
      offset += col.width;
    }
    const lastId = [...left.keys()].at(-1);
    return {
      styleOf: (id, isHeader) => {
        const at = left.get(id);
        if (at === undefined) return undefined;
        return { position: 'sticky', left: at, zIndex: isHeader ? Z_PINNED_HEADER : Z_PINNED };
      },
      isLastPinned: (id) => id === lastId,
      selectStyle: (isHeader) => ({
        position: 'sticky',
        left: 0,
        zIndex: isHeader ? Z_PINNED_HEADER : Z_PINNED,
        width: leadWidth,
      }),
    };
    // `key` stands for the columns' ids, widths and pinning: a new array of the same columns changes nothing.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, leadWidth]);
}
