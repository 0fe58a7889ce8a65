// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import { RelativeTime } from './relative-time';
import { formatDateTime } from './format';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('RelativeTime', () => {
  it('shows relative text in a <time> with the machine date and the absolute time on hover', () => {
    vi.useFakeTimers({ now: new Date('2024-06-15T12:00:00Z') });
    render(<RelativeTime date="2024-06-15T11:57:00Z" />);
    const time = screen.getByText('3 min ago');
    expect(time.tagName).toBe('TIME');
    expect(time.getAttribute('dateTime')).toBe('2024-06-15T11:57:00.000Z');
    expect(time.getAttribute('title')).toBe(formatDateTime('2024-06-15T11:57:00Z'));
  });

  it('shows a dash for a missing date', () => {
    render(<RelativeTime date={undefined} />);
    expect(screen.getByText('–')).toBeTruthy();
  });
});
