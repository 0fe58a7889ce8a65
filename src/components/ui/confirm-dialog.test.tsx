// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { ConfirmDialog, type ConfirmDialogProps } from './confirm-dialog';

afterEach(cleanup);

function renderDialog(props: Partial<ConfirmDialogProps> = {}) {
  const onConfirm = props.onConfirm ?? vi.fn();
  const onOpenChange = props.onOpenChange ?? vi.fn();
  render(
    <ConfirmDialog
      open
      verb="Delete"
      noun={{ one: 'object', other: 'objects' }}
      names={['a.txt']}
      {...props}
      onConfirm={onConfirm}
      onOpenChange={onOpenChange}
    />,
  );
  return { onConfirm, onOpenChange, dialog: screen.getByRole('dialog') };
}

describe('ConfirmDialog', () => {
  it('keeps the confirm button disabled until the exact name is typed', () => {
    const { onConfirm, dialog } = renderDialog({
      verb: 'Delete',
      noun: { one: 'bucket', other: 'buckets' },
      names: ['logs-bucket'],
      confirmText: 'logs-bucket',
    });
    const input = within(dialog).getByRole('textbox', { name: 'Type logs-bucket to confirm' });
    const confirm = within(dialog).getByRole('button', { name: 'Delete' });

    for (const nearMiss of ['', 'logs-bucke', 'logs-bucket ', 'Logs-bucket', ' logs-bucket']) {
      fireEvent.change(input, { target: { value: nearMiss } });
      expect(confirm.getAttribute('aria-disabled')).toBe('true');
      fireEvent.click(confirm);
    }
    expect(onConfirm).not.toHaveBeenCalled();

    fireEvent.change(input, { target: { value: 'logs-bucket' } });
    expect(confirm.getAttribute('aria-disabled')).toBeNull();
    fireEvent.click(confirm);
    expect(onConfirm).toHaveBeenCalledOnce();
  });

  it('names the single item in the title and counts several', () => {
    renderDialog({ verb: 'Stop', noun: { one: 'instance', other: 'instances' }, names: ['i-0abc'], tone: 'primary' });
    expect(screen.getByRole('dialog', { name: 'Stop instance i-0abc?' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Stop' })).toBeTruthy();
    cleanup();

    renderDialog({ names: ['a.txt', 'b.txt', 'c.txt'] });
    expect(screen.getByRole('dialog', { name: 'Delete 3 objects?' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Delete 3 objects' })).toBeTruthy();
  });

  it('lists the first 10 names, then how many more', () => {
    const names = Array.from({ length: 13 }, (_, i) => `file-${i + 1}.txt`);
    const { dialog } = renderDialog({ names });
    const items = within(within(dialog).getByRole('list')).getAllByRole('listitem');
    expect(items.map((li) => li.textContent)).toEqual([...names.slice(0, 10), 'and 3 more']);
    expect(within(dialog).queryByText('file-11.txt')).toBeNull();
  });

  it('says what will happen and shows extra options', () => {
    const { dialog } = renderDialog({
      consequence: 'The objects cannot be recovered.',
      children: (
        <label>
          <input type="checkbox" /> Force
        </label>
      ),
    });
    expect(within(dialog).getByText('The objects cannot be recovered.')).toBeTruthy();
    expect(within(dialog).getByRole('checkbox', { name: 'Force' })).toBeTruthy();
  });

  it('runs onConfirm once however often it is clicked, and closes when it succeeds', async () => {
    let finish: () => void = () => undefined;
    const onConfirm = vi.fn(() => new Promise<void>((resolve) => (finish = resolve)));
    const { onOpenChange, dialog } = renderDialog({ names: ['a', 'b'], onConfirm });
    const confirm = within(dialog).getByRole('button', { name: 'Delete 2 objects' });
    fireEvent.click(confirm);
    fireEvent.click(confirm);
    fireEvent.click(confirm);
    expect(onConfirm).toHaveBeenCalledOnce();
    expect(confirm.getAttribute('aria-busy')).toBe('true');
    await act(async () => finish());
    expect(onOpenChange).toHaveBeenCalledWith(false);
  });

  it('shows a failure inside the dialog and stays open', async () => {
    const onConfirm = vi.fn(() => Promise.reject(new Error('Your role does not allow s3:DeleteObject')));
    const { onOpenChange, dialog } = renderDialog({ onConfirm });
    await act(async () => fireEvent.click(within(dialog).getByRole('button', { name: 'Delete' })));
    expect(within(dialog).getByRole('alert').textContent).toBe('Your role does not allow s3:DeleteObject');
    expect(onOpenChange).not.toHaveBeenCalledWith(false);
    expect(screen.getByRole('dialog')).toBeTruthy();
  });

  it('shows the error it is given while the caller keeps it open', () => {
    const { dialog } = renderDialog({ error: 'Could not stop i-0abc: needs ec2:StopInstances' });
    expect(within(dialog).getByRole('alert').textContent).toContain('needs ec2:StopInstances');
  });

  it('Cancel and Escape ask to close', () => {
    const onOpenChange = vi.fn();
    const { dialog } = renderDialog({ onOpenChange });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(onOpenChange).toHaveBeenLastCalledWith(false);
    onOpenChange.mockClear();
    fireEvent.keyDown(document.activeElement ?? dialog, { key: 'Escape' });
    expect(onOpenChange).toHaveBeenCalledWith(false);
  });
});
