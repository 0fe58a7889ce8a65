import { Link } from 'react-router';
import type { QueueAttributes } from '../../aws/sqs/queue-attributes';
import { queueNameOf } from '../../aws/sqs/queue-attributes';
import { formatBytes, formatDateTime, formatNumber } from '../../components/format';
import { formatDuration } from '../../components/sqs/duration';
import { CopyButton } from '../../components/ui/copy-button';
import { KeyValueList } from '../../components/ui/key-value';
import { useLinkTo } from '../../app/use-region';
import { routes } from '../../app/routes';

export interface DetailsTabProps {
  url: string;
  attributes: QueueAttributes;
}

function QueueLink({ arn }: { arn: string }) {
  const linkTo = useLinkTo();
  const name = queueNameOf(arn);
  return (
    <Link to={linkTo(routes.queue, { queue: name })} className="text-accent hover:underline">
      {name}
    </Link>
  );
}

function WithCopy({ value, label }: { value: string; label: string }) {
  return (
    <span className="inline-flex max-w-full items-start gap-1">
      <span className="min-w-0 break-all">{value}</span>
      <CopyButton value={value} label={label} />
    </span>
  );
}

const PERMISSION_WORDS: Record<string, string> = {
  allowAll: 'Any queue in the account may use this queue as its dead-letter queue',
  denyAll: 'No queue may use this queue as its dead-letter queue',
  byQueue: 'Only the queues listed may use this queue as their dead-letter queue',
};

/** Everything GetQueueAttributes says, the policies spelled out. */
export function DetailsTab({ url, attributes: a }: DetailsTabProps) {
  const seconds = (n: number | undefined) =>
    n === undefined ? undefined : `${formatDuration(n)}${n >= 60 ? ` (${formatNumber(n)} s)` : ''}`;
  const raw = Object.entries(a.raw).sort(([x], [y]) => x.localeCompare(y));
  return (
    <div className="flex flex-col gap-6">
      <section aria-labelledby="queue-details-general" className="flex flex-col gap-3">
        <h2 id="queue-details-general" className="text-base font-semibold">
          Queue
        </h2>
        <KeyValueList
          columns={3}
          items={[
            { label: 'Type', value: a.isFifo ? 'FIFO' : 'Standard' },
            { label: 'ARN', value: a.arn ? <WithCopy value={a.arn} label="ARN" /> : undefined, isMono: true },
            { label: 'URL', value: <WithCopy value={url} label="URL" />, isMono: true },
            { label: 'Messages available', value: formatNumber(a.available) },
            { label: 'Messages in flight', value: formatNumber(a.inFlight) },
            { label: 'Messages delayed', value: formatNumber(a.delayed) },
            { label: 'Visibility timeout', value: seconds(a.visibilityTimeout) },
            { label: 'Message retention', value: seconds(a.retentionSeconds) },
            { label: 'Delivery delay', value: seconds(a.delaySeconds) },
            {
              label: 'Maximum message size',
              value: a.maxMessageSize === undefined ? undefined : formatBytes(a.maxMessageSize),
            },
            { label: 'Receive message wait time', value: seconds(a.receiveWaitSeconds) },
            ...(a.isFifo
              ? [{ label: 'Content-based deduplication', value: a.contentBasedDeduplication ? 'On' : 'Off' }]
              : []),
            { label: 'Created', value: a.createdAt ? formatDateTime(a.createdAt) : undefined },
            { label: 'Last modified', value: a.lastModifiedAt ? formatDateTime(a.lastModifiedAt) : undefined },
          ]}
        />
      </section>
      <section aria-labelledby="queue-details-redrive" className="flex flex-col gap-3">
        <h2 id="queue-details-redrive" className="text-base font-semibold">
          Redrive policy
        </h2>
        {a.redrivePolicy ? (
          <KeyValueList
            columns={3}
            items={[
              { label: 'Dead-letter queue', value: <QueueLink arn={a.redrivePolicy.deadLetterTargetArn} /> },
              { label: 'Dead-letter queue ARN', value: a.redrivePolicy.deadLetterTargetArn, isMono: true },
              {
                label: 'Maximum receives',
                value: `${formatNumber(a.redrivePolicy.maxReceiveCount)} (then the message moves to the dead-letter queue)`,
              },
            ]}
          />
        ) : (
          <p className="text-sm text-muted">None: messages that keep failing come back until their retention ends.</p>
        )}
      </section>
      <section aria-labelledby="queue-details-allow" className="flex flex-col gap-3">
        <h2 id="queue-details-allow" className="text-base font-semibold">
          Redrive allow policy
        </h2>
        {a.redriveAllowPolicy ? (
          <KeyValueList
            columns={1}
            items={[
              {
                label: 'Permission',
                value: `${a.redriveAllowPolicy.redrivePermission}: ${PERMISSION_WORDS[a.redriveAllowPolicy.redrivePermission] ?? ''}`,
              },
              ...(a.redriveAllowPolicy.sourceQueueArns.length > 0
                ? [
                    {
                      label: 'Source queues allowed',
                      value: (
                        <ul className="flex flex-col gap-0.5">
                          {a.redriveAllowPolicy.sourceQueueArns.map((arn) => (
                            <li key={arn}>
                              <QueueLink arn={arn} />
                            </li>
                          ))}
                        </ul>
                      ),
                    },
                  ]
                : []),
            ]}
          />
        ) : (
          <p className="text-sm text-muted">
            None: every queue in the account may use this queue as its dead-letter queue.
          </p>
        )}
      </section>
      <section aria-labelledby="queue-details-all" className="flex flex-col gap-3">
        <h2 id="queue-details-all" className="text-base font-semibold">
          All attributes
        </h2>
        <KeyValueList columns={2} items={raw.map(([key, value]) => ({ label: key, value, isMono: true }))} />
      </section>
    </div>
  );
}
