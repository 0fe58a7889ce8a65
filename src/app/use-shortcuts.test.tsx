// @vitest-environment jsdom
import { afterEach, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useShortcuts } from './use-shortcuts';

afterEach(cleanup);

function Harness({ onSlash, onHelp }: { onSlash: () => void; onHelp: () => void }) {
  useShortcuts({ '/': onSlash, '?': onHelp });
  return <input aria-label="Name" />;
}

it('runs a shortcut outside fields only, and never with a modifier', () => {
  const onSlash = vi.fn();
  const onHelp = vi.fn();
  render(<Harness onSlash={onSlash} onHelp={onHelp} />);
  fireEvent.keyDown(document.body, { key: '/' });
  fireEvent.keyDown(document.body, { key: '?' });
  expect(onSlash).toHaveBeenCalledOnce();
  expect(onHelp).toHaveBeenCalledOnce();
  fireEvent.keyDown(screen.getByRole('textbox', { name: 'Name' }), { key: '/' });
  fireEvent.keyDown(document.body, { key: '/', ctrlKey: true });
  expect(onSlash).toHaveBeenCalledOnce();
});
