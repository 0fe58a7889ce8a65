// @vitest-environment jsdom
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { Button, IconButton } from './button';

beforeAll(() => {
  // Radix positions the tooltip with ResizeObserver, which jsdom lacks.
  globalThis.ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
});
afterEach(cleanup);

describe('Button', () => {
  it('with a disabled reason stays focusable, tells assistive tech why, and ignores clicks', () => {
    const onClick = vi.fn();
    const onSubmit = vi.fn((e: { preventDefault: () => void }) => e.preventDefault());
    render(
      <form onSubmit={onSubmit}>
        <Button type="submit" disabledReason="needs ec2:StopInstances" onClick={onClick}>
          Stop
        </Button>
      </form>,
    );
    const button = screen.getByRole('button', { name: 'Stop', description: 'needs ec2:StopInstances' });
    expect(button.getAttribute('aria-disabled')).toBe('true');
    expect((button as HTMLButtonElement).disabled).toBe(false);

    fireEvent.click(button);
    fireEvent.keyDown(button, { key: 'Enter' });
    expect(onClick).not.toHaveBeenCalled();
    expect(onSubmit).not.toHaveBeenCalled();

    button.focus();
    expect(document.activeElement).toBe(button);
    fireEvent.focus(button);
    expect(screen.getByRole('tooltip').textContent).toContain('needs ec2:StopInstances');
  });

  it('disabled looks disabled in every variant: a danger button loses its danger fill', () => {
    render(
      <>
        <Button variant="danger">Delete</Button>
        <Button variant="danger" disabledReason="needs s3:DeleteObject">
          Delete all
        </Button>
      </>,
    );
    const active = screen.getByRole('button', { name: 'Delete' });
    const blocked = screen.getByRole('button', { name: 'Delete all' });
    expect(active.className).toContain('bg-danger');
    expect(blocked.className).not.toContain('bg-danger');
    expect(blocked.className).toContain('text-subtle');
  });

  it('while loading is busy, keeps its label for width and ignores clicks', () => {
    const onClick = vi.fn();
    render(
      <Button isLoading onClick={onClick}>
        Save
      </Button>,
    );
    const button = screen.getByRole('button', { name: 'Save' });
    expect(button.getAttribute('aria-busy')).toBe('true');
    fireEvent.click(button);
    expect(onClick).not.toHaveBeenCalled();
  });

  it('acts on click otherwise and forwards its ref', () => {
    const onClick = vi.fn();
    let node: HTMLButtonElement | null = null;
    render(
      <Button ref={(n) => void (node = n)} variant="primary" onClick={onClick}>
        Create
      </Button>,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Create' }));
    expect(onClick).toHaveBeenCalledOnce();
    expect(node).toBe(screen.getByRole('button', { name: 'Create' }));
  });
});

describe('IconButton', () => {
  it('is named by its label', () => {
    render(<IconButton label="Refresh" icon={<svg aria-hidden />} />);
    expect(screen.getByRole('button', { name: 'Refresh' })).toBeTruthy();
  });
});
