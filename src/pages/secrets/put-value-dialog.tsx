import { useId, useState, type FormEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { usePutSecretValue } from '../../aws/secretsmanager/mutations';
import { secretsQueries } from '../../aws/secretsmanager/queries';
import { sealValue } from '../../aws/secretsmanager/sealed-value';
import { SecretValueEditor } from '../../components/secrets/secret-value-editor';
import { draftProblem, draftText, emptyDraft } from '../../components/secrets/secret-draft';
import { stageMoves, type StageMove } from '../../components/secrets/stage-moves';
import { Dialog, FormDialogFooter } from '../../components/ui/dialog';
import { ErrorNote } from '../../components/ui/error-note';
import { Checkbox, TextField } from '../../components/ui/field';
import { useDeniedReason } from '../../app/use-permission';

export interface PutValueDialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  region: string;
  secretId: string;
  /** How the labels moved, once the new version is stored and the details refetched. */
  onStored: (moves: StageMove[]) => void;
}

const LABEL = /^[A-Za-z0-9_.@/+=-]{1,256}$/;

/** PutSecretValue: a new version from rows or text; AWSCURRENT moves to it unless unticked; an optional custom label. */
export function PutValueDialog({ open, onOpenChange, region, secretId, onStored }: PutValueDialogProps) {
  const formId = useId();
  const queryClient = useQueryClient();
  const put = usePutSecretValue();
  const denied = useDeniedReason('secretsmanager:PutSecretValue');
  const [draft, setDraft] = useState(emptyDraft);
  const [isCurrent, setCurrent] = useState(true);
  const [label, setLabel] = useState('');
  const [isChecked, setChecked] = useState(false);

  // Closing drops what was typed: a value never outlives its dialog.
  function setOpen(next: boolean) {
    if (!next) {
      setDraft(emptyDraft());
      setLabel('');
      setCurrent(true);
      setChecked(false);
      put.reset();
    }
    onOpenChange(next);
  }

  const labelProblem =
    label === ''
      ? isCurrent
        ? undefined
        : 'Give a label, or keep AWSCURRENT: a version without a label cannot be read'
      : LABEL.test(label)
        ? label.startsWith('AWS') && label !== 'AWSCURRENT' && label !== 'AWSPREVIOUS' && label !== 'AWSPENDING'
          ? 'Labels starting with AWS are reserved'
          : undefined
        : 'Letters, digits and _ . @ / + = - only, at most 256';

  async function submit(e: FormEvent) {
    e.preventDefault();
    setChecked(true);
    if (draftProblem(draft) || labelProblem) return;
    const before = queryClient.getQueryData(secretsQueries.describe(region, secretId).queryKey)?.versionStages ?? {};
    const stages = [...(isCurrent ? ['AWSCURRENT'] : []), ...(label ? [label] : [])];
    await put.mutateAsync({ region, secretId, value: sealValue(draftText(draft)), stages }).then(
      async () => {
        // The mutation waited for the refetch, so this is the stored state.
        const after = await queryClient.fetchQuery({ ...secretsQueries.describe(region, secretId), staleTime: 5000 });
        onStored(stageMoves(before, after.versionStages));
        setOpen(false);
      },
      () => undefined,
    );
  }

  return (
    <Dialog
      open={open}
      onOpenChange={setOpen}
      title={`New value for ${secretId}`}
      description="Stores a new version. The old value stays as AWSPREVIOUS when AWSCURRENT moves."
      size="lg"
      footer={
        <FormDialogFooter
          formId={formId}
          submitLabel="Store new value"
          onCancel={() => setOpen(false)}
          isPending={put.isPending}
          disabledReason={denied}
        />
      }
    >
      <form id={formId} onSubmit={(e) => void submit(e)} className="flex flex-col gap-4">
        <SecretValueEditor draft={draft} onChange={setDraft} isCheckShown={isChecked} />
        <Checkbox
          label="Make it the current value (AWSCURRENT)"
          description="Unticked, the new version only gets the custom label below."
          checked={isCurrent}
          onChange={setCurrent}
        />
        <TextField
          label="Custom stage label (optional)"
          value={label}
          onChange={setLabel}
          placeholder="e.g. CANARY"
          autoComplete="off"
          error={isChecked || label !== '' ? labelProblem : undefined}
        />
        {put.failure && <ErrorNote>{put.failure}</ErrorNote>}
      </form>
    </Dialog>
  );
}
