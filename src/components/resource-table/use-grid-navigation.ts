import { useState, type FocusEvent, type KeyboardEvent } from 'react';

export interface UseGridNavigationOptions {
  /** The rows' ids in display order. */
  rowIds: readonly string[];
  /** How many rows PageUp/PageDown move: about the rows that fit in view. */
  pageSize: () => number;
  /** Brings a row into view (the virtualizer renders only what is near the viewport). */
  scrollToIndex: (index: number) => void;
  /** Left/Right scroll the grid sideways, so columns off screen are reached without a mouse. */
  scrollSideways?: (delta: number) => void;
  /** Space on the active row (shift+Space a range); absent when rows cannot be selected. */
  onSelect?: (id: string, isRange: boolean) => void;
  /** Enter on the active row. */
  onOpen?: (index: number) => void;
}

export interface GridNavigationApi {
  /** The active row by id (so it survives sorting and new pages), and its index now. */
  activeId: string | undefined;
  activeIndex: number;
  /** The grid has focus, reached or used by keyboard: only then is the active row marked. */
  isKeyboardFocused: boolean;
  /** A pointer press makes its row active (without showing the keyboard marker). */
  activate: (id: string) => void;
  /** Spread on the grid element (which has tabIndex 0): it handles the keys and tracks focus. */
  gridProps: {
    onKeyDown: (e: KeyboardEvent<HTMLElement>) => void;
    onFocus: (e: FocusEvent<HTMLElement>) => void;
    onBlur: (e: FocusEvent<HTMLElement>) => void;
  };
}

const SIDEWAYS_STEP = 80;

/** Whether the browser would draw a keyboard focus ring here (jsdom may not know the selector). */
function isFocusVisible(el: Element): boolean {
  try {
    return el.matches(':focus-visible');
  } catch {
    return true;
  }
}

/**
 * One focusable grid with an active row (the ARIA grid pattern with aria-activedescendant, as
 * Cloudscape's table-role/use-grid-navigation): arrows, PageUp/PageDown, Home/End move it, Space
 * selects, Enter opens. Keys typed into a row's own controls (checkbox, link, copy button) are theirs.
 */
export function useGridNavigation({
  rowIds,
  pageSize,
  scrollToIndex,
  scrollSideways,
  onSelect,
  onOpen,
}: UseGridNavigationOptions): GridNavigationApi {
  const [activeId, setActiveId] = useState<string | undefined>(undefined);
  const [isFocused, setIsFocused] = useState(false);
  const [isKeyboard, setIsKeyboard] = useState(false);
  const activeIndex = activeId === undefined ? -1 : rowIds.indexOf(activeId);

  const moveTo = (index: number) => {
    const id = rowIds[index];
    if (id === undefined) return;
    setActiveId(id);
    scrollToIndex(index);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLElement>) => {
    if (e.target !== e.currentTarget || rowIds.length === 0) return;
    const current = activeIndex;
    const last = rowIds.length - 1;
    switch (e.key) {
      case 'ArrowDown':
        moveTo(Math.min(current + 1, last));
        break;
      case 'ArrowUp':
        moveTo(Math.max(current - 1, 0));
        break;
      case 'PageDown':
        moveTo(Math.min(current + Math.max(1, pageSize()), last));
        break;
      case 'PageUp':
        moveTo(Math.max(current - Math.max(1, pageSize()), 0));
        break;
      case 'ArrowLeft':
      case 'ArrowRight':
        if (!scrollSideways) return;
        scrollSideways(e.key === 'ArrowLeft' ? -SIDEWAYS_STEP : SIDEWAYS_STEP);
        break;
      case 'Home':
        moveTo(0);
        break;
      case 'End':
        moveTo(last);
        break;
      case ' ': {
        const id = rowIds[current];
        if (id === undefined || !onSelect) return;
        onSelect(id, e.shiftKey);
        break;
      }
      case 'Enter':
        if (current < 0 || !onOpen) return;
        onOpen(current);
        break;
      default:
        return;
    }
    setIsKeyboard(true);
    e.preventDefault();
  };

  const onFocus = (e: FocusEvent<HTMLElement>) => {
    if (e.target !== e.currentTarget) return;
    setIsFocused(true);
    setIsKeyboard(isFocusVisible(e.currentTarget));
    if (activeIndex < 0 && rowIds[0] !== undefined) setActiveId(rowIds[0]);
  };
  const onBlur = (e: FocusEvent<HTMLElement>) => {
    if (e.target === e.currentTarget) setIsFocused(false);
  };

  return {
    activeId,
    activeIndex,
    isKeyboardFocused: isFocused && isKeyboard,
    activate: (id) => {
      setActiveId(id);
      setIsKeyboard(false);
    },
    gridProps: { onKeyDown, onFocus, onBlur },
  };
}
