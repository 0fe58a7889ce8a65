// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { CallHistoryPanel, type HistoryRow } from './call-history-panel';
import { ShowAsCodeButton } from './show-as-code';

afterEach(cleanup);

const snippets = {
  cli: 'aws ec2 stop-instances --instance-ids i-1 i-2',
  boto3: 'client.stop_instances()',
  sdk: 'new StopInstancesCommand()',
};

describe('ShowAsCodeButton', () => {
  it('opens on the three copyable tabs, made only when opened', () => {
    const getSnippets = vi.fn(() => snippets);
    render(<ShowAsCodeButton title="Code for stopping 2 instances" getSnippets={getSnippets} />);
    expect(getSnippets).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Show as code' }));
    const dialog = screen.getByRole('dialog', { name: 'Code for stopping 2 instances' });
    expect(
      within(dialog)
        .getAllByRole('tab')
        .map((t) => t.textContent),
    ).toEqual(['AWS CLI', 'boto3', 'SDK v3']);
    expect(within(dialog).getByLabelText('AWS CLI command').textContent).toBe(snippets.cli);
    expect(within(dialog).getByRole('button', { name: 'Copy AWS CLI command' })).toBeTruthy();
  });

  it('says so when there is no code yet', () => {
    render(<ShowAsCodeButton title="Code" getSnippets={() => undefined} emptyText="The list has not loaded yet." />);
    fireEvent.click(screen.getByRole('button', { name: 'Show as code' }));
    expect(screen.getByText('The list has not loaded yet.')).toBeTruthy();
  });
});

describe('CallHistoryPanel', () => {
  const rows: HistoryRow[] = [
    {
      id: 1,
      service: 'ec2',
      operation: 'DescribeInstances',
      resource: '',
      startedAt: 0,
      durationMs: 12,
      outcome: 'ok',
    },
    {
      id: 2,
      service: 'ec2',
      operation: 'StopInstances',
      resource: 'i-1, i-2',
      startedAt: 1000,
      outcome: 'error',
      error: 'UnauthorizedOperation',
    },
  ];

  it('lists calls newest first with outcome and duration, opens one on its code, copies all as a script', () => {
    const scriptOf = vi.fn((l: string) => `script in ${l}`);
    render(
      <CallHistoryPanel
        open
        onOpenChange={() => undefined}
        rows={rows}
        codeOf={() => snippets}
        scriptOf={scriptOf}
        onClear={() => undefined}
        limit={200}
      />,
    );
    const items = within(screen.getByRole('list', { name: 'Calls, newest first' })).getAllByRole('button');
    expect(items[0]?.textContent).toContain('StopInstances');
    expect(items[0]?.textContent).toContain('Failed (UnauthorizedOperation)');
    expect(items[1]?.textContent).toContain('12 ms');
    fireEvent.click(items[0]!);
    expect(items[0]?.getAttribute('aria-expanded')).toBe('true');
    expect(screen.getByLabelText('AWS CLI command').textContent).toBe(snippets.cli);
    expect(screen.getByRole('button', { name: 'Copy all 2 calls as one AWS CLI script' })).toBeTruthy();
    fireEvent.change(screen.getByRole('combobox', { name: 'Script in' }), { target: { value: 'boto3' } });
    expect(scriptOf).toHaveBeenLastCalledWith('boto3');
  });
});
