import { Play, Plus, Trash2 } from 'lucide-react';
import { useId, type FormEvent } from 'react';
import { Button, IconButton } from '../ui/button';
import { FieldError, SelectField, TextField } from '../ui/field';

export type BuilderKeyType = 'S' | 'N' | 'B';
export interface BuilderKey {
  name: string;
  type: BuilderKeyType;
}
export interface BuilderTarget {
  /** '' for the table itself, else the index name. */
  id: string;
  label: string;
  partition: BuilderKey;
  sort?: BuilderKey;
}
export interface BuilderFilter {
  name: string;
  op: string;
  type: string;
  value: string;
}
export interface BuilderDraft {
  mode: 'query' | 'scan';
  index: string;
  partitionValue: string;
  /** '' for no sort key condition. */
  sortOp: string;
  sortValue: string;
  sortValue2: string;
  filters: BuilderFilter[];
  /** Comma-separated attribute names. */
  projection: string;
  pageSize: string;
}

export interface QueryBuilderProps {
  targets: BuilderTarget[];
  draft: BuilderDraft;
  onChange: (draft: BuilderDraft) => void;
  onRun: () => void;
  /** Messages by field: partition, sort, sort2, filter.N, projection, pageSize, general. */
  errors: Record<string, string | undefined>;
  /** The request that will run, shown read-only. */
  preview: string;
  isRunning?: boolean;
}

const TYPE_NAMES: Record<BuilderKeyType, string> = { S: 'string', N: 'number', B: 'binary, base64' };
const SORT_OPS = [
  { value: '', label: 'No condition' },
  { value: '=', label: '=' },
  { value: '<', label: '<' },
  { value: '<=', label: '<=' },
  { value: '>', label: '>' },
  { value: '>=', label: '>=' },
  { value: 'between', label: 'between' },
  { value: 'begins_with', label: 'begins with' },
];
const FILTER_OPS = [
  { value: '=', label: '=' },
  { value: '<>', label: '≠' },
  { value: '<', label: '<' },
  { value: '<=', label: '<=' },
  { value: '>', label: '>' },
  { value: '>=', label: '>=' },
  { value: 'begins_with', label: 'begins with' },
  { value: 'contains', label: 'contains' },
  { value: 'exists', label: 'exists' },
  { value: 'not_exists', label: 'does not exist' },
];
const FILTER_TYPES = [
  { value: 'S', label: 'String' },
  { value: 'N', label: 'Number' },
  { value: 'BOOL', label: 'Boolean' },
  { value: 'NULL', label: 'Null' },
];
const PAGE_SIZES = ['25', '50', '100', '250', '500', '1000'].map((v) => ({ value: v, label: `${v} per page` }));

/**
 * Query or Scan on the table or one of its indexes: a partition key value typed by the key's type, a
 * sort key condition, filters with a type, a projection and a page size. The request shown below is
 * exactly what will be sent (names and values only as placeholders).
 */
export function QueryBuilder({
  targets,
  draft,
  onChange,
  onRun,
  errors,
  preview,
  isRunning = false,
}: QueryBuilderProps) {
  const id = useId();
  const target = targets.find((t) => t.id === draft.index) ?? targets[0];
  const set = (patch: Partial<BuilderDraft>) => onChange({ ...draft, ...patch });
  const setFilter = (i: number, patch: Partial<BuilderFilter>) =>
    set({ filters: draft.filters.map((f, j) => (j === i ? { ...f, ...patch } : f)) });

  function submit(e: FormEvent) {
    e.preventDefault();
    onRun();
  }

  return (
    <form
      onSubmit={submit}
      aria-label="Query builder"
      className="flex flex-col gap-3 rounded-md border border-border bg-surface p-3 sm:p-4"
    >
      <div className="flex flex-wrap items-end gap-3">
        <fieldset className="flex flex-col gap-1">
          <legend className="text-sm font-medium">Operation</legend>
          <div className="flex h-9 overflow-hidden rounded-md border border-border-strong text-sm">
            {(['query', 'scan'] as const).map((m) => (
              <label
                key={m}
                className={`flex cursor-pointer items-center px-3 has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-focus ${
                  draft.mode === m ? 'bg-accent text-accent-fg' : 'bg-surface hover:bg-surface-3'
                }`}
              >
                <input
                  type="radio"
                  name={`${id}-mode`}
                  value={m}
                  checked={draft.mode === m}
                  onChange={() => set({ mode: m })}
                  className="sr-only"
                />
                {m === 'query' ? 'Query' : 'Scan'}
              </label>
            ))}
          </div>
        </fieldset>
        <SelectField
          className="min-w-0 flex-1 basis-64"
          label="Table or index"
          value={draft.index}
          onChange={(v) => set({ index: v, sortOp: '', sortValue: '', sortValue2: '' })}
          options={targets.map((t) => ({ value: t.id, label: t.label }))}
        />
        <SelectField
          className="w-36"
          label="Page size"
          value={draft.pageSize}
          onChange={(v) => set({ pageSize: v })}
          options={PAGE_SIZES}
          error={errors.pageSize}
        />
      </div>
      <p className="text-xs text-muted">
        {draft.mode === 'query'
          ? 'Query reads one partition, by key: fast and cheap.'
          : 'Scan reads every item of the table or index and filters afterwards: slow and costly on big tables.'}
      </p>

      {draft.mode === 'query' && target && (
        <div className="grid gap-3 sm:grid-cols-2">
          <TextField
            label={`${target.partition.name} (partition key, ${TYPE_NAMES[target.partition.type]})`}
            value={draft.partitionValue}
            onChange={(v) => set({ partitionValue: v })}
            error={errors.partition}
            inputMode={target.partition.type === 'N' ? 'decimal' : undefined}
            spellCheck={false}
          />
          {target.sort && (
            <div className="flex min-w-0 flex-col gap-1">
              <div className="grid grid-cols-[9rem_1fr] items-start gap-2">
                <SelectField
                  label={`${target.sort.name} condition`}
                  value={draft.sortOp}
                  onChange={(v) => set({ sortOp: v })}
                  options={SORT_OPS}
                />
                {draft.sortOp !== '' && (
                  <TextField
                    label={`${target.sort.name} (sort key, ${TYPE_NAMES[target.sort.type]})`}
                    value={draft.sortValue}
                    onChange={(v) => set({ sortValue: v })}
                    error={errors.sort}
                    spellCheck={false}
                  />
                )}
              </div>
              {draft.sortOp === 'between' && (
                <TextField
                  className="sm:ml-[9.5rem]"
                  label={`and ${target.sort.name} (upper bound)`}
                  value={draft.sortValue2}
                  onChange={(v) => set({ sortValue2: v })}
                  error={errors.sort2}
                  spellCheck={false}
                />
              )}
            </div>
          )}
        </div>
      )}

      <fieldset className="flex min-w-0 flex-col gap-2">
        <legend className="text-sm font-medium">Filters</legend>
        {draft.filters.length === 0 && (
          <p className="text-xs text-muted">No filters. Filters run after the read: they save no capacity.</p>
        )}
        {draft.filters.map((f, i) => {
          const needsValue = f.op !== 'exists' && f.op !== 'not_exists' && f.type !== 'NULL';
          return (
            <div key={i} className="flex min-w-0 flex-col gap-1">
              <div className="grid grid-cols-2 items-end gap-2 sm:grid-cols-[minmax(8rem,1fr)_9rem_8rem_minmax(8rem,1fr)_auto]">
                <TextField
                  label={`Filter ${i + 1} attribute`}
                  value={f.name}
                  onChange={(v) => setFilter(i, { name: v })}
                  spellCheck={false}
                />
                <SelectField
                  label={`Filter ${i + 1} condition`}
                  value={f.op}
                  onChange={(v) => setFilter(i, { op: v })}
                  options={FILTER_OPS}
                />
                {f.op !== 'exists' && f.op !== 'not_exists' ? (
                  <SelectField
                    label={`Filter ${i + 1} type`}
                    value={f.type}
                    onChange={(v) => setFilter(i, { type: v, value: v === 'BOOL' ? 'true' : f.value })}
                    options={FILTER_TYPES}
                  />
                ) : (
                  <span className="hidden sm:block" />
                )}
                {needsValue && f.type === 'BOOL' ? (
                  <SelectField
                    label={`Filter ${i + 1} value`}
                    value={f.value}
                    onChange={(v) => setFilter(i, { value: v })}
                    options={[
                      { value: 'true', label: 'true' },
                      { value: 'false', label: 'false' },
                    ]}
                  />
                ) : needsValue ? (
                  <TextField
                    label={`Filter ${i + 1} value`}
                    value={f.value}
                    onChange={(v) => setFilter(i, { value: v })}
                    spellCheck={false}
                  />
                ) : (
                  <span className="hidden sm:block" />
                )}
                <IconButton
                  label={`Remove filter ${i + 1}`}
                  icon={<Trash2 aria-hidden />}
                  onClick={() => set({ filters: draft.filters.filter((_, j) => j !== i) })}
                />
              </div>
              {errors[`filter.${i}`] && <FieldError>{errors[`filter.${i}`]}</FieldError>}
            </div>
          );
        })}
        <div>
          <Button
            size="sm"
            variant="ghost"
            icon={<Plus aria-hidden />}
            onClick={() => set({ filters: [...draft.filters, { name: '', op: '=', type: 'S', value: '' }] })}
          >
            Add filter
          </Button>
        </div>
        {errors.filter && <FieldError>{errors.filter}</FieldError>}
      </fieldset>

      <TextField
        label="Attributes to return (projection)"
        hint="Comma-separated names; empty returns every attribute. Key attributes always come back."
        value={draft.projection}
        onChange={(v) => set({ projection: v })}
        error={errors.projection}
        spellCheck={false}
      />

      <details className="text-sm">
        <summary className="cursor-pointer select-none">
          <span className="text-muted">Request: </span>
          <span className="font-medium">{preview.split('\n')[0]}</span>
        </summary>
        <pre
          aria-label="Request preview"
          className="mt-2 overflow-x-auto rounded-md bg-surface-2 p-2 font-mono text-xs whitespace-pre-wrap break-all"
        >
          {preview}
        </pre>
      </details>

      {errors.general && <FieldError>{errors.general}</FieldError>}
      <div className="flex flex-wrap items-center gap-2">
        <Button type="submit" variant="primary" icon={<Play aria-hidden />} isLoading={isRunning}>
          Run
        </Button>
      </div>
    </form>
  );
}
