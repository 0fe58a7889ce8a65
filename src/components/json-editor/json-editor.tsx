import { lazy, Suspense, useDeferredValue, useEffect, useId, useLayoutEffect, useMemo, useRef } from 'react';
import { Braces } from 'lucide-react';
import { Button } from '../ui/button';
import { Skeleton } from '../ui/skeleton';
import { describeJsonError, formatJson, validateJson, type JsonError } from './json-validate';

// CodeMirror is large and only some pages edit JSON: it loads as its own chunk on first use.
const JsonEditorSurface = lazy(() => import('./json-editor-impl'));

export interface JsonEditorProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** 'text' edits a plain body (an SQS message that is not JSON): no validation, no Format. */
  mode?: 'json' | 'text';
  isReadOnly?: boolean;
  /** Height of the editing area (CSS length or px); the document scrolls inside it. */
  height?: string | number;
  onValidationChange?: (error: JsonError | null) => void;
  /** Id of an element that describes the field (help text, a server-side error). */
  describedBy?: string;
}

export type { JsonError };

export function JsonEditor({
  label,
  value,
  onChange,
  mode = 'json',
  isReadOnly = false,
  height = '16rem',
  onValidationChange,
  describedBy,
}: JsonEditorProps) {
  const id = useId();
  const labelId = `${id}-label`;
  const hintId = `${id}-hint`;
  const statusId = `${id}-status`;

  // Typing stays responsive on large documents: validation follows at React's lower priority.
  const deferred = useDeferredValue(value);
  const error = useMemo(() => (mode === 'json' ? validateJson(deferred) : null), [mode, deferred]);
  const errorText = error ? describeJsonError(error) : '';

  const onValidationRef = useRef(onValidationChange);
  useLayoutEffect(() => {
    onValidationRef.current = onValidationChange;
  });
  const reportedRef = useRef<string | undefined>(undefined);
  useEffect(() => {
    const key = error ? `${error.offset}:${error.message}` : '';
    if (key === reportedRef.current) return;
    reportedRef.current = key;
    onValidationRef.current?.(error);
  }, [error]);

  const isEmpty = value.trim() === '';
  const canFormat = mode === 'json' && !isReadOnly;
  const formatReason = isEmpty ? 'Nothing to format' : error ? 'Fix the JSON error first' : undefined;
  const contentDescribedBy = [hintId, mode === 'json' ? statusId : undefined, describedBy].filter(Boolean).join(' ');

  return (
    <div className="flex min-w-0 flex-col gap-1.5">
      <div className="flex min-h-7 items-center justify-between gap-2">
        <span id={labelId} className="font-medium">
          {label}
        </span>
        {canFormat && (
          <Button
            size="sm"
            variant="ghost"
            icon={<Braces aria-hidden />}
            disabledReason={formatReason}
            onClick={() => onChange(formatJson(value))}
          >
            Format
          </Button>
        )}
      </div>
      <div
        className={`min-w-0 overflow-hidden rounded-md border ${error ? 'border-danger' : 'border-border'} focus-within:outline-2 focus-within:outline-focus`}
        style={{ height }}
      >
        <Suspense fallback={<Skeleton className="h-full w-full rounded-none" />}>
          <JsonEditorSurface
            label={label}
            value={value}
            onChange={onChange}
            mode={mode}
            isReadOnly={isReadOnly}
            describedBy={contentDescribedBy}
          />
        </Suspense>
      </div>
      <p id={hintId} hidden>
        Press Escape, then Tab, to leave the editor.
      </p>
      {mode === 'json' && (
        <p id={statusId} role="status" className="min-h-4 text-xs text-danger">
          {errorText}
        </p>
      )}
    </div>
  );
}
