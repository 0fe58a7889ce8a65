import { CircleAlert } from 'lucide-react';
import { useId, type ComponentPropsWithRef, type ReactNode } from 'react';

const CONTROL =
  'w-full min-w-0 rounded-md border bg-surface px-2.5 text-sm text-fg placeholder:text-subtle disabled:cursor-not-allowed disabled:bg-surface-2 disabled:text-muted';

export interface FieldErrorProps {
  id?: string;
  children: ReactNode;
}

/** A field's error, with an icon so it does not rely on colour. */
export function FieldError({ id, children }: FieldErrorProps) {
  return (
    <p id={id} className="flex items-start gap-1 text-xs text-danger">
      <CircleAlert aria-hidden className="mt-px size-3.5 shrink-0" />
      <span className="break-words">{children}</span>
    </p>
  );
}

function describedBy(...ids: (string | false | undefined)[]): string | undefined {
  return ids.filter(Boolean).join(' ') || undefined;
}

export interface TextFieldProps extends Omit<ComponentPropsWithRef<'input'>, 'value' | 'onChange'> {
  label: ReactNode;
  value: string;
  onChange: (value: string) => void;
  error?: ReactNode;
  hint?: ReactNode;
  /** Keep the label for screen readers only (e.g. inside a toolbar). */
  isLabelHidden?: boolean;
}

/** A labelled text input; the hint and error are tied to it (aria-describedby, aria-invalid). */
export function TextField({
  label,
  value,
  onChange,
  error,
  hint,
  isLabelHidden = false,
  id,
  className,
  'aria-describedby': extraDescribedBy,
  ...input
}: TextFieldProps) {
  const autoId = useId();
  const inputId = id ?? autoId;
  const hintId = `${inputId}-hint`;
  const errorId = `${inputId}-error`;
  const hasError = error !== undefined && error !== null && error !== false && error !== '';
  return (
    <div className={`flex flex-col gap-1 ${className ?? ''}`}>
      <label htmlFor={inputId} className={isLabelHidden ? 'sr-only' : 'text-sm font-medium'}>
        {label}
      </label>
      <input
        id={inputId}
        type="text"
        {...input}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={hasError || undefined}
        aria-describedby={describedBy(hint !== undefined && hintId, hasError && errorId, extraDescribedBy)}
        className={`${CONTROL} h-9 ${hasError ? 'border-danger' : 'border-border-strong'}`}
      />
      {hint !== undefined && (
        <p id={hintId} className="text-xs text-muted">
          {hint}
        </p>
      )}
      {hasError && <FieldError id={errorId}>{error}</FieldError>}
    </div>
  );
}

export interface SelectOption {
  value: string;
  label: string;
}

export interface SelectFieldProps extends Omit<ComponentPropsWithRef<'select'>, 'value' | 'onChange'> {
  label: ReactNode;
  value: string;
  onChange: (value: string) => void;
  options: SelectOption[];
  error?: ReactNode;
  hint?: ReactNode;
  isLabelHidden?: boolean;
}

/** A labelled native select (the platform's picker works best on phones). */
export function SelectField({
  label,
  value,
  onChange,
  options,
  error,
  hint,
  isLabelHidden = false,
  id,
  className,
  ...select
}: SelectFieldProps) {
  const autoId = useId();
  const selectId = id ?? autoId;
  const hintId = `${selectId}-hint`;
  const errorId = `${selectId}-error`;
  const hasError = error !== undefined && error !== null && error !== false && error !== '';
  return (
    <div className={`flex flex-col gap-1 ${className ?? ''}`}>
      <label htmlFor={selectId} className={isLabelHidden ? 'sr-only' : 'text-sm font-medium'}>
        {label}
      </label>
      <select
        id={selectId}
        {...select}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={hasError || undefined}
        aria-describedby={describedBy(hint !== undefined && hintId, hasError && errorId)}
        className={`${CONTROL} h-9 ${hasError ? 'border-danger' : 'border-border-strong'}`}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {hint !== undefined && (
        <p id={hintId} className="text-xs text-muted">
          {hint}
        </p>
      )}
      {hasError && <FieldError id={errorId}>{error}</FieldError>}
    </div>
  );
}

export interface CheckboxProps extends Omit<ComponentPropsWithRef<'input'>, 'checked' | 'onChange' | 'type'> {
  label: ReactNode;
  checked: boolean;
  onChange: (checked: boolean) => void;
  /** A second line under the label ("Deletes the bucket's objects first"). */
  description?: ReactNode;
}

/** A native checkbox with its label; the whole row is clickable. */
export function Checkbox({ label, checked, onChange, description, id, className, ...input }: CheckboxProps) {
  const autoId = useId();
  const inputId = id ?? autoId;
  const descriptionId = `${inputId}-description`;
  return (
    <div className={`flex items-start gap-2 ${className ?? ''}`}>
      <input
        id={inputId}
        type="checkbox"
        {...input}
        checked={checked}
        onChange={(e) => onChange(e.target.checked)}
        aria-describedby={description !== undefined ? descriptionId : undefined}
        className="mt-0.5 size-4 shrink-0 accent-accent"
      />
      <div className="flex flex-col">
        <label htmlFor={inputId} className="text-sm">
          {label}
        </label>
        {description !== undefined && (
          <p id={descriptionId} className="text-xs text-muted">
            {description}
          </p>
        )}
      </div>
    </div>
  );
}
