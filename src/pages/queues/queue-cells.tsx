import { createContext, useContext, type ReactNode } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { sqsQueries } from '../../aws/sqs/queries';
import { queueNameOf, type QueueAttributes } from '../../aws/sqs/queue-attributes';
import { formatNumber } from '../../components/format';
import { formatDuration } from '../../components/sqs/duration';
import { Skeleton } from '../../components/ui/skeleton';
import { StatusBadge } from '../../components/ui/status-badge';
import { useRegion, useLinkTo } from '../../app/use-region';
import { routes } from '../../app/routes';

/** How often counts on screen refresh by themselves (false: only on demand). */
export const RefreshIntervalContext = createContext<number | false>(false);

/**
 * A queue's attributes, fetched when its row is on screen: the table renders only visible rows, so a
 * list of 1,000 queues asks SQS about a screenful of them (and the shared key makes a row's cells one call).
 */
export function useRowAttributes(url: string) {
  const region = useRegion();
  const interval = useContext(RefreshIntervalContext);
  return useQuery({ ...sqsQueries.attributes(region, url), refetchInterval: interval });
}

function AttributeCell({ url, render }: { url: string; render: (a: QueueAttributes) => ReactNode }) {
  const q = useRowAttributes(url);
  if (q.data) return <>{render(q.data)}</>;
  if (q.error) return <span className="text-xs text-danger">Unavailable</span>;
  return <Skeleton className="ml-auto h-3 w-10" />;
}

export function CountCell({ url, pick }: { url: string; pick: (a: QueueAttributes) => number }) {
  return <AttributeCell url={url} render={(a) => formatNumber(pick(a))} />;
}

export function DurationCell({ url, pick }: { url: string; pick: (a: QueueAttributes) => number | undefined }) {
  return <AttributeCell url={url} render={(a) => formatDuration(pick(a))} />;
}

export function TypeCell({ url }: { url: string }) {
  return <AttributeCell url={url} render={(a) => (a.isFifo ? 'FIFO' : 'Standard')} />;
}

/** The dead-letter queue a row sends to, flagged when that queue holds messages. */
export function DeadLetterCell({ url }: { url: string }) {
  const q = useRowAttributes(url);
  const target = q.data?.redrivePolicy?.deadLetterTargetArn;
  if (!q.data) return q.error ? null : <Skeleton className="h-3 w-16" />;
  if (!target) return <span className="text-muted">–</span>;
  return <DeadLetterTarget arn={target} />;
}

function DeadLetterTarget({ arn }: { arn: string }) {
  const region = useRegion();
  const linkTo = useLinkTo();
  const interval = useContext(RefreshIntervalContext);
  const name = queueNameOf(arn);
  const dlqUrl = useQuery(sqsQueries.urlByArn(region, arn));
  const dlq = useQuery({
    ...sqsQueries.attributes(region, dlqUrl.data ?? ''),
    enabled: dlqUrl.data !== undefined,
    refetchInterval: interval,
  });
  const waiting = dlq.data ? dlq.data.available + dlq.data.inFlight + dlq.data.delayed : 0;
  return (
    <span className="flex min-w-0 items-center gap-1.5">
      <Link to={linkTo(routes.queue, { queue: name })} className="truncate text-accent hover:underline">
        {name}
      </Link>
      {waiting > 0 && <StatusBadge status="error" tone="danger" label={`${formatNumber(waiting)} in DLQ`} />}
    </span>
  );
}
