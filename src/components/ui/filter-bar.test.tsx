// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { FilterBar } from './filter-bar';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('FilterBar', () => {
  it('searches on Enter at once, and only once', () => {
    vi.useFakeTimers();
    const onSubmit = vi.fn();
    render(<FilterBar label="Find objects by prefix" value="" onSubmit={onSubmit} />);
    const input = screen.getByRole('searchbox', { name: 'Find objects by prefix' });
    expect(input.hasAttribute('data-page-filter')).toBe(true);

    fireEvent.change(input, { target: { value: 'photos/' } });
    fireEvent.submit(screen.getByRole('search'));
    expect(onSubmit).toHaveBeenCalledExactlyOnceWith('photos/');
    act(() => vi.advanceTimersByTime(1000));
    expect(onSubmit).toHaveBeenCalledOnce();
  });

  it('searches after a pause in typing, not on every key', () => {
    vi.useFakeTimers();
    const onSubmit = vi.fn();
    render(<FilterBar label="Find queues" value="" onSubmit={onSubmit} />);
    const input = screen.getByRole('searchbox', { name: 'Find queues' });
    fireEvent.change(input, { target: { value: 'o' } });
    act(() => vi.advanceTimersByTime(100));
    fireEvent.change(input, { target: { value: 'ord' } });
    act(() => vi.advanceTimersByTime(299));
    expect(onSubmit).not.toHaveBeenCalled();
    act(() => vi.advanceTimersByTime(1));
    expect(onSubmit).toHaveBeenCalledExactlyOnceWith('ord');
  });

  it('shows the filter in force when it changes from outside', () => {
    const { rerender } = render(<FilterBar label="Find" value="logs/" onSubmit={vi.fn()} />);
    expect((screen.getByRole('searchbox') as HTMLInputElement).value).toBe('logs/');
    rerender(<FilterBar label="Find" value="" onSubmit={vi.fn()} />);
    expect((screen.getByRole('searchbox') as HTMLInputElement).value).toBe('');
  });

  it('removes a chip by its x and clears all filters', () => {
    const onRemovePrefix = vi.fn();
    const onRemoveState = vi.fn();
    const onClearAll = vi.fn();
    render(
      <FilterBar
        label="Find instances"
        value="web"
        onSubmit={vi.fn()}
        chips={[
          { label: 'Name: web', onRemove: onRemovePrefix },
          { label: 'State: running', onRemove: onRemoveState },
        ]}
        onClearAll={onClearAll}
      />,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Remove filter State: running' }));
    expect(onRemoveState).toHaveBeenCalledOnce();
    expect(onRemovePrefix).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Clear filters' }));
    expect(onClearAll).toHaveBeenCalledOnce();
  });

  it('offers no Clear filters when nothing is filtered', () => {
    render(<FilterBar label="Find" value="" onSubmit={vi.fn()} chips={[]} onClearAll={vi.fn()} />);
    expect(screen.queryByRole('button', { name: 'Clear filters' })).toBeNull();
  });
});
