import { useId, useState, type FormEvent } from 'react';
import { useRotateSecret } from '../../aws/secretsmanager/mutations';
import { Dialog, FormDialogFooter } from '../../components/ui/dialog';
import { ErrorNote } from '../../components/ui/error-note';
import { Checkbox, TextField } from '../../components/ui/field';
import { useDeniedReason } from '../../app/use-permission';

export interface RotationDialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  region: string;
  secretId: string;
  /** The secret's ARN: the function's ARN is built in the same account and region. */
  secretArn: string;
  currentFunctionArn?: string;
  currentDays?: number;
  /** With the version id the rotation is making, when it rotates now. */
  onStarted: (versionId: string | undefined) => void;
}

const FUNCTION = /^[a-zA-Z0-9-_]{1,64}$/;

export function functionArnOf(nameOrArn: string, secretArn: string): string {
  if (nameOrArn.startsWith('arn:')) return nameOrArn;
  const [, partition = 'aws', , region = '', account = ''] = secretArn.split(':');
  return `arn:${partition}:lambda:${region}:${account}:function:${nameOrArn}`;
}

/** RotateSecret with a function and a schedule: turns rotation on (and, if asked, rotates at once). */
export function RotationDialog({
  open,
  onOpenChange,
  region,
  secretId,
  secretArn,
  currentFunctionArn,
  currentDays,
  onStarted,
}: RotationDialogProps) {
  const formId = useId();
  const rotate = useRotateSecret();
  const denied = useDeniedReason('secretsmanager:RotateSecret');
  const [fn, setFn] = useState(currentFunctionArn ?? 'rotate-secret');
  const [days, setDays] = useState(String(currentDays ?? 30));
  const [isNow, setNow] = useState(true);
  const n = Number(days);
  const fnProblem =
    fn.startsWith('arn:') || FUNCTION.test(fn) ? undefined : 'A function name (letters, digits, - and _) or its ARN';
  const daysProblem = Number.isInteger(n) && n >= 1 && n <= 1000 ? undefined : 'A whole number of days from 1 to 1000';

  function setOpen(next: boolean) {
    if (!next) rotate.reset();
    onOpenChange(next);
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (fnProblem || daysProblem) return;
    await rotate
      .mutateAsync({ region, secretId, lambdaArn: functionArnOf(fn, secretArn), days: n, rotateImmediately: isNow })
      .then(
        (out) => {
          onStarted(isNow ? out.versionId : undefined);
          setOpen(false);
        },
        () => undefined,
      );
  }

  return (
    <Dialog
      open={open}
      onOpenChange={setOpen}
      title={`Rotation of ${secretId}`}
      description="Secrets Manager runs the function's four steps: createSecret, setSecret, testSecret, finishSecret."
      footer={
        <FormDialogFooter
          formId={formId}
          submitLabel={isNow ? 'Save and rotate now' : 'Save'}
          onCancel={() => setOpen(false)}
          isPending={rotate.isPending}
          disabledReason={denied}
        />
      }
    >
      <form id={formId} onSubmit={(e) => void submit(e)} className="flex flex-col gap-4">
        <TextField
          label="Rotation function"
          value={fn}
          onChange={setFn}
          error={fnProblem}
          hint="A Lambda function name in this region, or its ARN."
          autoComplete="off"
          spellCheck={false}
        />
        <TextField
          label="Rotate every (days)"
          type="number"
          min={1}
          max={1000}
          value={days}
          onChange={setDays}
          error={daysProblem}
        />
        <Checkbox label="Rotate now" checked={isNow} onChange={setNow} />
        {rotate.failure && <ErrorNote>{rotate.failure}</ErrorNote>}
      </form>
    </Dialog>
  );
}
