// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { TaskTray, summarizeTasks, type TaskSnapshot, type TaskTrayProps } from './task-tray';

afterEach(cleanup);

const MiB = 1024 * 1024;

function task(partial: Partial<TaskSnapshot> & Pick<TaskSnapshot, 'id' | 'title'>): TaskSnapshot {
  return { unit: 'bytes', status: 'running', done: 0, itemErrors: [], ...partial };
}

function renderTray(tasks: TaskSnapshot[], props: Partial<TaskTrayProps> = {}) {
  const handlers = { onCancel: vi.fn(), onCancelAll: vi.fn(), onClearFinished: vi.fn(), onCancelGroup: vi.fn() };
  render(<TaskTray tasks={tasks} {...handlers} {...props} />);
  return handlers;
}

describe('summarizeTasks', () => {
  it('rolls progress, speed and time left up over tasks in one unit', () => {
    const s = summarizeTasks([
      task({ id: '1', title: 'a', done: 30 * MiB, total: 40 * MiB, rate: 2 * MiB }),
      task({ id: '2', title: 'b', done: 0, total: 60 * MiB, status: 'queued' }),
      task({ id: '3', title: 'c', done: 100 * MiB, total: 100 * MiB, status: 'done' }),
    ]);
    expect(s).toMatchObject({ count: 3, running: 1, queued: 1, done: 1, percent: 65, rate: 2 * MiB, unit: 'bytes' });
    expect(s.etaSeconds).toBe(35); // 70 MiB left at 2 MiB/s
  });

  it('counts a cancelled task as what it finished and mixes units by fraction', () => {
    const s = summarizeTasks([
      task({ id: '1', title: 'a', done: 50, total: 100, unit: 'items' }),
      task({ id: '2', title: 'b', done: 10, total: 40, status: 'cancelled' }),
    ]);
    expect(s.percent).toBe(75); // (0.5 + 1) / 2
  });
});

describe('TaskTray', () => {
  it('is hidden when there are no tasks', () => {
    renderTray([]);
    expect(screen.queryByRole('region', { name: 'Tasks' })).toBeNull();
  });

  it('shows the total and each task with percent, sizes, speed and time left', () => {
    renderTray([
      task({ id: '1', title: 'photo.jpg', done: 5 * MiB, total: 10 * MiB, rate: 1 * MiB, etaSeconds: 5 }),
      task({ id: '2', title: 'video.mp4', done: 0, total: 10 * MiB, status: 'queued' }),
    ]);
    const tray = screen.getByRole('region', { name: 'Tasks' });
    expect(within(tray).getByRole('heading').textContent).toBe('0 of 2 done · 25% · 1.0 MiB/s · 15 s left');
    expect(screen.getByRole('progressbar', { name: 'All tasks' }).getAttribute('aria-valuenow')).toBe('25');
    const bar = screen.getByRole('progressbar', { name: 'photo.jpg' });
    expect(bar.getAttribute('aria-valuenow')).toBe('50');
    expect(bar.getAttribute('aria-valuetext')).toBe('50%, 5.0 MiB of 10.0 MiB, 1.0 MiB/s, 5 s left');
    expect(within(tray).getByText('5.0 MiB of 10.0 MiB · 1.0 MiB/s · 5 s left')).toBeTruthy();
  });

  it('cancels one task, all tasks, and clears the finished', () => {
    const handlers = renderTray([
      task({ id: '1', title: 'photo.jpg', done: 1, total: 2 }),
      task({ id: '2', title: 'old.txt', status: 'done', done: 2, total: 2 }),
    ]);
    fireEvent.click(screen.getByRole('button', { name: 'Cancel photo.jpg' }));
    expect(handlers.onCancel).toHaveBeenCalledWith('1');
    expect(screen.queryByRole('button', { name: 'Cancel old.txt' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Cancel all' }));
    expect(handlers.onCancelAll).toHaveBeenCalledOnce();
    fireEvent.click(screen.getByRole('button', { name: 'Clear finished' }));
    expect(handlers.onClearFinished).toHaveBeenCalledOnce();
  });

  it('lists per-item errors on demand and names a failed task’s error', () => {
    renderTray([
      task({
        id: '1',
        title: 'Delete 3 objects',
        unit: 'items',
        status: 'done',
        done: 3,
        total: 3,
        itemErrors: [{ item: 'logs/b.txt', message: 'Access Denied' }],
      }),
      task({ id: '2', title: 'Purge queue', status: 'failed', error: 'Not allowed: sqs:PurgeQueue' }),
    ]);
    expect(screen.getByText('Done with 1 error')).toBeTruthy();
    expect(screen.getByText('Not allowed: sqs:PurgeQueue')).toBeTruthy();
    const toggle = screen.getByRole('button', { name: '1 item failed' });
    expect(screen.queryByText('logs/b.txt')).toBeNull();
    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    const list = screen.getByRole('list', { name: 'Errors in Delete 3 objects' });
    expect(within(list).getByText('logs/b.txt')).toBeTruthy();
  });

  it('shows a group with its total and a group cancel', () => {
    const handlers = renderTray([
      task({ id: '1', title: 'a.jpg', group: 'Upload to photos/', done: 10, total: 10, status: 'done' }),
      task({ id: '2', title: 'b.jpg', group: 'Upload to photos/', done: 0, total: 30 }),
    ]);
    expect(screen.getByRole('progressbar', { name: 'Upload to photos/' }).getAttribute('aria-valuenow')).toBe('25');
    fireEvent.click(screen.getByRole('button', { name: 'Cancel Upload to photos/' }));
    expect(handlers.onCancelGroup).toHaveBeenCalledWith('Upload to photos/');
  });

  it('caps the rows for hundreds of tasks, running and failed first', () => {
    const many: TaskSnapshot[] = [];
    for (let i = 0; i < 500; i++) many.push(task({ id: `q${i}`, title: `queued ${i}`, status: 'queued', total: 1 }));
    many.push(task({ id: 'f', title: 'broken', status: 'failed', error: 'boom' }));
    many.push(task({ id: 'r', title: 'busy', total: 10, done: 5 }));
    renderTray(many, { maxRows: 20 });
    const rows = within(screen.getByRole('list', { name: 'Task list' })).getAllByRole('listitem');
    expect(rows).toHaveLength(20);
    expect(rows[0]!.textContent).toContain('busy');
    expect(rows[1]!.textContent).toContain('broken');
    expect(screen.getByText('and 482 more (482 queued)')).toBeTruthy();
  });

  it('collapses to its header', () => {
    renderTray([task({ id: '1', title: 'photo.jpg', done: 1, total: 2 })]);
    fireEvent.click(screen.getByRole('button', { name: 'Hide tasks' }));
    expect(screen.queryByRole('button', { name: 'Cancel photo.jpg' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Show tasks' }).getAttribute('aria-expanded')).toBe('false');
  });
});
