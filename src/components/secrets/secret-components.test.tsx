// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { useState } from 'react';
import { SecretValueEditor } from './secret-value-editor';
import { SecretValueView } from './secret-value-view';
import { emptyDraft, type SecretDraft } from './secret-draft';
import { VersionTable } from './version-table';

afterEach(cleanup);

describe('SecretValueView', () => {
  it('shows a JSON value as key/value rows, each copyable, and raw on request', () => {
    render(<SecretValueView value={{ kind: 'string', text: '{"username":"app","password":"p4ss"}' }} />);
    const rows = screen.getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getByRole('rowheader').textContent)).toEqual(['username', 'password']);
    expect(screen.getByRole('button', { name: 'Copy value of password' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Raw' }));
    expect(screen.getByText('{"username":"app","password":"p4ss"}')).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('shows plain text as it is and a binary value as base64 with its size', () => {
    const { rerender } = render(<SecretValueView value={{ kind: 'string', text: 'sk_demo_1' }} />);
    expect(screen.getByText('sk_demo_1')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Raw' })).toBeNull();
    rerender(<SecretValueView value={{ kind: 'binary', base64: 'AAEC+v8=', size: 5 }} />);
    expect(screen.getByText('AAEC+v8=')).toBeTruthy();
    expect(screen.getByText(/Binary value, 5 B/)).toBeTruthy();
  });
});

function EditorHarness({ onDraft }: { onDraft: (d: SecretDraft) => void }) {
  const [draft, setDraft] = useState(emptyDraft);
  return (
    <SecretValueEditor
      draft={draft}
      isCheckShown
      onChange={(d) => {
        setDraft(d);
        onDraft(d);
      }}
    />
  );
}

describe('SecretValueEditor', () => {
  it('edits rows, flags a duplicate key beside the field, and turns rows into JSON in plaintext mode', () => {
    const onDraft = vi.fn();
    render(<EditorHarness onDraft={onDraft} />);
    fireEvent.change(screen.getByRole('textbox', { name: 'Key 1' }), { target: { value: 'user' } });
    fireEvent.change(screen.getByRole('textbox', { name: 'Value 1' }), { target: { value: 'a' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add row' }));
    fireEvent.change(screen.getByRole('textbox', { name: 'Key 2' }), { target: { value: 'user' } });
    expect(screen.getByText('Row 2: the key "user" is used twice')).toBeTruthy();
    fireEvent.change(screen.getByRole('textbox', { name: 'Key 2' }), { target: { value: 'pass' } });
    fireEvent.click(screen.getByRole('button', { name: 'Plaintext' }));
    const area = screen.getByRole('textbox', { name: 'Secret value as plaintext' }) as HTMLTextAreaElement;
    expect(area.value).toBe('{"user":"a","pass":""}');
    fireEvent.change(area, { target: { value: '{"user":' } });
    expect(screen.getByText(/^Not valid JSON\./)).toBeTruthy();
    expect(area.getAttribute('aria-invalid')).toBe('true');
    fireEvent.change(area, { target: { value: 'plain token' } });
    expect(screen.getByText('Plaintext, stored as typed')).toBeTruthy();
  });
});

describe('VersionTable', () => {
  it('lists the current version first with its stages, and disables Reveal with the reason', () => {
    const onReveal = vi.fn();
    render(
      <VersionTable
        versions={[
          { id: 'old-version-0001', stages: ['AWSPREVIOUS'], createdAt: new Date(1) },
          { id: 'new-version-0002', stages: ['AWSCURRENT', 'CANARY'], createdAt: new Date(2) },
        ]}
        onReveal={onReveal}
        revealDisabledReason="Your role does not allow secretsmanager:GetSecretValue"
      />,
    );
    const rows = screen.getAllByRole('row').slice(1);
    expect(rows[0]?.textContent).toContain('AWSCURRENT');
    expect(rows[0]?.textContent).toContain('CANARY');
    const reveal = screen.getByRole('button', { name: 'Reveal version new-vers' });
    expect(reveal.getAttribute('aria-disabled')).toBe('true');
    fireEvent.click(reveal);
    expect(onReveal).not.toHaveBeenCalled();
  });
});
