import { Download, Save, Trash2, Upload } from 'lucide-react';
import { useId, useRef, useState, type ChangeEvent } from 'react';
import { Button } from '../ui/button';
import { FieldError, SelectField, TextField } from '../ui/field';
import { EVENT_TEMPLATES, type EventTemplate } from './event-templates';
import { checkEventName, type SavedEvent } from './saved-events';

export interface TestEventBarProps {
  events: SavedEvent[];
  /** The saved event the editor holds, if any. */
  selected: string;
  onSelect: (name: string) => void;
  onTemplate: (id: EventTemplate['id']) => void;
  /** Save the editor's payload under a name; throws with the reason when it cannot. */
  onSave: (name: string) => void;
  onDelete: (name: string) => void;
  onExport: () => void;
  /** The chosen file's text; throws with what is wrong with it. */
  onImport: (text: string) => void;
}

/** Saved test events (kept in this browser), templates, and export/import as a JSON file. */
export function TestEventBar({
  events,
  selected,
  onSelect,
  onTemplate,
  onSave,
  onDelete,
  onExport,
  onImport,
}: TestEventBarProps) {
  const [name, setName] = useState(selected);
  const [problem, setProblem] = useState<string | undefined>();
  const [imported, setImported] = useState<string | undefined>();
  const fileRef = useRef<HTMLInputElement>(null);
  const fileId = useId();

  const save = () => {
    const p = checkEventName(name);
    if (p) return setProblem(p);
    try {
      onSave(name.trim());
      setProblem(undefined);
    } catch (e) {
      setProblem((e as Error).message);
    }
  };
  const importFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) return;
    try {
      onImport(await file.text());
      setProblem(undefined);
      setImported(`Imported from ${file.name}.`);
    } catch (err) {
      setImported(undefined);
      setProblem(`Could not import ${file.name}: ${(err as Error).message}`);
    }
  };

  return (
    <div className="flex flex-col gap-2">
      <div className="grid gap-2 sm:grid-cols-2">
        <SelectField
          label="Saved event"
          value={selected}
          onChange={(v) => {
            onSelect(v);
            if (v) setName(v);
          }}
          options={[
            { value: '', label: events.length ? 'Choose a saved event…' : 'No saved events yet' },
            ...events.map((e) => ({ value: e.name, label: e.name })),
          ]}
          hint="Kept in this browser only; never sent anywhere."
        />
        <SelectField
          label="Template"
          value=""
          onChange={(v) => v && onTemplate(v as EventTemplate['id'])}
          options={[
            { value: '', label: 'Start from a template…' },
            ...EVENT_TEMPLATES.map((t) => ({ value: t.id, label: t.label })),
          ]}
        />
      </div>
      <div className="flex flex-wrap items-end gap-2">
        <TextField
          label="Event name"
          value={name}
          onChange={(v) => {
            setName(v);
            setProblem(undefined);
          }}
          className="min-w-40 flex-1"
        />
        <Button variant="secondary" icon={<Save aria-hidden />} onClick={save}>
          Save event
        </Button>
        <Button
          variant="ghost"
          icon={<Trash2 aria-hidden />}
          disabledReason={selected ? undefined : 'Choose a saved event first'}
          onClick={() => onDelete(selected)}
        >
          Delete event
        </Button>
        <Button
          variant="ghost"
          icon={<Download aria-hidden />}
          disabledReason={events.length ? undefined : 'No saved events to export'}
          onClick={onExport}
        >
          Export
        </Button>
        <Button variant="ghost" icon={<Upload aria-hidden />} onClick={() => fileRef.current?.click()}>
          Import
        </Button>
        <input
          id={fileId}
          ref={fileRef}
          type="file"
          accept="application/json,.json"
          aria-label="Import test events file"
          className="sr-only"
          tabIndex={-1}
          onChange={(e) => void importFile(e)}
        />
      </div>
      {problem && <FieldError>{problem}</FieldError>}
      {imported && (
        <p role="status" className="text-xs text-muted">
          {imported}
        </p>
      )}
    </div>
  );
}
