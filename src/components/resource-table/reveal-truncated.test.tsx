// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, expect, it } from 'vitest';
import { revealTruncated } from './reveal-truncated';

afterEach(cleanup);

/** jsdom has no layout: a span marked data-cut reports more content than it shows, as an ellipsis does. */
function sized(el: HTMLElement | null) {
  if (!el) return;
  const isCut = el.dataset.cut !== undefined;
  Object.defineProperty(el, 'scrollWidth', { configurable: true, value: isCut ? 300 : 100 });
  Object.defineProperty(el, 'clientWidth', { configurable: true, value: 100 });
}

it('gives a cut-off value its full text as a title on hover and on focus, and leaves whole values alone', () => {
  render(
    <table>
      <tbody onPointerOver={revealTruncated} onFocus={revealTruncated}>
        <tr>
          <td ref={sized}>
            <span ref={sized} data-cut>
              POST#2026-01-15T08:00:00Z
            </span>
          </td>
          <td ref={sized}>
            <a ref={sized} href="#x" data-cut>
              a-very-long-object-key.txt
            </a>
          </td>
          <td ref={sized}>
            <span ref={sized}>short</span>
          </td>
        </tr>
      </tbody>
    </table>,
  );
  fireEvent.pointerOver(screen.getByText('POST#2026-01-15T08:00:00Z'));
  expect(screen.getByText('POST#2026-01-15T08:00:00Z').title).toBe('POST#2026-01-15T08:00:00Z');
  fireEvent.focus(screen.getByRole('link'));
  expect(screen.getByRole('link').title).toBe('a-very-long-object-key.txt');
  fireEvent.pointerOver(screen.getByText('short'));
  expect(screen.getByText('short').title).toBe('');
  expect(screen.getByText('short').closest('td')?.title).toBe('');
});
