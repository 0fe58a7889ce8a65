import { useId, useState } from 'react';
import { Dialog, FormDialogFooter } from '../ui/dialog';
import { TextField } from '../ui/field';
import { ErrorNote } from '../ui/error-note';

export interface CreateFolderDialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** The folder it is created in ("photos/"), shown before the name. */
  parent: string;
  onCreate: (name: string) => Promise<unknown>;
  error?: string;
  isPending?: boolean;
}

/** The problem with a folder name, or undefined. */
export function folderNameProblem(name: string): string | undefined {
  const trimmed = name.replace(/\/+$/, '');
  if (trimmed === '') return 'Enter a folder name.';
  if (trimmed.includes('/')) return 'A folder name cannot contain "/" (create one level at a time).';
  if (trimmed === '.' || trimmed === '..') return 'A folder cannot be named "." or "..".';
  if (new TextEncoder().encode(trimmed).length > 1000) return 'The name is too long for an S3 key.';
  return undefined;
}

export function CreateFolderDialog({
  open,
  onOpenChange,
  parent,
  onCreate,
  error,
  isPending = false,
}: CreateFolderDialogProps) {
  const formId = useId();
  const [name, setName] = useState('');
  const [isTouched, setTouched] = useState(false);
  const problem = folderNameProblem(name);
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        if (!next) {
          setName('');
          setTouched(false);
        }
        onOpenChange(next);
      }}
      title="Create folder"
      description={`An empty object named "${parent}<name>/" that S3 lists as a folder.`}
      footer={
        <FormDialogFooter
          formId={formId}
          submitLabel="Create folder"
          onCancel={() => onOpenChange(false)}
          isPending={isPending}
        />
      }
    >
      <form
        id={formId}
        className="flex flex-col gap-3"
        onSubmit={(e) => {
          e.preventDefault();
          setTouched(true);
          if (problem || isPending) return;
          void onCreate(name.replace(/\/+$/, '')).then(
            () => setName(''),
            () => undefined,
          );
        }}
      >
        <TextField
          label="Folder name"
          value={name}
          onChange={setName}
          error={isTouched || name !== '' ? problem : undefined}
          autoComplete="off"
          spellCheck={false}
        />
        {error && <ErrorNote>{error}</ErrorNote>}
      </form>
    </Dialog>
  );
}
