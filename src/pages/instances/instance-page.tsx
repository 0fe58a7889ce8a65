import { useEffect } from 'react';
import { useQuery } from '@tanstack/react-query';
import { SERVICE_ICONS } from '../../components/service-icons';
import { Link, useParams } from 'react-router';
import type { Instance, InstanceStatus, StatusCheck } from '../../aws/ec2/instances';
import { useSaveTags } from '../../aws/ec2/mutations';
import { failureMessage } from '../../aws/mutation';
import { ec2Queries } from '../../aws/ec2/queries';
import { useConfig } from '../../app/config-context';
import { errorProps, retryingText } from '../../app/error-props';
import { useLinkTo, useRegion } from '../../app/use-region';
import { useSearchParam } from '../../app/use-search-state';
import { InstanceNote } from '../../components/ec2/instance-note';
import { TagEditor } from '../../components/ec2/tag-editor';
import { ErrorNotice } from '../../components/error-notice';
import { formatDateTime } from '../../components/format';
import { RelativeTime } from '../../components/relative-time';
import { Button } from '../../components/ui/button';
import { CopyButton } from '../../components/ui/copy-button';
import { KeyValueList, type KeyValueItem } from '../../components/ui/key-value';
import { PageHeader } from '../../components/ui/page-header';
import { Skeleton } from '../../components/ui/skeleton';
import { StatusBadge } from '../../components/ui/status-badge';
import { Tabs } from '../../components/ui/tabs';
import { routes } from '../../app/routes';
import { useConsoleSession } from '../../app/session-context';
import { ACTION_ICON, ACTION_LABEL, useInstanceActions } from './instance-actions';
import { useInstanceActivity, useInstanceWaiter } from './use-instance-waiter';
import { useInstanceActionPermissions, useTagPermission } from './use-instance-permissions';

const ACTIONS = ['start', 'stop', 'reboot', 'terminate'] as const;
const TABS = ['details', 'tags', 'status'] as const;

function Mono({ value, label }: { value: string | undefined; label: string }) {
  if (!value) return null;
  return (
    <span className="inline-flex items-center gap-1">
      <span className="break-all">{value}</span>
      <CopyButton value={value} label={label} />
    </span>
  );
}

function detailItems(i: Instance): { network: KeyValueItem[]; instance: KeyValueItem[] } {
  return {
    instance: [
      { label: 'Instance ID', value: <Mono value={i.id} label="instance ID" />, isMono: true },
      { label: 'Instance type', value: i.type },
      { label: 'Availability zone', value: i.zone },
      { label: 'Image (AMI)', value: i.imageId, isMono: true },
      { label: 'Key pair', value: i.keyName },
      { label: 'Platform', value: i.platform },
      { label: 'Architecture', value: i.architecture },
      {
        label: 'Launch time',
        value: i.launchTime ? (
          <span>
            {formatDateTime(i.launchTime)} (<RelativeTime date={i.launchTime} />)
          </span>
        ) : undefined,
      },
      { label: 'State transition', value: i.stateTransitionReason },
      { label: 'State reason', value: i.stateReason },
    ],
    network: [
      { label: 'VPC', value: i.vpcId, isMono: true },
      { label: 'Subnet', value: i.subnetId, isMono: true },
      { label: 'Private IP address', value: <Mono value={i.privateIp} label="private IP address" />, isMono: true },
      { label: 'Public IP address', value: <Mono value={i.publicIp} label="public IP address" />, isMono: true },
      { label: 'Private DNS name', value: i.privateDns, isMono: true },
      { label: 'Public DNS name', value: i.publicDns, isMono: true },
      {
        label: 'Security groups',
        value: i.securityGroups.length ? (
          <ul className="flex flex-col gap-0.5">
            {i.securityGroups.map((g) => (
              <li key={g.id}>
                <span className="font-mono">{g.id}</span>
                {g.name && <span className="text-muted"> ({g.name})</span>}
              </li>
            ))}
          </ul>
        ) : undefined,
      },
    ],
  };
}

function CheckSummary({ title, check }: { title: string; check: StatusCheck | undefined }) {
  return (
    <section aria-label={title} className="flex flex-col gap-2 rounded-md border border-border p-4">
      <h3 className="text-sm font-semibold">{title}</h3>
      {check ? (
        <>
          <StatusBadge
            status={check.status}
            tone={check.status === 'ok' ? 'success' : check.status === 'impaired' ? 'danger' : undefined}
          />
          <ul className="text-sm text-muted">
            {check.details.map((d) => (
              <li key={d.name}>
                {d.name}: {d.status}
                {d.impairedSince && <> since {formatDateTime(d.impairedSince)}</>}
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p className="text-sm text-muted">No status reported. EC2 checks only running instances.</p>
      )}
    </section>
  );
}

function StatusChecks({ status }: { status: InstanceStatus }) {
  return (
    <div className="flex flex-col gap-4">
      <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
        <CheckSummary title="System status check" check={status.system} />
        <CheckSummary title="Instance status check" check={status.instance} />
      </div>
      {status.events.length > 0 && (
        <section aria-label="Scheduled events">
          <h3 className="text-sm font-semibold">Scheduled events</h3>
          <ul className="text-sm">
            {status.events.map((e) => (
              <li key={e.code}>
                {e.code}: {e.description} {e.notBefore && <>from {formatDateTime(e.notBefore)}</>}
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}

export default function InstancePage() {
  const config = useConfig();
  const region = useRegion();
  const linkTo = useLinkTo();
  const { instanceId = '' } = useParams();
  const [tab, setTab] = useSearchParam('tab');
  const query = useQuery(ec2Queries.instance(region, instanceId));
  const instance = query.data;
  const activeTab = TABS.find((t) => t === tab) ?? 'details';
  const status = useQuery({
    ...ec2Queries.instanceStatus(region, instanceId),
    enabled: activeTab === 'status' && instance !== undefined,
  });
  useInstanceWaiter(region);
  const activity = useInstanceActivity(region, instanceId);
  const permissions = useInstanceActionPermissions(instance?.id);
  const tagPermission = useTagPermission(activeTab === 'tags' ? instance?.id : undefined);
  const actions = useInstanceActions(region, permissions);
  const saveTags = useSaveTags(region, instanceId);
  const listHref = linkTo(routes.instances);
  const { names } = useConsoleSession().aws;
  useEffect(() => {
    if (instance) names.remember('instance', [instance]);
  }, [names, instance]);

  if (query.error && !instance)
    return (
      <div className="flex flex-col gap-4">
        <PageHeader icon={<SERVICE_ICONS.ec2 />} title={instanceId} />
        <ErrorNotice {...errorProps(query.error, config, 'ec2', () => void query.refetch())} />
        <p className="text-sm">
          <Link to={listHref} className="text-accent hover:underline">
            Back to instances
          </Link>
        </p>
      </div>
    );

  if (!instance)
    return (
      <div className="flex flex-col gap-4" aria-busy="true">
        <PageHeader icon={<SERVICE_ICONS.ec2 />} title={instanceId} />
        <Skeleton className="h-5 w-40" />
        <Skeleton className="h-40 w-full" />
        <p role="status" className="text-xs text-muted">
          {retryingText(query) ?? 'Loading…'}
        </p>
      </div>
    );

  const items = detailItems(instance);
  return (
    <div className="flex min-w-0 flex-col gap-4">
      <PageHeader
        icon={<SERVICE_ICONS.ec2 />}
        title={
          <span className="inline-flex flex-wrap items-center gap-x-3 gap-y-1">
            {instance.name ?? instance.id}
            <StatusBadge status={instance.state} />
          </span>
        }
        description={instance.name ? <span className="font-mono">{instance.id}</span> : undefined}
        actions={ACTIONS.map((a) => (
          <Button
            key={a}
            variant={a === 'terminate' ? 'danger' : 'secondary'}
            icon={ACTION_ICON[a]}
            disabledReason={actions.reasonFor(a, [instance])}
            onClick={() => actions.request(a, [instance])}
          >
            {ACTION_LABEL[a]}
          </Button>
        ))}
      />
      {(activity.waiting || activity.note) && (
        <div className="rounded-md border border-border bg-surface px-3 py-2">
          {activity.waiting ? (
            <InstanceNote kind="waiting" message={`Waiting for ${activity.waiting.target} (checking every 2 s)`} />
          ) : activity.note ? (
            <InstanceNote kind={activity.note.kind} message={activity.note.message} />
          ) : null}
        </div>
      )}
      <Tabs
        label="Instance details"
        value={activeTab}
        onValueChange={(t) => setTab(t === 'details' ? undefined : t, { replace: true })}
        tabs={[
          {
            id: 'details',
            label: 'Details',
            content: (
              <div className="flex flex-col gap-6">
                <section aria-labelledby="instance-summary" className="flex flex-col gap-3">
                  <h2 id="instance-summary" className="text-base font-semibold">
                    Instance
                  </h2>
                  <KeyValueList items={items.instance} columns={3} />
                </section>
                <section aria-labelledby="instance-network" className="flex flex-col gap-3">
                  <h2 id="instance-network" className="text-base font-semibold">
                    Network
                  </h2>
                  <KeyValueList items={items.network} columns={3} />
                </section>
              </div>
            ),
          },
          {
            id: 'tags',
            label: `Tags (${instance.tags.length})`,
            content: (
              <TagEditor
                tags={instance.tags}
                {...(tagPermission.reason ? { disabledReason: tagPermission.reason } : {})}
                onSave={async (changes) => {
                  try {
                    await saveTags.mutateAsync(changes);
                  } catch (e) {
                    throw new Error(failureMessage(`save the tags of ${instanceId}`, e), { cause: e });
                  }
                }}
              />
            ),
          },
          {
            id: 'status',
            label: 'Status checks',
            content: status.data ? (
              <StatusChecks status={status.data} />
            ) : status.error ? (
              <ErrorNotice {...errorProps(status.error, config, 'ec2', () => void status.refetch())} />
            ) : (
              <div className="flex flex-col gap-2" aria-busy="true">
                <Skeleton className="h-24 w-full" />
                <p role="status" className="text-xs text-muted">
                  {retryingText(status) ?? 'Loading…'}
                </p>
              </div>
            ),
          },
        ]}
      />
      {actions.dialogs}
    </div>
  );
}
