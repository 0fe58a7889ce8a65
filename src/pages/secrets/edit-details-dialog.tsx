import { useId, useState, type FormEvent } from 'react';
import { useUpdateSecretMetadata } from '../../aws/secretsmanager/mutations';
import { Dialog, FormDialogFooter } from '../../components/ui/dialog';
import { ErrorNote } from '../../components/ui/error-note';
import { TextField } from '../../components/ui/field';
import { useDeniedReason } from '../../app/use-permission';

export interface EditDetailsDialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  region: string;
  secretId: string;
  description: string;
  kmsKeyId: string;
}

/** UpdateSecret for the description and the KMS key only: no value, so no new version. */
export function EditDetailsDialog(props: EditDetailsDialogProps) {
  const { open, onOpenChange, region, secretId } = props;
  const formId = useId();
  const update = useUpdateSecretMetadata();
  const denied = useDeniedReason('secretsmanager:UpdateSecret');
  const [description, setDescription] = useState(props.description);
  const [kmsKeyId, setKmsKeyId] = useState(props.kmsKeyId);
  const descriptionProblem = description.length > 2048 ? 'At most 2,048 characters' : undefined;

  function setOpen(next: boolean) {
    if (!next) update.reset();
    onOpenChange(next);
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (descriptionProblem) return;
    await update
      .mutateAsync({
        region,
        secretId,
        description,
        ...(kmsKeyId !== props.kmsKeyId && kmsKeyId ? { kmsKeyId } : {}),
      })
      .then(
        () => setOpen(false),
        () => undefined,
      );
  }

  return (
    <Dialog
      open={open}
      onOpenChange={setOpen}
      title={`Edit ${secretId}`}
      footer={
        <FormDialogFooter
          formId={formId}
          submitLabel="Save"
          onCancel={() => setOpen(false)}
          isPending={update.isPending}
          disabledReason={denied}
        />
      }
    >
      <form id={formId} onSubmit={(e) => void submit(e)} className="flex flex-col gap-4">
        <TextField label="Description" value={description} onChange={setDescription} error={descriptionProblem} />
        <TextField
          label="KMS key"
          value={kmsKeyId}
          onChange={setKmsKeyId}
          placeholder="aws/secretsmanager (the default)"
          hint="A key ID, ARN or alias. New versions are encrypted with it."
          autoComplete="off"
          spellCheck={false}
        />
        {update.failure && <ErrorNote>{update.failure}</ErrorNote>}
      </form>
    </Dialog>
  );
}
