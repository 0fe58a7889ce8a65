import { useId, useState } from 'react';
import { Dialog, FormDialogFooter } from '../ui/dialog';
import { SelectField, TextField } from '../ui/field';
import { ErrorNote } from '../ui/error-note';

export interface CreateBucketDialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  regions: string[];
  defaultRegion: string;
  /** The naming rule a name breaks, checked as the user types. */
  validate: (name: string) => string | undefined;
  onCreate: (input: { name: string; region: string }) => Promise<unknown>;
  /** Why the last attempt failed (shown in the dialog, which stays open). */
  error?: string;
  isPending?: boolean;
}

export function CreateBucketDialog({
  open,
  onOpenChange,
  regions,
  defaultRegion,
  validate,
  onCreate,
  error,
  isPending = false,
}: CreateBucketDialogProps) {
  const formId = useId();
  const [name, setName] = useState('');
  const [region, setRegion] = useState(defaultRegion);
  const [isTouched, setTouched] = useState(false);
  const problem = validate(name);
  // Say nothing while the field is still empty and untouched; after that, name the broken rule at once.
  const shownProblem = name === '' && !isTouched ? undefined : problem;

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
      title="Create bucket"
      description="Bucket names are global across all AWS accounts and cannot be changed later."
      footer={
        <FormDialogFooter
          formId={formId}
          submitLabel="Create bucket"
          onCancel={() => onOpenChange(false)}
          isPending={isPending}
        />
      }
    >
      <form
        id={formId}
        className="flex flex-col gap-4"
        onSubmit={(e) => {
          e.preventDefault();
          setTouched(true);
          if (problem || isPending) return;
          void onCreate({ name, region }).then(
            () => {
              setName('');
              setTouched(false);
            },
            () => undefined,
          );
        }}
      >
        <TextField
          label="Bucket name"
          value={name}
          onChange={setName}
          onBlur={() => setTouched(true)}
          error={shownProblem}
          hint="3–63 lower-case letters, digits, dots and hyphens."
          autoComplete="off"
          spellCheck={false}
          autoCapitalize="off"
        />
        <SelectField
          label="Region"
          value={region}
          onChange={setRegion}
          options={regions.map((r) => ({ value: r, label: r }))}
        />
        {error && <ErrorNote>{error}</ErrorNote>}
      </form>
    </Dialog>
  );
}
