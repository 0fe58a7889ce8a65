import { formatJson, validateJson } from '../json-editor/json-validate';
import { formatDateTime, formatNumber } from '../format';
import { CopyButton } from '../ui/copy-button';
import { Dialog } from '../ui/dialog';
import { KeyValueList } from '../ui/key-value';

/** What the message views show (the shape of a received SQS message). */
export interface MessageView {
  id: string;
  body: string;
  attributes: Record<string, { type: string; value: string }>;
  receiveCount: number;
  sentAt?: Date;
  firstReceivedAt?: Date;
  groupId?: string;
  deduplicationId?: string;
  sequenceNumber?: string;
  deadLetterSourceArn?: string;
}

/** A JSON body pretty-printed (big numbers kept exact); any other body as it is. */
export function prettyBody(body: string): { text: string; isJson: boolean } {
  const trimmed = body.trim();
  if ((trimmed.startsWith('{') || trimmed.startsWith('[')) && validateJson(body) === null)
    return { text: formatJson(body), isJson: true };
  return { text: body, isJson: false };
}

/** One line of the body for the table: compact JSON or the text's first line. */
export function bodyPreview(body: string): string {
  const line = body.replace(/\s+/g, ' ').trim();
  return line.length > 200 ? `${line.slice(0, 200)}…` : line;
}

export function attributeSummary(attributes: MessageView['attributes']): string {
  const names = Object.keys(attributes);
  if (names.length === 0) return '–';
  return names.map((n) => `${n}=${attributes[n]?.value ?? ''}`).join(', ');
}

export interface MessageDetailsDialogProps {
  message: MessageView | undefined;
  onOpenChange: (open: boolean) => void;
}

/** A message in full: the pretty body, every message attribute with its type, and SQS's system attributes. */
export function MessageDetailsDialog({ message, onOpenChange }: MessageDetailsDialogProps) {
  const body = message ? prettyBody(message.body) : undefined;
  const attributes = message ? Object.entries(message.attributes) : [];
  return (
    <Dialog open={message !== undefined} onOpenChange={onOpenChange} title="Message" size="xl">
      {message && body && (
        <div className="flex flex-col gap-5">
          <KeyValueList
            columns={3}
            items={[
              { label: 'Message ID', value: message.id, isMono: true },
              { label: 'Receive count', value: formatNumber(message.receiveCount) },
              { label: 'Sent', value: message.sentAt ? formatDateTime(message.sentAt) : undefined },
              {
                label: 'First received',
                value: message.firstReceivedAt ? formatDateTime(message.firstReceivedAt) : undefined,
              },
              ...(message.groupId ? [{ label: 'Message group ID', value: message.groupId, isMono: true }] : []),
              ...(message.deduplicationId
                ? [{ label: 'Deduplication ID', value: message.deduplicationId, isMono: true }]
                : []),
              ...(message.sequenceNumber
                ? [{ label: 'Sequence number', value: message.sequenceNumber, isMono: true }]
                : []),
              ...(message.deadLetterSourceArn
                ? [{ label: 'Dead-lettered from', value: message.deadLetterSourceArn, isMono: true }]
                : []),
            ]}
          />
          <section className="flex flex-col gap-1.5" aria-label="Body">
            <div className="flex items-center justify-between gap-2">
              <h3 className="text-sm font-medium">Body {body.isJson ? '(JSON)' : '(text)'}</h3>
              <CopyButton value={message.body} label="body" />
            </div>
            <pre className="max-h-96 overflow-auto rounded-md border border-border bg-surface-2 p-3 font-mono text-[13px] break-words whitespace-pre-wrap">
              {body.text}
            </pre>
          </section>
          <section className="flex flex-col gap-1.5" aria-label="Message attributes">
            <h3 className="text-sm font-medium">Message attributes</h3>
            {attributes.length === 0 ? (
              <p className="text-sm text-muted">None</p>
            ) : (
              <table className="w-full text-sm">
                <thead>
                  <tr className="text-left text-xs text-muted">
                    <th scope="col" className="py-1 pr-3 font-medium">
                      Name
                    </th>
                    <th scope="col" className="py-1 pr-3 font-medium">
                      Type
                    </th>
                    <th scope="col" className="py-1 font-medium">
                      Value
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {attributes.map(([name, a]) => (
                    <tr key={name} className="border-t border-border">
                      <td className="py-1.5 pr-3 font-mono text-[13px]">{name}</td>
                      <td className="py-1.5 pr-3">{a.type}</td>
                      <td className="py-1.5 font-mono text-[13px] break-all">{a.value}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
        </div>
      )}
    </Dialog>
  );
}
