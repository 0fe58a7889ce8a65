import { useId, useState, type ChangeEvent } from 'react';
import { FileUp } from 'lucide-react';
import { parseMessageFile, type FileMessage } from '../../aws/sqs/batch';
import { fifoIdError } from '../../aws/sqs/message-input';
import { sqsKeys } from '../../aws/sqs/queries';
import type { QueueAttributes } from '../../aws/sqs/queue-attributes';
import { sendMany } from '../../aws/sqs/send-many';
import { formatNumber } from '../../components/format';
import { Button } from '../../components/ui/button';
import { Dialog } from '../../components/ui/dialog';
import { FieldError, TextField } from '../../components/ui/field';
import { useStartAwsTask } from '../../app/aws-task';
import { useRegion } from '../../app/use-region';
import { useResetOnOpen } from '../../components/use-reset-on-open';

export interface SendFileDialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  name: string;
  url: string;
  attributes: QueueAttributes;
}

/** Many messages from a JSON array file, sent 10 per call as a task in the tray, with every failure reported. */
export function SendFileDialog({ open, onOpenChange, name, url, attributes }: SendFileDialogProps) {
  const region = useRegion();
  const startTask = useStartAwsTask();
  const inputId = useId();
  const [file, setFile] = useState<{ name: string; messages: FileMessage[] } | undefined>();
  const [fileError, setFileError] = useState<string | undefined>();
  const [groupId, setGroupId] = useState('');
  useResetOnOpen(open, () => {
    setFile(undefined);
    setFileError(undefined);
  });
  const groupError = attributes.isFifo ? fifoIdError('message group ID', groupId) : undefined;

  async function pick(e: ChangeEvent<HTMLInputElement>) {
    const f = e.target.files?.[0];
    setFile(undefined);
    setFileError(undefined);
    if (!f) return;
    const parsed = parseMessageFile(await f.text());
    if ('error' in parsed) setFileError(`${f.name}: ${parsed.error}`);
    else setFile({ name: f.name, messages: parsed.messages });
  }

  function start() {
    if (!file || groupError) return;
    const { messages } = file;
    const isFifo = attributes.isFifo;
    startTask({
      title: (ms) => `Send ${formatNumber(ms.length)} ${ms.length === 1 ? 'message' : 'messages'} to ${name}`,
      detail: file.name,
      items: messages,
      label: (m) => `Message ${m.position}`,
      action: 'sqs:SendMessage',
      queue: 'sqs-send',
      invalidates: [sqsKeys.attributes(region, url)],
      run: async (batch, ctx) => {
        const result = await sendMany({
          region,
          url,
          messages: [...batch],
          ...(isFifo ? { groupId } : {}),
          makeDeduplicationIds: isFifo && !attributes.contentBasedDeduplication,
          signal: ctx.signal,
          onProgress: (done, total) => ctx.progress(done, total),
          onFailure: (m, code, text) => ctx.failed(m, `${code}: ${text}`),
        });
        ctx.setDetail(
          result.failed === 0
            ? `${formatNumber(result.sent)} sent`
            : `${formatNumber(result.sent)} sent, ${formatNumber(result.failed)} not sent`,
        );
      },
    });
    onOpenChange(false);
  }

  return (
    <Dialog
      open={open}
      onOpenChange={onOpenChange}
      title="Send messages from a file"
      description="A JSON array, one message per element: strings are sent as they are, anything else as its JSON."
      size="md"
      footer={
        <>
          <Button variant="secondary" onClick={() => onOpenChange(false)}>
            Cancel
          </Button>
          <Button
            variant="primary"
            icon={<FileUp aria-hidden />}
            disabledReason={!file ? 'Choose a file first' : groupError ? 'Enter a message group ID' : undefined}
            onClick={start}
          >
            {file ? `Send ${formatNumber(file.messages.length)} messages` : 'Send'}
          </Button>
        </>
      }
    >
      <div className="flex flex-col gap-4">
        <div className="flex flex-col gap-1">
          <label htmlFor={inputId} className="text-sm font-medium">
            JSON file
          </label>
          <input
            id={inputId}
            type="file"
            accept=".json,application/json"
            onChange={(e) => void pick(e)}
            className="text-sm file:mr-3 file:rounded-md file:border file:border-border-strong file:bg-surface file:px-3 file:py-1.5 file:text-sm file:text-fg"
          />
          {file && (
            <p className="text-sm text-muted" role="status">
              {formatNumber(file.messages.length)} messages in {file.name}, sent 10 per call. Progress and any message
              SQS refuses appear in the task tray.
            </p>
          )}
          {fileError && <FieldError>{fileError}</FieldError>}
        </div>
        {attributes.isFifo && (
          <TextField
            label="Message group ID"
            value={groupId}
            onChange={setGroupId}
            error={groupId ? groupError : undefined}
            hint={
              attributes.contentBasedDeduplication
                ? 'Every message goes to this group, in file order.'
                : 'Every message goes to this group, in file order; deduplication IDs are made for this send.'
            }
            autoComplete="off"
          />
        )}
      </div>
    </Dialog>
  );
}
