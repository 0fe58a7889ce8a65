import { useId, useState, type FormEvent } from 'react';
import { useChangeSecretTags } from '../../aws/secretsmanager/mutations';
import type { SecretTag } from '../../aws/secretsmanager/api';
import { TagRows, tagChanges, tagsProblem } from '../../components/secrets/tag-rows';
import { Dialog, FormDialogFooter } from '../../components/ui/dialog';
import { ErrorNote } from '../../components/ui/error-note';
import { useDeniedReason } from '../../app/use-permission';

export interface TagsDialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  region: string;
  secretId: string;
  tags: SecretTag[];
}

/** Edit the tags: removed keys go through UntagResource, new or changed ones through TagResource. */
export function TagsDialog({ open, onOpenChange, region, secretId, tags }: TagsDialogProps) {
  const formId = useId();
  const change = useChangeSecretTags();
  const denied = useDeniedReason('secretsmanager:TagResource');
  const [rows, setRows] = useState(tags);

  function setOpen(next: boolean) {
    if (!next) change.reset();
    onOpenChange(next);
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (tagsProblem(rows)) return;
    const { add, remove } = tagChanges(tags, rows);
    if (add.length === 0 && remove.length === 0) return setOpen(false);
    await change.mutateAsync({ region, secretId, add, remove }).then(
      () => setOpen(false),
      () => undefined,
    );
  }

  return (
    <Dialog
      open={open}
      onOpenChange={setOpen}
      title={`Tags of ${secretId}`}
      footer={
        <FormDialogFooter
          formId={formId}
          submitLabel="Save tags"
          onCancel={() => setOpen(false)}
          isPending={change.isPending}
          disabledReason={denied}
        />
      }
    >
      <form id={formId} onSubmit={(e) => void submit(e)} className="flex flex-col gap-4">
        <TagRows tags={rows} onChange={setRows} />
        {change.failure && <ErrorNote>{change.failure}</ErrorNote>}
      </form>
    </Dialog>
  );
}
