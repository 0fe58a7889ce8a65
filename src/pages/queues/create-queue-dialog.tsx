import { useId, useState, type FormEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { failureMessage } from '../../aws/mutation';
import { useCreateQueue } from '../../aws/sqs/mutations';
import { sqsQueries } from '../../aws/sqs/queries';
import {
  createQueueAttributes,
  createQueueErrors,
  defaultCreateQueueForm,
  MAX_RECEIVE_COUNT,
  QUEUE_LIMITS,
  queueNameError,
  type CreateQueueForm,
} from '../../aws/sqs/queue-rules';
import { toAppError } from '../../aws/errors';
import { formatDuration } from '../../components/sqs/duration';
import { Dialog, FormDialogFooter } from '../../components/ui/dialog';
import { Checkbox, TextField } from '../../components/ui/field';
import { useDeniedReason } from '../../app/use-permission';
import { useRegion } from '../../app/use-region';
import { ErrorNote } from '../../components/ui/error-note';
import { useResetOnOpen } from '../../components/use-reset-on-open';

export interface CreateQueueDialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** Loaded queue names, offered as dead-letter queues. */
  knownQueues: string[];
  onCreated: (name: string) => void;
}

type NumberKey = 'visibilityTimeout' | 'retention' | 'delay' | 'maxMessageSize' | 'receiveWait';
const NUMBER_FIELDS: NumberKey[] = ['visibilityTimeout', 'retention', 'delay', 'maxMessageSize', 'receiveWait'];

function hintFor(key: NumberKey, value: string): string {
  const l = QUEUE_LIMITS[key];
  const range = `${l.min.toLocaleString('en-US')}–${l.max.toLocaleString('en-US')} ${l.unit}`;
  const n = Number(value);
  if (l.unit === 'seconds' && /^\d+$/.test(value) && n >= 60) return `${range} (${formatDuration(n)})`;
  return range;
}

/** Create a standard or FIFO queue; names and numbers are checked as the user types. */
export function CreateQueueDialog({ open, onOpenChange, knownQueues, onCreated }: CreateQueueDialogProps) {
  const region = useRegion();
  const queryClient = useQueryClient();
  const create = useCreateQueue();
  const denied = useDeniedReason('sqs:CreateQueue');
  const formId = useId();
  const listId = useId();
  const [form, setForm] = useState<CreateQueueForm>(defaultCreateQueueForm);
  const [dlqName, setDlqName] = useState('');
  const [touched, setTouched] = useState(false);
  const [dlqError, setDlqError] = useState<string | undefined>();
  const [failure, setFailure] = useState<string | undefined>();
  const [isBusy, setBusy] = useState(false);
  useResetOnOpen(open, () => {
    setForm(defaultCreateQueueForm());
    setDlqName('');
    setTouched(false);
    setDlqError(undefined);
    setFailure(undefined);
  });

  const set = <K extends keyof CreateQueueForm>(key: K, value: CreateQueueForm[K]) =>
    setForm((f) => ({ ...f, [key]: value }));
  // The DLQ's ARN is resolved on submit; a placeholder lets the rules check maxReceiveCount now.
  const errors = createQueueErrors({ ...form, deadLetterTargetArn: dlqName ? 'pending' : '' });
  // The name is checked as soon as something is typed (.fifo above all); the rest on submit too.
  const nameError = form.name !== '' || touched ? queueNameError(form.name, form.isFifo) : undefined;
  const dlqCandidates = knownQueues.filter((n) => n.endsWith('.fifo') === form.isFifo && n !== form.name);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setTouched(true);
    setFailure(undefined);
    if (Object.keys(errors).length > 0) return;
    setBusy(true);
    try {
      let deadLetterTargetArn = '';
      if (dlqName) {
        if (dlqName.endsWith('.fifo') !== form.isFifo) {
          setDlqError(
            form.isFifo
              ? 'A FIFO queue needs a FIFO dead-letter queue'
              : 'A standard queue needs a standard dead-letter queue',
          );
          return;
        }
        try {
          const url = await queryClient.fetchQuery(sqsQueries.urlByName(region, dlqName));
          const attributes = await queryClient.fetchQuery(sqsQueries.attributes(region, url));
          deadLetterTargetArn = attributes.arn ?? '';
        } catch (err) {
          setDlqError(
            toAppError(err).kind === 'not-found'
              ? `No queue named ${dlqName} in ${region}`
              : failureMessage(`look up ${dlqName}`, err),
          );
          return;
        }
      }
      setDlqError(undefined);
      await create.mutateAsync({
        region,
        name: form.name,
        attributes: createQueueAttributes({ ...form, deadLetterTargetArn }),
      });
      onOpenChange(false);
      onCreated(form.name);
    } catch (err) {
      setFailure(failureMessage(`create queue ${form.name}`, err));
    } finally {
      setBusy(false);
    }
  }

  const shown = (key: keyof CreateQueueForm) =>
    touched || form[key] !== defaultCreateQueueForm()[key] ? errors[key] : undefined;

  return (
    <Dialog
      open={open}
      onOpenChange={onOpenChange}
      title="Create queue"
      size="lg"
      footer={
        <FormDialogFooter
          formId={formId}
          submitLabel="Create queue"
          onCancel={() => onOpenChange(false)}
          isPending={isBusy}
          disabledReason={denied}
        />
      }
    >
      <form id={formId} noValidate onSubmit={(e) => void submit(e)} className="flex flex-col gap-4">
        <fieldset className="flex flex-col gap-2">
          <legend className="mb-1 text-sm font-medium">Type</legend>
          <div className="grid gap-2 sm:grid-cols-2">
            {(
              [
                [false, 'Standard', 'Nearly unlimited throughput; at-least-once delivery, best-effort order.'],
                [
                  true,
                  'FIFO',
                  'Exactly-once processing and first-in-first-out order within a message group. The name ends in .fifo.',
                ],
              ] as const
            ).map(([isFifo, label, text]) => (
              // The label's text is in its nested spans (from a list), which the rule cannot see.
              // eslint-disable-next-line jsx-a11y/label-has-associated-control
              <label
                key={label}
                className={`flex cursor-pointer gap-2 rounded-md border p-3 text-sm ${form.isFifo === isFifo ? 'border-accent bg-accent-soft' : 'border-border'}`}
              >
                <input
                  type="radio"
                  name={`${formId}-type`}
                  className="mt-0.5 accent-accent"
                  checked={form.isFifo === isFifo}
                  onChange={() => set('isFifo', isFifo)}
                />
                <span className="flex flex-col">
                  <span className="font-medium">{label}</span>
                  <span className="text-xs text-muted">{text}</span>
                </span>
              </label>
            ))}
          </div>
        </fieldset>
        <TextField
          label="Name"
          value={form.name}
          onChange={(v) => set('name', v)}
          error={nameError}
          hint={
            form.isFifo
              ? 'Letters, digits, - and _, ending in .fifo; up to 80 characters.'
              : 'Letters, digits, - and _; up to 80 characters.'
          }
          autoComplete="off"
          spellCheck={false}
          required
        />
        {form.isFifo && (
          <Checkbox
            label="Content-based deduplication"
            description="SQS derives the deduplication ID from the body (SHA-256), so senders need not give one."
            checked={form.contentBasedDeduplication}
            onChange={(v) => set('contentBasedDeduplication', v)}
          />
        )}
        <div className="grid gap-3 sm:grid-cols-2">
          {NUMBER_FIELDS.map((key) => (
            <TextField
              key={key}
              label={`${QUEUE_LIMITS[key].label} (${QUEUE_LIMITS[key].unit})`}
              inputMode="numeric"
              value={form[key]}
              onChange={(v) => set(key, v)}
              error={shown(key)}
              hint={hintFor(key, form[key])}
            />
          ))}
        </div>
        <fieldset className="flex flex-col gap-3 rounded-md border border-border p-3">
          <legend className="px-1 text-sm font-medium">Dead-letter queue</legend>
          <p className="text-xs text-muted">
            Messages received more than the maximum number of times move there instead of coming back forever.
          </p>
          <div className="grid gap-3 sm:grid-cols-2">
            <TextField
              label="Dead-letter queue name (optional)"
              value={dlqName}
              onChange={(v) => {
                setDlqName(v);
                setDlqError(undefined);
              }}
              list={listId}
              error={dlqError}
              hint={`An existing ${form.isFifo ? 'FIFO' : 'standard'} queue in ${region}.`}
              autoComplete="off"
              spellCheck={false}
            />
            <TextField
              label="Maximum receives"
              inputMode="numeric"
              value={form.maxReceiveCount}
              onChange={(v) => set('maxReceiveCount', v)}
              disabled={!dlqName}
              error={dlqName ? shown('maxReceiveCount') : undefined}
              hint={`${MAX_RECEIVE_COUNT.min}–${MAX_RECEIVE_COUNT.max} receives before a message moves.`}
            />
          </div>
          <datalist id={listId}>
            {dlqCandidates.map((n) => (
              <option key={n} value={n} />
            ))}
          </datalist>
        </fieldset>
        {failure && <ErrorNote>{failure}</ErrorNote>}
      </form>
    </Dialog>
  );
}
