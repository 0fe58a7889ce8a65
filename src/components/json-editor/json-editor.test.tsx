// @vitest-environment jsdom
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { EditorView } from '@codemirror/view';
import { JsonEditor } from './json-editor';

afterEach(cleanup);

// jsdom has no layout: CodeMirror measures text ranges, which jsdom's Range cannot do.
beforeAll(() => {
  const empty = { x: 0, y: 0, width: 0, height: 0, top: 0, right: 0, bottom: 0, left: 0, toJSON: () => ({}) };
  Range.prototype.getClientRects ??= () => Object.assign([], { item: () => null }) as unknown as DOMRectList;
  Range.prototype.getBoundingClientRect ??= () => empty as DOMRect;
});

async function editorOf(name: string): Promise<{ content: HTMLElement; view: EditorView }> {
  const content = await screen.findByRole('textbox', { name });
  const view = EditorView.findFromDOM(content);
  if (!view) throw new Error('no editor view');
  return { content, view };
}

describe('JsonEditor', () => {
  it('loads the editor with its label and reports edits through onChange', async () => {
    const onChange = vi.fn();
    render(<JsonEditor label="Item" value='{"id": 1}' onChange={onChange} />);
    expect(screen.getByText('Item')).toBeTruthy();
    const { content, view } = await editorOf('Item');
    expect(content.textContent).toContain('"id": 1');
    expect(content.getAttribute('aria-describedby')).toBeTruthy();

    view.dispatch({ changes: { from: 8, insert: '2' } });
    expect(onChange).toHaveBeenCalledWith('{"id": 12}');
  });

  it('shows the error line in a status message, disables Format, and reports validation', async () => {
    const onValidationChange = vi.fn();
    const props = { label: 'Body', onChange: vi.fn(), onValidationChange };
    const { rerender } = render(<JsonEditor {...props} value={'{"a": 1}'} />);
    await editorOf('Body');
    expect(screen.getByRole('status').textContent).toBe('');
    expect(onValidationChange).toHaveBeenLastCalledWith(null);

    rerender(<JsonEditor {...props} value={'{\n  "a": 1,\n  "b": x\n}'} />);
    await waitFor(() => expect(screen.getByRole('status').textContent).toMatch(/^Line 3: Unexpected token/));
    expect(onValidationChange).toHaveBeenLastCalledWith(expect.objectContaining({ line: 3 }));
    const format = screen.getByRole('button', { name: 'Format' });
    expect(format.getAttribute('aria-disabled')).toBe('true');
    expect(format.getAttribute('aria-describedby')).toBeTruthy();
    fireEvent.click(format);
    expect(props.onChange).not.toHaveBeenCalled();
  });

  it('formats valid JSON with two spaces through onChange', async () => {
    const onChange = vi.fn();
    render(<JsonEditor label="Item" value='{"a":[1,2]}' onChange={onChange} />);
    await editorOf('Item');
    fireEvent.click(screen.getByRole('button', { name: 'Format' }));
    expect(onChange).toHaveBeenCalledWith('{\n  "a": [\n    1,\n    2\n  ]\n}');
  });

  it('takes a new value from its owner without echoing it and keeps the cursor', async () => {
    const onChange = vi.fn();
    const { rerender } = render(<JsonEditor label="Item" value='{"a": 1}' onChange={onChange} />);
    const { view } = await editorOf('Item');
    view.dispatch({ selection: { anchor: 2 } });
    rerender(<JsonEditor label="Item" value='{"a": 1, "b": 2}' onChange={onChange} />);
    expect(view.state.doc.toString()).toBe('{"a": 1, "b": 2}');
    expect(view.state.selection.main.head).toBe(2);
    expect(onChange).not.toHaveBeenCalled();
  });

  it('in text mode edits a plain body without validation or Format', async () => {
    render(<JsonEditor label="Message body" value="hello, not JSON" mode="text" onChange={vi.fn()} isReadOnly />);
    const { content } = await editorOf('Message body');
    expect(content.getAttribute('aria-readonly')).toBe('true');
    expect(screen.queryByRole('status')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Format' })).toBeNull();
  });
});
