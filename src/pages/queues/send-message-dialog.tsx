import { useEffect, useId, useState, type FormEvent } from 'react';
import { Plus, Send, X } from 'lucide-react';
import { failureMessage } from '../../aws/mutation';
import {
  attributeErrors,
  bodyError,
  fifoIdError,
  MAX_ATTRIBUTES,
  messageSize,
  toOutgoingAttributes,
  type AttributeDraft,
  type AttributeType,
} from '../../aws/sqs/message-input';
import { useSendMessage } from '../../aws/sqs/mutations';
import type { QueueAttributes } from '../../aws/sqs/queue-attributes';
import { limitError } from '../../aws/sqs/queue-rules';
import { formatBytes } from '../../components/format';
import { JsonEditor, type JsonError } from '../../components/json-editor/json-editor';
import { describeJsonError } from '../../components/json-editor/json-validate';
import { Button, IconButton } from '../../components/ui/button';
import { Dialog } from '../../components/ui/dialog';
import { SelectField, TextField } from '../../components/ui/field';
import { useRegion } from '../../app/use-region';
import { useToast } from '../../app/toasts';
import { ErrorNote } from '../../components/ui/error-note';
import { useResetOnOpen } from '../../components/use-reset-on-open';

export interface SendMessageDialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  url: string;
  attributes: QueueAttributes;
}

const TYPES: Array<{ value: AttributeType; label: string }> = [
  { value: 'String', label: 'String' },
  { value: 'Number', label: 'Number' },
  { value: 'Binary', label: 'Binary (base64)' },
];

const INITIAL_BODY = '{\n  \n}';

/** One message: a JSON or text body, typed attributes, a delay, and the FIFO ids. */
export function SendMessageDialog({ open, onOpenChange, url, attributes }: SendMessageDialogProps) {
  const region = useRegion();
  const toast = useToast();
  const sendMessage = useSendMessage();
  const formId = useId();
  const [bodyMode, setBodyMode] = useState<'json' | 'text'>('json');
  const [body, setBody] = useState(INITIAL_BODY);
  const [jsonError, setJsonError] = useState<JsonError | null>(null);
  const [drafts, setDrafts] = useState<AttributeDraft[]>([]);
  const [delay, setDelay] = useState('0');
  const [groupId, setGroupId] = useState('');
  const [dedupId, setDedupId] = useState('');
  const [isSubmitted, setSubmitted] = useState(false);
  useResetOnOpen(open, () => setSubmitted(false));
  // The last attempt's failure goes too (after render: the mutation's observer is another component's state).
  const resetSend = sendMessage.reset;
  useEffect(() => {
    if (open) resetSend();
  }, [open, resetSend]);

  const isFifo = attributes.isFifo;
  const needsDedupId = isFifo && !attributes.contentBasedDeduplication;
  const rowErrors = attributeErrors(drafts);
  const hasRowErrors = rowErrors.some((e) => e.name || e.value);
  const delayError = isFifo ? undefined : limitError(delay, { min: 0, max: 900, unit: 'seconds' });
  const groupError = isFifo ? fifoIdError('message group ID', groupId) : undefined;
  const dedupError = needsDedupId
    ? fifoIdError('deduplication ID', dedupId)
    : dedupId
      ? fifoIdError('deduplication ID', dedupId)
      : undefined;
  const bodyProblem =
    bodyError(body) ?? (bodyMode === 'json' && jsonError ? `Invalid JSON: ${describeJsonError(jsonError)}` : undefined);
  const size = hasRowErrors ? messageSize(body) : messageSize(body, toOutgoingAttributes(drafts));
  const limit = attributes.maxMessageSize ?? 262_144;
  const sizeError =
    size > limit ? `The message is ${formatBytes(size)}; this queue takes at most ${formatBytes(limit)}` : undefined;
  const blocking =
    bodyProblem ??
    sizeError ??
    (hasRowErrors || delayError || groupError || dedupError ? 'Fix the fields marked above' : undefined);

  const setDraft = (i: number, patch: Partial<AttributeDraft>) =>
    setDrafts((ds) => ds.map((d, k) => (k === i ? { ...d, ...patch } : d)));

  async function submit(e: FormEvent) {
    e.preventDefault();
    setSubmitted(true);
    if (blocking) return;
    try {
      const out = await sendMessage.mutateAsync({
        region,
        url,
        body,
        attributes: toOutgoingAttributes(drafts),
        ...(!isFifo && Number(delay) > 0 ? { delaySeconds: Number(delay) } : {}),
        ...(isFifo ? { groupId } : {}),
        ...(isFifo && dedupId ? { deduplicationId: dedupId } : {}),
      });
      toast(`Message sent (${out.messageId})`, 'success');
      onOpenChange(false);
      setBody(INITIAL_BODY);
      setDrafts([]);
      setDedupId('');
    } catch {
      // sendMessage.failure is shown in the dialog.
    }
  }

  const show = (error: string | undefined) => (isSubmitted ? error : undefined);

  return (
    <Dialog
      open={open}
      onOpenChange={onOpenChange}
      title="Send message"
      size="xl"
      footer={
        <>
          <span className="mr-auto text-xs text-muted tabular-nums">
            {formatBytes(size)} of {formatBytes(limit)}
          </span>
          <Button variant="secondary" onClick={() => onOpenChange(false)}>
            Cancel
          </Button>
          <Button
            type="submit"
            form={formId}
            variant="primary"
            icon={<Send aria-hidden />}
            isLoading={sendMessage.isPending}
            disabledReason={isSubmitted ? blocking : undefined}
          >
            Send
          </Button>
        </>
      }
    >
      <form id={formId} noValidate onSubmit={(e) => void submit(e)} className="flex flex-col gap-4">
        <div className="flex flex-col gap-2">
          <div
            role="radiogroup"
            aria-label="Body format"
            className="inline-flex w-fit rounded-md border border-border p-0.5"
          >
            {(['json', 'text'] as const).map((m) => (
              <button
                key={m}
                type="button"
                role="radio"
                aria-checked={bodyMode === m}
                onClick={() => setBodyMode(m)}
                className={`rounded px-3 py-1 text-sm ${bodyMode === m ? 'bg-accent text-accent-fg' : 'text-muted hover:text-fg'}`}
              >
                {m === 'json' ? 'JSON' : 'Text'}
              </button>
            ))}
          </div>
          <JsonEditor
            label="Body"
            value={body}
            onChange={setBody}
            mode={bodyMode}
            onValidationChange={setJsonError}
            height="14rem"
          />
          {isSubmitted && bodyProblem && bodyMode === 'text' && <p className="text-xs text-danger">{bodyProblem}</p>}
        </div>

        <fieldset className="flex flex-col gap-2">
          <legend className="mb-1 text-sm font-medium">Message attributes</legend>
          {drafts.length === 0 && (
            <p className="text-xs text-muted">None. Attributes travel beside the body (up to 10).</p>
          )}
          {drafts.map((d, i) => (
            <div key={i} className="grid grid-cols-[1fr_auto] items-start gap-2 sm:grid-cols-[1fr_10rem_1.5fr_auto]">
              <TextField
                label={`Attribute ${i + 1} name`}
                value={d.name}
                onChange={(v) => setDraft(i, { name: v })}
                error={show(rowErrors[i]?.name) ?? (d.name ? rowErrors[i]?.name : undefined)}
                autoComplete="off"
                spellCheck={false}
              />
              <SelectField
                className="order-3 sm:order-none"
                label={`Attribute ${i + 1} type`}
                value={d.type}
                onChange={(v) => setDraft(i, { type: v as AttributeType })}
                options={TYPES}
              />
              <TextField
                className="order-4 col-span-2 sm:order-none sm:col-span-1"
                label={`Attribute ${i + 1} value`}
                value={d.value}
                onChange={(v) => setDraft(i, { value: v })}
                error={show(rowErrors[i]?.value) ?? (d.value ? rowErrors[i]?.value : undefined)}
                hint={d.type === 'Binary' ? 'Base64, e.g. aGVsbG8=' : undefined}
                autoComplete="off"
                spellCheck={false}
              />
              <div className="order-2 pt-6 sm:order-none">
                <IconButton
                  label={`Remove attribute ${i + 1}`}
                  icon={<X aria-hidden />}
                  onClick={() => setDrafts((ds) => ds.filter((_, k) => k !== i))}
                />
              </div>
            </div>
          ))}
          <div>
            <Button
              size="sm"
              icon={<Plus aria-hidden />}
              disabledReason={drafts.length >= MAX_ATTRIBUTES ? 'SQS allows 10 attributes per message' : undefined}
              onClick={() => setDrafts((ds) => [...ds, { name: '', type: 'String', value: '' }])}
            >
              Add attribute
            </Button>
          </div>
        </fieldset>

        {isFifo ? (
          <div className="grid gap-3 sm:grid-cols-2">
            <TextField
              label="Message group ID"
              value={groupId}
              onChange={setGroupId}
              error={show(groupError) ?? (groupId ? groupError : undefined)}
              hint="Messages of one group are delivered in order, one batch at a time."
              required
              autoComplete="off"
              spellCheck={false}
            />
            <TextField
              label={needsDedupId ? 'Deduplication ID' : 'Deduplication ID (optional)'}
              value={dedupId}
              onChange={setDedupId}
              error={show(dedupError) ?? (dedupId ? dedupError : undefined)}
              hint={
                needsDedupId
                  ? 'Required: this queue has no content-based deduplication. A repeat within 5 minutes is accepted but not delivered.'
                  : 'Content-based deduplication is on: SQS uses a hash of the body when this is empty.'
              }
              required={needsDedupId}
              autoComplete="off"
              spellCheck={false}
            />
          </div>
        ) : (
          <TextField
            className="w-56"
            label="Delivery delay (seconds)"
            inputMode="numeric"
            value={delay}
            onChange={setDelay}
            error={delayError}
            hint="0–900; the message is invisible until then."
          />
        )}
        {isSubmitted && blocking && !sendMessage.failure && (
          <p className="text-sm text-danger" role="alert">
            {blocking}
          </p>
        )}
        {sendMessage.failure && <ErrorNote>{failureMessage('send the message', sendMessage.error)}</ErrorNote>}
      </form>
    </Dialog>
  );
}
