// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import { StatusBadge } from './status-badge';

afterEach(cleanup);

function badgeFor(text: string): HTMLElement {
  const word = screen.getByText(text);
  const badge = word.parentElement;
  if (!badge) throw new Error('no badge');
  return badge;
}

describe('StatusBadge', () => {
  it.each([
    ['running', 'Running', 'text-success'],
    ['ACTIVE', 'Active', 'text-success'],
    ['pending', 'Pending', 'text-warning'],
    ['shutting-down', 'Shutting down', 'text-warning'],
    ['IN_PROGRESS', 'In progress', 'text-warning'],
    ['stopped', 'Stopped', 'text-neutral'],
    ['terminated', 'Terminated', 'text-danger'],
    ['failed', 'Failed', 'text-danger'],
    ['archived', 'Archived', 'text-info'],
  ])('shows %s as the word "%s" with an icon, in %s', (status, word, toneClass) => {
    render(<StatusBadge status={status} />);
    const badge = badgeFor(word);
    expect(badge.className).toContain(toneClass);
    expect(badge.querySelector('svg')).not.toBeNull();
  });

  it('takes an explicit tone and label', () => {
    render(<StatusBadge status="ok" tone="danger" label="3 alarms" />);
    expect(badgeFor('3 alarms').className).toContain('text-danger');
  });
});
