// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { CopyButton } from './copy-button';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('CopyButton', () => {
  it('copies the value and says "Copied" in a live region', async () => {
    const writeText = vi.fn(() => Promise.resolve());
    vi.stubGlobal('isSecureContext', true);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    render(<CopyButton value="arn:aws:s3:::logs" label="ARN" />);
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Copy ARN' })));
    expect(writeText).toHaveBeenCalledWith('arn:aws:s3:::logs');
    expect(screen.getByText('Copied').getAttribute('aria-live')).toBe('polite');
  });

  it('falls back to a hidden textarea where the Clipboard API is missing', async () => {
    vi.stubGlobal('isSecureContext', false);
    let copied = '';
    const execCommand = vi.fn(() => {
      copied = document.querySelector('textarea')?.value ?? '';
      return true;
    });
    Object.defineProperty(document, 'execCommand', { value: execCommand, configurable: true });
    render(<CopyButton value="i-0abc" label="instance ID" />);
    const button = screen.getByRole('button', { name: 'Copy instance ID' });
    button.focus();
    await act(async () => fireEvent.click(button));
    expect(execCommand).toHaveBeenCalledWith('copy');
    expect(copied).toBe('i-0abc');
    expect(screen.getByText('Copied')).toBeTruthy();
    expect(document.querySelector('textarea')).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Copy instance ID' }));
  });
});
