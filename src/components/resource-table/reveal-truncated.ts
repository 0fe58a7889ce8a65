import type { SyntheticEvent } from 'react';

/**
 * On hover or focus inside a cell, gives the element whose text is cut off by an ellipsis a `title`
 * with its full text, so a truncated value can still be read. Checked lazily (on the way in) rather
 * than for every rendered cell on every render.
 */
export function revealTruncated(e: SyntheticEvent<HTMLElement>): void {
  if (!(e.target instanceof HTMLElement)) return;
  const cell = e.target.closest('td');
  if (!cell) return;
  for (let el: HTMLElement | null = e.target; el; el = el.parentElement) {
    if (el.scrollWidth > el.clientWidth + 1) {
      if (!el.title) el.title = el.textContent ?? '';
      return;
    }
    if (el === cell) return;
  }
}
