import { Plus, Trash2 } from 'lucide-react';
import { Button, IconButton } from '../ui/button';
import { FieldError } from '../ui/field';

export interface TagRow {
  key: string;
  value: string;
}

export interface TagRowsProps {
  tags: TagRow[];
  onChange: (tags: TagRow[]) => void;
}

const INPUT =
  'h-8 w-full min-w-0 rounded-md border border-border-strong bg-surface px-2 text-sm text-fg placeholder:text-subtle';

/** Why tags cannot be saved (AWS's limits: keys 1-128, values up to 256, at most 50, no duplicates). */
export function tagsProblem(tags: TagRow[]): string | undefined {
  if (tags.length > 50) return 'At most 50 tags';
  const seen = new Set<string>();
  for (const [i, t] of tags.entries()) {
    if (t.key === '') return `Tag ${i + 1}: the key is empty`;
    if (t.key.length > 128) return `Tag ${i + 1}: the key is over 128 characters`;
    if (t.value.length > 256) return `Tag ${i + 1}: the value is over 256 characters`;
    if (t.key.toLowerCase().startsWith('aws:')) return `Tag ${i + 1}: keys starting with aws: are reserved`;
    if (seen.has(t.key)) return `Tag ${i + 1}: the key "${t.key}" is used twice`;
    seen.add(t.key);
  }
  return undefined;
}

/** Tags as editable key/value rows, with the first problem named under them. */
export function TagRows({ tags, onChange }: TagRowsProps) {
  const problem = tagsProblem(tags);
  const set = (i: number, patch: Partial<TagRow>) => onChange(tags.map((t, j) => (j === i ? { ...t, ...patch } : t)));
  return (
    <fieldset className="flex flex-col gap-1.5">
      <legend className="mb-1 text-sm font-medium">Tags</legend>
      {tags.map((t, i) => (
        <div key={i} className="flex items-center gap-1.5">
          <input
            className={INPUT}
            aria-label={`Tag key ${i + 1}`}
            placeholder="Key"
            value={t.key}
            onChange={(e) => set(i, { key: e.target.value })}
          />
          <input
            className={INPUT}
            aria-label={`Tag value ${i + 1}`}
            placeholder="Value"
            value={t.value}
            onChange={(e) => set(i, { value: e.target.value })}
          />
          <IconButton
            label={`Remove tag ${i + 1}`}
            size="sm"
            icon={<Trash2 aria-hidden />}
            onClick={() => onChange(tags.filter((_, j) => j !== i))}
          />
        </div>
      ))}
      <div>
        <Button
          size="sm"
          variant="ghost"
          icon={<Plus aria-hidden />}
          onClick={() => onChange([...tags, { key: '', value: '' }])}
        >
          Add tag
        </Button>
      </div>
      {problem && <FieldError>{problem}</FieldError>}
    </fieldset>
  );
}

/** What to send to turn `before` into `after`: keys to remove, tags to add or change. */
export function tagChanges(before: TagRow[], after: TagRow[]): { add: TagRow[]; remove: string[] } {
  const was = new Map(before.map((t) => [t.key, t.value]));
  const now = new Map(after.map((t) => [t.key, t.value]));
  return {
    remove: [...was.keys()].filter((k) => !now.has(k)),
    add: after.filter((t) => was.get(t.key) !== t.value),
  };
}
