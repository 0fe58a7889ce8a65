import { useState } from 'react';
import { useDeleteSecret } from '../../aws/secretsmanager/mutations';
import { formatDate } from '../../components/format';
import { useClock } from '../../components/use-clock';
import { ConfirmDialog } from '../../components/ui/confirm-dialog';
import { Checkbox, TextField } from '../../components/ui/field';

export interface DeleteSecretDialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  region: string;
  name: string;
  /** After a forced delete: the secret no longer exists. */
  onDeleted: (isForced: boolean) => void;
}

const DAY = 86_400_000;

/**
 * Schedule deletion after a 7-30 day recovery window, behind the typed name. Deleting at once,
 * without recovery, is a second explicit choice inside the same dialog.
 */
export function DeleteSecretDialog({ open, onOpenChange, region, name, onDeleted }: DeleteSecretDialogProps) {
  const remove = useDeleteSecret();
  const now = useClock(60_000);
  const [days, setDays] = useState('30');
  const [isForce, setForce] = useState(false);
  const n = Number(days);
  const daysProblem = Number.isInteger(n) && n >= 7 && n <= 30 ? undefined : 'A whole number of days from 7 to 30';

  function setOpen(next: boolean) {
    if (!next) {
      setDays('30');
      setForce(false);
      remove.reset();
    }
    onOpenChange(next);
  }

  return (
    <ConfirmDialog
      open={open}
      onOpenChange={setOpen}
      verb={isForce ? 'Delete' : 'Schedule deletion of'}
      noun={{ one: 'secret', other: 'secrets' }}
      names={[name]}
      title={isForce ? `Delete secret ${name} now?` : `Schedule deletion of secret ${name}?`}
      consequence={
        isForce ? (
          <p>
            The secret and every version of it are deleted at once. <b>There is no recovery window and no way back.</b>
          </p>
        ) : (
          <p>
            The secret cannot be read from now on. It can be restored until{' '}
            {daysProblem ? 'the end of the window' : formatDate(now + n * DAY)}, then it is deleted for good.
          </p>
        )
      }
      confirmText={name}
      confirmLabel={isForce ? 'Delete permanently' : 'Schedule deletion'}
      isPending={remove.isPending}
      error={remove.failure}
      onConfirm={async () => {
        if (!isForce && daysProblem) throw new Error(daysProblem);
        await remove.mutateAsync(
          isForce ? { region, secretId: name, force: true } : { region, secretId: name, recoveryDays: n },
        );
        onDeleted(isForce);
      }}
    >
      {!isForce && (
        <TextField
          label="Recovery window (days)"
          type="number"
          min={7}
          max={30}
          inputMode="numeric"
          value={days}
          onChange={setDays}
          error={daysProblem}
          hint="7 to 30 days; restore the secret any time before it ends."
        />
      )}
      <Checkbox
        label="Delete now, without a recovery window"
        description="Cannot be undone: applications still reading this secret fail at once."
        checked={isForce}
        onChange={setForce}
      />
    </ConfirmDialog>
  );
}
