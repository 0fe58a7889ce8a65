// The CodeMirror surface of JsonEditor. Loaded lazily (json-editor.tsx), so CodeMirror is its own chunk.
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { Compartment, EditorState, type Extension } from '@codemirror/state';
import {
  EditorView,
  drawSelection,
  highlightActiveLine,
  highlightActiveLineGutter,
  highlightSpecialChars,
  keymap,
  lineNumbers,
} from '@codemirror/view';
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import {
  HighlightStyle,
  bracketMatching,
  foldGutter,
  foldKeymap,
  indentOnInput,
  syntaxHighlighting,
} from '@codemirror/language';
import { json } from '@codemirror/lang-json';
import { linter, lintGutter, type Diagnostic } from '@codemirror/lint';
import { tags } from '@lezer/highlight';
import { describeJsonError, validateJson } from './json-validate';

export interface JsonEditorSurfaceProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  mode: 'json' | 'text';
  isReadOnly: boolean;
  describedBy?: string;
}

// Colours come from the theme's CSS variables, so light and dark switch with the rest of the page.
const theme = EditorView.theme({
  '&': { height: '100%', color: 'var(--color-fg)', backgroundColor: 'var(--color-surface)', fontSize: '13px' },
  '&.cm-focused': { outline: 'none' },
  '.cm-scroller': { fontFamily: 'var(--font-mono)', lineHeight: '1.5', overflow: 'auto' },
  '.cm-content': { caretColor: 'var(--color-fg)', padding: '6px 0' },
  '.cm-content:focus-visible': { outline: 'none' },
  '.cm-cursor, .cm-dropCursor': { borderLeftColor: 'var(--color-fg)' },
  '&.cm-focused > .cm-scroller > .cm-selectionLayer .cm-selectionBackground, .cm-selectionBackground, .cm-content ::selection':
    { backgroundColor: 'var(--color-accent-soft)' },
  '.cm-activeLine': { backgroundColor: 'color-mix(in srgb, var(--color-surface-2) 60%, transparent)' },
  '.cm-gutters': {
    backgroundColor: 'var(--color-surface-2)',
    // Subtle on surface-2 is 4.3:1 in light mode; muted meets 4.5:1.
    color: 'var(--color-muted)',
    borderRight: '1px solid var(--color-border)',
  },
  '.cm-activeLineGutter': { backgroundColor: 'var(--color-surface-3)', color: 'var(--color-fg)' },
  '.cm-matchingBracket, &.cm-focused .cm-matchingBracket': {
    backgroundColor: 'var(--color-surface-3)',
    outline: '1px solid var(--color-border-strong)',
  },
  '.cm-nonmatchingBracket, &.cm-focused .cm-nonmatchingBracket': {
    backgroundColor: 'var(--color-danger-soft)',
    color: 'var(--color-danger)',
  },
  '.cm-foldPlaceholder': { backgroundColor: 'var(--color-surface-3)', border: 'none', color: 'var(--color-muted)' },
  '.cm-tooltip': {
    backgroundColor: 'var(--color-surface)',
    color: 'var(--color-fg)',
    border: '1px solid var(--color-border-strong)',
  },
  '.cm-diagnostic-error': { borderLeftColor: 'var(--color-danger)' },
  '.cm-lintRange-error': {
    backgroundImage: 'none',
    textDecoration: 'underline wavy var(--color-danger)',
    textUnderlineOffset: '3px',
  },
  '.cm-lintPoint-error:after': { borderBottomColor: 'var(--color-danger)' },
});

const highlight = HighlightStyle.define([
  { tag: tags.propertyName, color: 'var(--color-accent)' },
  { tag: tags.string, color: 'var(--color-success)' },
  { tag: tags.number, color: 'var(--color-info)' },
  { tag: [tags.bool, tags.null], color: 'var(--color-warning)', fontWeight: '600' },
  { tag: [tags.brace, tags.squareBracket, tags.separator, tags.punctuation], color: 'var(--color-muted)' },
  { tag: tags.invalid, color: 'var(--color-danger)' },
]);

const jsonLinter = linter(
  (view): Diagnostic[] => {
    const doc = view.state.doc;
    const error = validateJson(doc.toString());
    if (!error) return [];
    const from = Math.min(error.offset, doc.length);
    return [{ from, to: Math.min(from + 1, doc.length), severity: 'error', message: describeJsonError(error) }];
  },
  { delay: 300 },
);

// Module constants, so reconfiguring with an unchanged mode keeps the parsed tree.
const JSON_MODE: Extension = [json(), jsonLinter, lintGutter()];
const TEXT_MODE: Extension = [];
const languageFor = (mode: 'json' | 'text'): Extension => (mode === 'json' ? JSON_MODE : TEXT_MODE);

function attributesFor(label: string, isReadOnly: boolean, describedBy?: string): Extension {
  // tabindex 0 changes nothing for the keyboard (contenteditable is tabbable already), but tells axe the
  // scroller holds focusable content (scrollable-region-focusable).
  const attrs: Record<string, string> = { 'aria-label': label, tabindex: '0' };
  if (describedBy) attrs['aria-describedby'] = describedBy;
  if (isReadOnly) attrs['aria-readonly'] = 'true';
  return EditorView.contentAttributes.of(attrs);
}

/** The smallest replacement that turns `from` into `to`, so the cursor and scroll survive a new value. */
function diff(from: string, to: string): { from: number; to: number; insert: string } {
  const max = Math.min(from.length, to.length);
  let start = 0;
  while (start < max && from.charCodeAt(start) === to.charCodeAt(start)) start++;
  let end = 0;
  while (end < max - start && from.charCodeAt(from.length - 1 - end) === to.charCodeAt(to.length - 1 - end)) end++;
  return { from: start, to: from.length - end, insert: to.slice(start, to.length - end) };
}

export default function JsonEditorSurface({
  label,
  value,
  onChange,
  mode,
  isReadOnly,
  describedBy,
}: JsonEditorSurfaceProps) {
  const hostRef = useRef<HTMLDivElement>(null);
  const viewRef = useRef<EditorView | null>(null);
  // The text the editor and its owner last agreed on; lets a keystroke skip comparing whole documents.
  const syncedRef = useRef(value);
  const latest = useRef({ label, value, onChange, mode, isReadOnly, describedBy });
  const [compartments] = useState(() => ({
    language: new Compartment(),
    readOnly: new Compartment(),
    attributes: new Compartment(),
  }));

  useLayoutEffect(() => {
    latest.current = { label, value, onChange, mode, isReadOnly, describedBy };
  });

  // One view for the component's life: re-creating it per keystroke would make large documents slow.
  useEffect(() => {
    const host = hostRef.current;
    if (!host) return;
    const initial = latest.current;
    const view = new EditorView({
      parent: host,
      state: EditorState.create({
        doc: initial.value,
        extensions: [
          lineNumbers(),
          highlightActiveLineGutter(),
          foldGutter(),
          highlightSpecialChars(),
          history(),
          drawSelection(),
          indentOnInput(),
          bracketMatching(),
          highlightActiveLine(),
          EditorState.tabSize.of(2),
          // Tab indents; Escape then Tab leaves the editor (CodeMirror's tab-focus mode), so focus is never trapped.
          keymap.of([...defaultKeymap, ...historyKeymap, ...foldKeymap, indentWithTab]),
          theme,
          syntaxHighlighting(highlight),
          compartments.language.of(languageFor(initial.mode)),
          compartments.readOnly.of(EditorState.readOnly.of(initial.isReadOnly)),
          compartments.attributes.of(attributesFor(initial.label, initial.isReadOnly, initial.describedBy)),
          EditorView.updateListener.of((update) => {
            if (!update.docChanged) return;
            const text = update.state.doc.toString();
            if (text === syncedRef.current) return;
            syncedRef.current = text;
            latest.current.onChange(text);
          }),
        ],
      }),
    });
    syncedRef.current = initial.value;
    viewRef.current = view;
    return () => {
      view.destroy();
      viewRef.current = null;
    };
  }, [compartments]);

  useEffect(() => {
    const view = viewRef.current;
    if (!view || value === syncedRef.current) return;
    syncedRef.current = value;
    const current = view.state.doc.toString();
    if (current !== value) view.dispatch({ changes: diff(current, value) });
  }, [value]);

  useEffect(() => {
    viewRef.current?.dispatch({ effects: compartments.language.reconfigure(languageFor(mode)) });
  }, [compartments, mode]);

  useEffect(() => {
    viewRef.current?.dispatch({
      effects: [
        compartments.readOnly.reconfigure(EditorState.readOnly.of(isReadOnly)),
        compartments.attributes.reconfigure(attributesFor(label, isReadOnly, describedBy)),
      ],
    });
  }, [compartments, isReadOnly, label, describedBy]);

  return <div ref={hostRef} className="h-full" />;
}
