// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { ActionsMenu } from './menu';

afterEach(cleanup);

describe('ActionsMenu', () => {
  it('runs an item, and shows why a disabled one is unavailable without running it', () => {
    const onReboot = vi.fn();
    const onTerminate = vi.fn();
    render(
      <ActionsMenu
        items={[
          { label: 'Reboot', onSelect: onReboot },
          {
            label: 'Terminate',
            onSelect: onTerminate,
            isDestructive: true,
            separatorBefore: true,
            disabledReason: 'needs ec2:TerminateInstances',
          },
        ]}
      />,
    );
    const trigger = screen.getByRole('button', { name: 'Actions' });
    fireEvent.keyDown(trigger, { key: 'Enter' });
    const terminate = screen.getByRole('menuitem', { name: /Terminate/ });
    expect(terminate.textContent).toContain('needs ec2:TerminateInstances');
    expect(terminate.getAttribute('aria-disabled')).toBe('true');
    fireEvent.click(terminate);
    expect(onTerminate).not.toHaveBeenCalled();

    fireEvent.click(screen.getByRole('menuitem', { name: 'Reboot' }));
    expect(onReboot).toHaveBeenCalledOnce();
  });
});
