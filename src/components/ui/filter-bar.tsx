import { Search, X } from 'lucide-react';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { Button } from './button';

export interface FilterChip {
  label: string;
  onRemove: () => void;
}

export interface FilterBarProps {
  /** The accessible name of the search field ("Find objects by prefix"). */
  label: string;
  placeholder?: string;
  /** The filter in force (from the URL). */
  value: string;
  /** Runs the search (on the server): on Enter, or after a short pause in typing. */
  onSubmit: (value: string) => void;
  chips?: FilterChip[];
  onClearAll?: () => void;
  /** Extra controls (a state select, a toggle). */
  children?: ReactNode;
  /** The pause before a search runs while typing. */
  debounceMs?: number;
}

/** The filter row under a page header; its input is what the "/" shortcut focuses. */
export function FilterBar({
  label,
  placeholder,
  value,
  onSubmit,
  chips = [],
  onClearAll,
  children,
  debounceMs = 300,
}: FilterBarProps) {
  const [draft, setDraft] = useState(value);
  const [prevValue, setPrevValue] = useState(value);
  const lastSubmitted = useRef(value);
  const onSubmitRef = useRef(onSubmit);

  useEffect(() => {
    onSubmitRef.current = onSubmit;
  });

  // The URL changed from outside (back button, a chip removed): show what is in force.
  if (value !== prevValue) {
    setPrevValue(value);
    setDraft(value);
  }
  useEffect(() => {
    lastSubmitted.current = value;
  }, [value]);

  useEffect(() => {
    if (draft === lastSubmitted.current) return;
    const t = setTimeout(() => {
      if (draft === lastSubmitted.current) return;
      lastSubmitted.current = draft;
      onSubmitRef.current(draft);
    }, debounceMs);
    return () => clearTimeout(t);
  }, [draft, debounceMs]);

  function submitNow() {
    if (draft === lastSubmitted.current) return;
    lastSubmitted.current = draft;
    onSubmit(draft);
  }

  return (
    <div className="flex flex-wrap items-center gap-2">
      <form
        role="search"
        aria-label={label}
        className="relative min-w-0 flex-1 basis-56 sm:max-w-md"
        onSubmit={(e) => {
          e.preventDefault();
          submitNow();
        }}
      >
        <Search
          aria-hidden
          className="pointer-events-none absolute top-1/2 left-2.5 size-4 -translate-y-1/2 text-subtle"
        />
        <input
          type="search"
          data-page-filter
          aria-label={label}
          placeholder={placeholder}
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
          autoComplete="off"
          spellCheck={false}
          className="h-9 w-full rounded-md border border-border-strong bg-surface pr-2.5 pl-8 text-sm text-fg placeholder:text-subtle"
        />
      </form>
      {children}
      {chips.length > 0 && (
        <ul aria-label="Active filters" className="flex flex-wrap items-center gap-1.5">
          {chips.map((chip) => (
            <li
              key={chip.label}
              className="inline-flex h-7 max-w-full items-center gap-1 rounded-full border border-border bg-surface-2 pr-1 pl-2.5 text-xs"
            >
              <span className="truncate">{chip.label}</span>
              <button
                type="button"
                aria-label={`Remove filter ${chip.label}`}
                onClick={chip.onRemove}
                className="inline-flex size-5 shrink-0 items-center justify-center rounded-full text-muted hover:bg-surface-3 hover:text-fg"
              >
                <X aria-hidden className="size-3.5" />
              </button>
            </li>
          ))}
        </ul>
      )}
      {chips.length > 0 && onClearAll && (
        <Button variant="ghost" size="sm" onClick={onClearAll}>
          Clear filters
        </Button>
      )}
    </div>
  );
}
