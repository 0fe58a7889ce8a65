import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { ScrollText } from 'lucide-react';
import { toAppError } from '../../aws/errors';
import { lambdaQueries } from '../../aws/lambda/queries';
import { ErrorNotice } from '../../components/error-notice';
import { formatBytes, formatDateTime } from '../../components/format';
import { EnvVars } from '../../components/lambda/env-vars';
import { readHistory, type InvocationRecord } from '../../components/lambda/invocation-history';
import { RelativeTime } from '../../components/relative-time';
import { SERVICE_ICONS } from '../../components/service-icons';
import { Button } from '../../components/ui/button';
import { KeyValueList } from '../../components/ui/key-value';
import { PageHeader } from '../../components/ui/page-header';
import { Skeleton } from '../../components/ui/skeleton';
import { StatusBadge } from '../../components/ui/status-badge';
import { Tabs } from '../../components/ui/tabs';
import { useConfig } from '../../app/config-context';
import { errorProps, retryingText } from '../../app/error-props';
import { useRegion, useRegionHref } from '../../app/use-region';
import { useResourceList, type ResourceListTableProps } from '../../app/use-resource-list';
import { useSearchParam } from '../../app/use-search-state';
import { InvokePanel } from './invoke-panel';
import { functionLogsHref } from './logs-href';

const TABS = ['test', 'configuration', 'versions', 'invocations'] as const;
type TabId = (typeof TABS)[number];

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <section aria-label={title} className="flex flex-col gap-2">
      <h2 className="text-base font-semibold">{title}</h2>
      {children}
    </section>
  );
}

/** The next page of a short list shown in full (versions, aliases): loaded on request, not on scroll. */
function MoreButton({ label, list }: { label: string; list: ResourceListTableProps<unknown> }) {
  return (
    <Button size="sm" variant="ghost" isLoading={list.isFetchingNextPage} onClick={list.onLoadMore}>
      {label}
    </Button>
  );
}

/** One function: invoke it with a test event, its configuration, versions and aliases, and this browser's invocations. */
export default function FunctionPage() {
  const { name = '' } = useParams();
  const config = useConfig();
  const region = useRegion();
  const href = useRegionHref();
  const [tabParam, setTab] = useSearchParam('tab');
  const tab: TabId = (TABS as readonly string[]).includes(tabParam ?? '') ? (tabParam as TabId) : 'test';
  const detail = useQuery(lambdaQueries.detail(region, name));
  const versions = useResourceList(lambdaQueries.versions(region, name));
  const aliases = useResourceList(lambdaQueries.aliases(region, name));
  const [history, setHistory] = useState<InvocationRecord[]>(() => readHistory(`${region}/${name}`));
  const d = detail.data;
  const logsTo = functionLogsHref(name);

  const header = (
    <PageHeader
      icon={<SERVICE_ICONS.lambda />}
      title={name}
      description={d?.description}
      actions={
        logsTo ? (
          <Link
            to={href(logsTo)}
            className="inline-flex h-9 items-center gap-1.5 rounded-md border border-border-strong px-3.5 text-sm hover:bg-surface-2"
          >
            <ScrollText aria-hidden className="size-4" />
            Follow logs
          </Link>
        ) : undefined
      }
    />
  );

  if (detail.error) {
    const notFound = toAppError(detail.error).kind === 'not-found';
    return (
      <div className="flex flex-col gap-4">
        {header}
        {notFound ? (
          <ErrorNotice kind="not-found" message={`There is no function named ${name} in ${region}.`} />
        ) : (
          <ErrorNotice {...errorProps(detail.error, config, 'lambda', () => void detail.refetch())} />
        )}
      </div>
    );
  }

  const configuration = d ? (
    <div className="flex flex-col gap-6">
      <KeyValueList
        columns={3}
        items={[
          { label: 'State', value: <StatusBadge status={d.state ?? 'Active'} /> },
          { label: 'Runtime', value: d.runtime },
          { label: 'Handler', value: d.handler, isMono: true },
          { label: 'Architecture', value: d.architectures.join(', ') },
          { label: 'Memory', value: d.memoryMb !== undefined ? `${d.memoryMb} MB` : undefined },
          { label: 'Timeout', value: d.timeoutSeconds !== undefined ? `${d.timeoutSeconds} s` : undefined },
          { label: 'Code size', value: formatBytes(d.codeSize) },
          {
            label: 'Reserved concurrency',
            value: d.reservedConcurrency === undefined ? 'Unreserved (account pool)' : String(d.reservedConcurrency),
          },
          { label: 'Last modified', value: d.lastModified ? <RelativeTime date={d.lastModified} /> : undefined },
          { label: 'Execution role', value: d.role, isMono: true },
          { label: 'ARN', value: d.arn, isMono: true },
        ]}
      />
      <Section title="Environment variables">
        <EnvVars variables={d.environment} />
      </Section>
      <Section title="Layers">
        {d.layers.length ? (
          <ul className="flex flex-col gap-1 font-mono text-sm break-all">
            {d.layers.map((l) => (
              <li key={l.arn}>
                {l.arn} <span className="text-muted">({formatBytes(l.codeSize)})</span>
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-sm text-muted">No layers.</p>
        )}
      </Section>
      <Section title="Tags">
        {Object.keys(d.tags).length ? (
          <KeyValueList items={Object.entries(d.tags).map(([k, v]) => ({ label: k, value: v, isMono: true }))} />
        ) : (
          <p className="text-sm text-muted">No tags.</p>
        )}
      </Section>
    </div>
  ) : (
    <Skeleton className="h-40 w-full" />
  );

  const versionList = (
    <div className="grid gap-6 lg:grid-cols-2">
      <Section title="Versions">
        {versions.rows.length > 0 && (
          <ul className="flex flex-col divide-y divide-border rounded-md border border-border text-sm">
            {versions.rows.map((v) => (
              <li key={v.version} className="flex flex-wrap justify-between gap-2 px-3 py-2">
                <span className="font-medium">{v.version}</span>
                <span className="text-muted">
                  {v.description || (v.lastModified ? formatDateTime(v.lastModified) : '')}
                </span>
              </li>
            ))}
          </ul>
        )}
        {versions.table.isLoading && <p className="text-sm text-muted">{versions.table.loadingText ?? 'Loading…'}</p>}
        {versions.table.error}
        {versions.table.hasNextPage && !versions.table.error && (
          <MoreButton label="More versions" list={versions.table} />
        )}
      </Section>
      <Section title="Aliases">
        {aliases.rows.length > 0 ? (
          <ul className="flex flex-col divide-y divide-border rounded-md border border-border text-sm">
            {aliases.rows.map((a) => (
              <li key={a.name} className="flex flex-wrap justify-between gap-2 px-3 py-2">
                <span className="font-medium">{a.name}</span>
                <span>
                  → version {a.version}
                  {Object.entries(a.additionalWeights).map(([v, w]) => ` (+ ${v} at ${Math.round(w * 100)}%)`)}
                </span>
              </li>
            ))}
          </ul>
        ) : (
          !aliases.table.error && (
            <p className="text-sm text-muted">
              {aliases.table.isLoading ? (aliases.table.loadingText ?? 'Loading…') : 'No aliases.'}
            </p>
          )
        )}
        {aliases.table.error}
        {aliases.table.hasNextPage && !aliases.table.error && <MoreButton label="More aliases" list={aliases.table} />}
      </Section>
    </div>
  );

  const invocations = history.length ? (
    <ol
      aria-label="Invocations from this browser"
      className="flex flex-col divide-y divide-border rounded-md border border-border text-sm"
    >
      {history.map((h) => (
        <li key={`${h.at}-${h.requestId ?? ''}`} className="flex flex-wrap items-center gap-x-3 gap-y-1 px-3 py-2">
          <StatusBadge
            status={h.isError ? 'failed' : h.type === 'Event' ? 'queued' : 'succeeded'}
            tone={h.isError ? 'danger' : h.type === 'Event' ? 'info' : 'success'}
            label={h.isError ? 'Failed' : h.type === 'Event' ? 'Queued' : 'Succeeded'}
          />
          <RelativeTime date={h.at} />
          <span className="text-muted">
            {h.qualifier ? `${h.qualifier} · ` : ''}
            {h.type}
          </span>
          {h.durationMs !== undefined && <span className="tabular-nums">{h.durationMs.toFixed(1)} ms</span>}
          {h.isError && <span className="w-full break-words text-danger">{h.outcome}</span>}
        </li>
      ))}
    </ol>
  ) : (
    <p className="text-sm text-muted">
      No invocations from this browser yet. They are kept here only, never sent anywhere.
    </p>
  );

  return (
    <div className="flex min-w-0 flex-col gap-4">
      {header}
      {detail.isPending && retryingText(detail) && <p className="text-sm text-muted">{retryingText(detail)}</p>}
      <Tabs
        label="Function"
        value={tab}
        onValueChange={(id) => setTab(id === 'test' ? undefined : id, { replace: true })}
        tabs={[
          {
            id: 'test',
            label: 'Test',
            content: <InvokePanel region={region} name={name} arn={d?.arn} onInvoked={setHistory} />,
          },
          { id: 'configuration', label: 'Configuration', content: configuration },
          { id: 'versions', label: 'Versions and aliases', content: versionList },
          { id: 'invocations', label: `Invocations (${history.length})`, content: invocations },
        ]}
      />
    </div>
  );
}
