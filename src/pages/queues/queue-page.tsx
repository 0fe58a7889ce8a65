import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useNavigate, useParams } from 'react-router';
import { Eraser, FileUp, Send, Trash2 } from 'lucide-react';
import { toAppError } from '../../aws/errors';
import { useDeleteQueue, usePurgeQueue } from '../../aws/sqs/mutations';
import { sqsQueries } from '../../aws/sqs/queries';
import { ErrorNotice } from '../../components/error-notice';
import { formatNumber } from '../../components/format';
import { Button } from '../../components/ui/button';
import { ConfirmDialog } from '../../components/ui/confirm-dialog';
import { ActionsMenu } from '../../components/ui/menu';
import { PageHeader } from '../../components/ui/page-header';
import { Skeleton } from '../../components/ui/skeleton';
import { Tabs } from '../../components/ui/tabs';
import { useConfig } from '../../app/config-context';
import { errorProps, retryingText } from '../../app/error-props';
import { useDeniedReason } from '../../app/use-permission';
import { useLinkTo, useRegion } from '../../app/use-region';
import { useSearchParam } from '../../app/use-search-state';
import { useToast } from '../../app/toasts';
import { SERVICE_ICONS } from '../../components/service-icons';
import { routes } from '../../app/routes';
import { DeadLetterTab } from './dead-letter-tab';
import { DetailsTab } from './details-tab';
import { MessagesTab } from './messages-tab';
import { SendFileDialog } from './send-file-dialog';
import { SendMessageDialog } from './send-message-dialog';
import { TagsTab } from './tags-tab';
import { ErrorNote } from '../../components/ui/error-note';

const TABS = ['messages', 'details', 'dead-letter', 'tags'] as const;
type TabId = (typeof TABS)[number];

/** One queue: its messages (send, peek, receive, delete), details, dead-letter side and tags. */
export default function QueuePage() {
  const { queue: name = '' } = useParams();
  const config = useConfig();
  const region = useRegion();
  const linkTo = useLinkTo();
  const navigate = useNavigate();
  const toast = useToast();
  const [tabParam, setTab] = useSearchParam('tab');
  const tab: TabId = (TABS as readonly string[]).includes(tabParam ?? '') ? (tabParam as TabId) : 'messages';
  const [dialog, setDialog] = useState<'send' | 'file' | 'purge' | 'delete' | undefined>();

  const urlQuery = useQuery(sqsQueries.urlByName(region, name));
  const url = urlQuery.data;
  const attributes = useQuery({ ...sqsQueries.attributes(region, url ?? ''), enabled: url !== undefined });
  const a = attributes.data;
  const arn = a?.arn;
  const purge = usePurgeQueue();
  const deleteQueue = useDeleteQueue();
  const purgeDenied = useDeniedReason('sqs:PurgeQueue', arn);
  const deleteDenied = useDeniedReason('sqs:DeleteQueue', arn);
  const sendDenied = useDeniedReason('sqs:SendMessage', arn);

  const error = urlQuery.error ?? attributes.error;
  if (error) {
    const notFound = toAppError(error).kind === 'not-found';
    return (
      <div className="flex flex-col gap-4">
        <PageHeader icon={<SERVICE_ICONS.sqs />} title={name} />
        {notFound ? (
          <ErrorNotice
            kind="not-found"
            message={`There is no queue named ${name} in ${region}. It may have been deleted.`}
          />
        ) : (
          <ErrorNotice
            {...errorProps(
              error,
              config,
              'sqs',
              () => void (urlQuery.error ? urlQuery.refetch() : attributes.refetch()),
            )}
          />
        )}
      </div>
    );
  }

  const counts = a
    ? `${formatNumber(a.available)} available · ${formatNumber(a.inFlight)} in flight · ${formatNumber(a.delayed)} delayed`
    : undefined;

  return (
    <div className="flex flex-col gap-4">
      <PageHeader
        icon={<SERVICE_ICONS.sqs />}
        title={name}
        description={
          a ? (
            <span data-testid="queue-counts">
              {a.isFifo ? 'FIFO queue' : 'Standard queue'} · {counts}
            </span>
          ) : (
            <span className="flex items-center gap-2">
              <Skeleton className="h-4 w-72" />
              <span className="text-xs">{retryingText(attributes) ?? retryingText(urlQuery)}</span>
            </span>
          )
        }
        actions={
          <>
            <ActionsMenu
              disabledReason={url && a ? undefined : 'Loading the queue…'}
              items={[
                {
                  label: 'Send messages from a file…',
                  icon: <FileUp aria-hidden />,
                  ...(sendDenied ? { disabledReason: sendDenied } : {}),
                  onSelect: () => setDialog('file'),
                },
                {
                  label: 'Purge messages…',
                  icon: <Eraser aria-hidden />,
                  isDestructive: true,
                  separatorBefore: true,
                  ...(purgeDenied ? { disabledReason: purgeDenied } : {}),
                  onSelect: () => setDialog('purge'),
                },
                {
                  label: 'Delete queue…',
                  icon: <Trash2 aria-hidden />,
                  isDestructive: true,
                  ...(deleteDenied ? { disabledReason: deleteDenied } : {}),
                  onSelect: () => setDialog('delete'),
                },
              ]}
            />
            <Button
              variant="primary"
              icon={<Send aria-hidden />}
              disabledReason={sendDenied ?? (url && a ? undefined : 'Loading the queue…')}
              onClick={() => setDialog('send')}
            >
              Send message
            </Button>
          </>
        }
      />
      {purge.failure && dialog !== 'purge' && <ErrorNote>{purge.failure}</ErrorNote>}
      {url && a ? (
        <>
          <Tabs
            label="Queue"
            value={tab}
            onValueChange={(id) => setTab(id === 'messages' ? undefined : id, { replace: true })}
            tabs={[
              { id: 'messages', label: 'Messages', content: <MessagesTab name={name} url={url} attributes={a} /> },
              { id: 'details', label: 'Details', content: <DetailsTab url={url} attributes={a} /> },
              {
                id: 'dead-letter',
                label: 'Dead-letter',
                content: <DeadLetterTab name={name} url={url} attributes={a} />,
              },
              { id: 'tags', label: 'Tags', content: <TagsTab url={url} arn={arn} /> },
            ]}
          />
          <SendMessageDialog
            open={dialog === 'send'}
            onOpenChange={(o) => setDialog(o ? 'send' : undefined)}
            url={url}
            attributes={a}
          />
          <SendFileDialog
            open={dialog === 'file'}
            onOpenChange={(o) => setDialog(o ? 'file' : undefined)}
            name={name}
            url={url}
            attributes={a}
          />
          <ConfirmDialog
            open={dialog === 'purge'}
            onOpenChange={(o) => setDialog(o ? 'purge' : undefined)}
            verb="Purge"
            noun={{ one: 'queue', other: 'queues' }}
            names={[name]}
            title={`Purge every message in ${name}?`}
            consequence={
              <div className="flex flex-col gap-2">
                <p>
                  Deletes all {counts ? `${counts.replace(/ · /g, ', ')} ` : ''}messages. They cannot be recovered.
                  Messages sent while the purge runs (up to 60 seconds) may be deleted too.
                </p>
                <p className="text-muted">SQS allows one purge per queue every 60 seconds.</p>
              </div>
            }
            confirmText={name}
            confirmLabel="Purge messages"
            mutation={purge}
            onConfirm={async () => {
              await purge.mutateAsync({ region, url, name });
              toast(`Purge of ${name} started`, 'success');
            }}
          />
          <ConfirmDialog
            open={dialog === 'delete'}
            onOpenChange={(o) => setDialog(o ? 'delete' : undefined)}
            verb="Delete"
            noun={{ one: 'queue', other: 'queues' }}
            names={[name]}
            consequence="The queue and every message in it are deleted. This cannot be undone, and SQS keeps the name reserved for 60 seconds."
            confirmText={name}
            mutation={deleteQueue}
            onConfirm={async () => {
              await deleteQueue.mutateAsync({ region, url, name });
              toast(`Deleted queue ${name}`, 'success');
              void navigate(linkTo(routes.queues));
            }}
          />
        </>
      ) : (
        <div className="flex flex-col gap-3" aria-hidden>
          <Skeleton className="h-9 w-80" />
          <Skeleton className="h-48 w-full" />
        </div>
      )}
    </div>
  );
}
