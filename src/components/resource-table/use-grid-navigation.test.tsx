// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useGridNavigation, type UseGridNavigationOptions } from './use-grid-navigation';

afterEach(cleanup);

type Props = Partial<UseGridNavigationOptions> & { rowIds: string[] };

/** A bare grid on the hook: the active row is marked the way ResourceTable marks it. */
function Grid({ rowIds, ...options }: Props) {
  const nav = useGridNavigation({ rowIds, pageSize: () => 3, scrollToIndex: () => {}, ...options });
  return (
    <table role="grid" aria-label="Rows" tabIndex={0} {...nav.gridProps}>
      <tbody>
        {rowIds.map((id) => (
          <tr
            key={id}
            data-active={id === nav.activeId || undefined}
            data-marked={(id === nav.activeId && nav.isKeyboardFocused) || undefined}
            onMouseDown={() => nav.activate(id)}
          >
            <td>
              <button type="button">{id}</button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const ids = Array.from({ length: 10 }, (_, i) => `r${i}`);
const grid = () => screen.getByRole('grid', { name: 'Rows' });
const press = (key: string, init: Partial<KeyboardEventInit> = {}) => fireEvent.keyDown(grid(), { key, ...init });
const active = () => grid().querySelector('[data-active]')?.textContent;

describe('useGridNavigation', () => {
  it('activates the first row on focus, then moves with arrows, PageUp/PageDown and Home/End, clamped at the ends', () => {
    const scrollToIndex = vi.fn();
    render(<Grid rowIds={ids} scrollToIndex={scrollToIndex} />);
    act(() => grid().focus());
    expect(active()).toBe('r0');
    press('ArrowUp');
    expect(active()).toBe('r0');
    press('ArrowDown');
    press('PageDown');
    expect(active()).toBe('r4');
    expect(scrollToIndex).toHaveBeenLastCalledWith(4);
    press('End');
    expect(active()).toBe('r9');
    press('ArrowDown');
    expect(active()).toBe('r9');
    press('PageUp');
    expect(active()).toBe('r6');
    press('Home');
    expect(active()).toBe('r0');
  });

  it('keeps the active row by id when the order changes', () => {
    const { rerender } = render(<Grid rowIds={ids} />);
    act(() => grid().focus());
    press('ArrowDown');
    press('ArrowDown');
    rerender(<Grid rowIds={[...ids].reverse()} />);
    expect(active()).toBe('r2');
    press('ArrowDown');
    expect(active()).toBe('r1');
  });

  it('selects with Space (a range with shift), opens with Enter, and scrolls sideways with Left/Right', () => {
    const onSelect = vi.fn();
    const onOpen = vi.fn();
    const scrollSideways = vi.fn();
    render(<Grid rowIds={ids} onSelect={onSelect} onOpen={onOpen} scrollSideways={scrollSideways} />);
    act(() => grid().focus());
    press('ArrowDown');
    press(' ');
    expect(onSelect).toHaveBeenLastCalledWith('r1', false);
    press(' ', { shiftKey: true });
    expect(onSelect).toHaveBeenLastCalledWith('r1', true);
    press('Enter');
    expect(onOpen).toHaveBeenCalledWith(1);
    press('ArrowRight');
    press('ArrowLeft');
    expect(scrollSideways.mock.calls).toEqual([[80], [-80]]);
  });

  it("leaves keys typed into a row's own controls alone", () => {
    const onOpen = vi.fn();
    render(<Grid rowIds={ids} onOpen={onOpen} />);
    act(() => grid().focus());
    const event = fireEvent.keyDown(screen.getByRole('button', { name: 'r0' }), { key: 'ArrowDown' });
    expect(event).toBe(true);
    fireEvent.keyDown(screen.getByRole('button', { name: 'r0' }), { key: 'Enter' });
    expect(onOpen).not.toHaveBeenCalled();
    expect(active()).toBe('r0');
  });

  it('marks the active row for keyboard use only: a pointer press moves it without the marker', () => {
    render(<Grid rowIds={ids} />);
    act(() => grid().focus());
    press('ArrowDown');
    expect(grid().querySelector('[data-marked]')?.textContent).toBe('r1');
    fireEvent.mouseDown(screen.getByRole('button', { name: 'r5' }));
    expect(active()).toBe('r5');
    expect(grid().querySelector('[data-marked]')).toBeNull();
    press('ArrowDown');
    expect(grid().querySelector('[data-marked]')?.textContent).toBe('r6');
    act(() => grid().blur());
    expect(grid().querySelector('[data-marked]')).toBeNull();
  });
});
