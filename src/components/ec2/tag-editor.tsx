import { Pencil, Plus, Trash2 } from 'lucide-react';
import { useId, useState, type FormEvent } from 'react';
import { Button, IconButton } from '../ui/button';
import { EmptyState } from '../ui/empty-state';
import { TextField } from '../ui/field';
import { ErrorNote } from '../ui/error-note';

export interface EditableTag {
  key: string;
  value: string;
}

export interface TagChangeSet {
  set: EditableTag[];
  remove: string[];
}

export interface TagEditorProps {
  tags: EditableTag[];
  /** Saves the changes; a rejection keeps the form open with its message. */
  onSave: (changes: TagChangeSet) => Promise<unknown>;
  /** Why editing is unavailable ("Your role does not allow ec2:CreateTags"). */
  disabledReason?: string;
}

export const MAX_KEY_LENGTH = 128;
export const MAX_VALUE_LENGTH = 256;

interface Row {
  rowId: number;
  key: string;
  value: string;
}

/** The problem with a key, or undefined: required, at most 128 characters, not aws:, not twice. */
export function tagKeyError(key: string, others: string[]): string | undefined {
  if (key.trim() === '') return 'Enter a key';
  if ([...key].length > MAX_KEY_LENGTH)
    return `Keys are at most ${MAX_KEY_LENGTH} characters (this one has ${[...key].length})`;
  if (key.toLowerCase().startsWith('aws:')) return 'Keys starting with "aws:" are reserved for AWS';
  if (others.includes(key)) return `The key ${key} is used twice`;
  return undefined;
}

export function tagValueError(value: string): string | undefined {
  const n = [...value].length;
  return n > MAX_VALUE_LENGTH ? `Values are at most ${MAX_VALUE_LENGTH} characters (this one has ${n})` : undefined;
}

/** What to send: DeleteTags for keys no longer there, CreateTags for new or changed ones. */
export function tagChanges(before: EditableTag[], after: EditableTag[]): TagChangeSet {
  const old = new Map(before.map((t) => [t.key, t.value]));
  const keys = new Set(after.map((t) => t.key));
  return {
    set: after.filter((t) => old.get(t.key) !== t.value),
    remove: before.filter((t) => !keys.has(t.key)).map((t) => t.key),
  };
}

/** An instance's tags, shown as a list and edited in place (add, change, remove), checked before saving. */
export function TagEditor({ tags, onSave, disabledReason }: TagEditorProps) {
  const [rows, setRows] = useState<Row[] | undefined>(undefined);
  const [nextId, setNextId] = useState(0);
  const [isSaving, setSaving] = useState(false);
  const [isSubmitted, setSubmitted] = useState(false);
  const [failure, setFailure] = useState<string | undefined>();
  const formId = useId();

  const startEditing = (withNew: boolean) => {
    const start = tags.map((t, i) => ({ rowId: i, key: t.key, value: t.value }));
    if (withNew) start.push({ rowId: start.length, key: '', value: '' });
    setRows(start);
    setNextId(start.length);
    setSubmitted(false);
    setFailure(undefined);
  };

  if (rows === undefined)
    return (
      <div className="flex flex-col gap-3">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <h2 className="text-base font-semibold">Tags ({tags.length})</h2>
          <Button
            icon={<Pencil aria-hidden />}
            onClick={() => startEditing(tags.length === 0)}
            disabledReason={disabledReason}
          >
            Edit tags
          </Button>
        </div>
        {tags.length === 0 ? (
          <EmptyState title="No tags" description="Tags name and group instances (Name, Environment, Team…)." />
        ) : (
          <div className="overflow-x-auto rounded-md border border-border">
            <table className="w-full text-sm">
              <caption className="sr-only">Tags</caption>
              <thead className="bg-surface-2 text-left text-xs text-muted">
                <tr>
                  <th scope="col" className="px-3 py-2 font-semibold">
                    Key
                  </th>
                  <th scope="col" className="px-3 py-2 font-semibold">
                    Value
                  </th>
                </tr>
              </thead>
              <tbody>
                {tags.map((t) => (
                  <tr key={t.key} className="border-t border-border">
                    <td className="px-3 py-2 font-mono break-all">{t.key}</td>
                    <td className="px-3 py-2 break-all">{t.value || <span className="text-muted">(empty)</span>}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </div>
    );

  const keyErrors = rows.map((r, i) =>
    tagKeyError(
      r.key,
      rows.filter((_, j) => j < i).map((o) => o.key),
    ),
  );
  const valueErrors = rows.map((r) => tagValueError(r.value));
  const hasErrors = keyErrors.some(Boolean) || valueErrors.some(Boolean);
  const changes = tagChanges(
    tags,
    rows.map((r) => ({ key: r.key, value: r.value })),
  );
  const isUnchanged = changes.set.length === 0 && changes.remove.length === 0;

  const update = (rowId: number, patch: Partial<Row>) =>
    setRows((rs) => rs?.map((r) => (r.rowId === rowId ? { ...r, ...patch } : r)));

  async function save(e: FormEvent) {
    e.preventDefault();
    setSubmitted(true);
    if (hasErrors || isUnchanged || isSaving) return;
    setSaving(true);
    setFailure(undefined);
    try {
      await onSave(changes);
      setRows(undefined);
    } catch (err) {
      setFailure(err instanceof Error ? err.message : String(err));
    } finally {
      setSaving(false);
    }
  }

  return (
    <form id={formId} onSubmit={(e) => void save(e)} className="flex flex-col gap-3" aria-label="Edit tags" noValidate>
      <h2 className="text-base font-semibold">Edit tags</h2>
      {rows.length === 0 && <p className="text-sm text-muted">No tags. Saving removes every tag.</p>}
      <ul className="flex flex-col gap-3">
        {rows.map((r, i) => (
          <li
            key={r.rowId}
            className="grid grid-cols-1 items-start gap-2 border-b border-border pb-3 sm:grid-cols-[1fr_1fr_auto] sm:border-0 sm:pb-0"
          >
            <TextField
              label={`Key ${i + 1}`}
              value={r.key}
              onChange={(key) => update(r.rowId, { key })}
              error={isSubmitted || r.key !== '' ? keyErrors[i] : undefined}
              autoComplete="off"
              spellCheck={false}
            />
            <TextField
              label={`Value ${i + 1}`}
              value={r.value}
              onChange={(value) => update(r.rowId, { value })}
              error={valueErrors[i]}
              autoComplete="off"
              spellCheck={false}
            />
            <div className="sm:pt-6">
              <IconButton
                label={`Remove tag ${r.key || i + 1}`}
                icon={<Trash2 aria-hidden />}
                onClick={() => setRows((rs) => rs?.filter((x) => x.rowId !== r.rowId))}
              />
            </div>
          </li>
        ))}
      </ul>
      <div>
        <Button
          size="sm"
          icon={<Plus aria-hidden />}
          onClick={() => {
            setRows((rs) => [...(rs ?? []), { rowId: nextId, key: '', value: '' }]);
            setNextId((n) => n + 1);
          }}
        >
          Add tag
        </Button>
      </div>
      {failure && <ErrorNote>{failure}</ErrorNote>}
      <div className="flex flex-wrap justify-end gap-2 border-t border-border pt-3">
        <Button variant="secondary" onClick={() => setRows(undefined)}>
          Cancel
        </Button>
        <Button
          type="submit"
          variant="primary"
          isLoading={isSaving}
          disabledReason={
            isUnchanged ? 'Nothing changed yet' : isSubmitted && hasErrors ? 'Fix the highlighted tags' : undefined
          }
        >
          Save tags
        </Button>
      </div>
    </form>
  );
}
