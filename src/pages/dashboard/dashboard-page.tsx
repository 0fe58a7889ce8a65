import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { RefreshCw } from 'lucide-react';
import { s3Queries } from '../../aws/s3/queries';
import { ec2Queries } from '../../aws/ec2/queries';
import { dynamodbQueries } from '../../aws/dynamodb/queries';
import { sqsQueries } from '../../aws/sqs/queries';
import { secretsQueries } from '../../aws/secretsmanager/queries';
import { lambdaQueries } from '../../aws/lambda/queries';
import { toAppError } from '../../aws/errors';
import { ServiceCard } from '../../components/service-card';
import { SERVICE_ICONS as Icons } from '../../components/service-icons';
import { StatusBadge } from '../../components/ui/status-badge';
import { Button } from '../../components/ui/button';
import { PageHeader } from '../../components/ui/page-header';
import { formatCount, formatNumber } from '../../components/format';
import { useConfig } from '../../app/config-context';
import { errorProps, retryingText } from '../../app/error-props';
import { routes } from '../../app/routes';
import { useFirstDataMark } from '../../app/use-first-data-mark';
import { useLinkTo, useRegion } from '../../app/use-region';

const MAX_NAMES = 8;

interface NamedLink {
  name: string;
  href: string;
}

/** Four cards, each with its own query: one failing service never blanks the others. */
export default function DashboardPage() {
  const config = useConfig();
  const region = useRegion();
  const linkTo = useLinkTo();
  const buckets = useQuery(s3Queries.buckets(region));
  const instances = useQuery(ec2Queries.instanceCounts(region));
  const tables = useQuery(dynamodbQueries.firstTables(region));
  const queues = useQuery(sqsQueries.overview(region));
  const secrets = useQuery(secretsQueries.count(region));
  const functions = useQuery(lambdaQueries.overview(region));
  const all = [buckets, instances, tables, queues, functions, secrets];
  useFirstDataMark(
    'dashboard',
    all.some((q) => q.data !== undefined),
  );
  const isRefreshing = all.some((q) => q.isRefetching);

  // ListBuckets has no CORS on AWS: fall back to the names listed in config.
  const bucketKind = buckets.error && !buckets.data ? toAppError(buckets.error).kind : undefined;
  const useConfigBuckets = (bucketKind === 'network' || bucketKind === 'forbidden') && config.buckets.length > 0;
  const bucketNames = useConfigBuckets ? config.buckets : (buckets.data?.items ?? []).map((b) => b.name);

  return (
    <div className="flex flex-col gap-4">
      <PageHeader
        title="Dashboard"
        description={`Region ${region}: your buckets, instances, tables and queues at a glance`}
        actions={
          <Button
            icon={<RefreshCw aria-hidden="true" />}
            isLoading={isRefreshing}
            onClick={() => void Promise.all(all.map((q) => q.refetch()))}
          >
            Refresh
          </Button>
        }
      />
      <div className="grid min-w-0 grid-cols-1 gap-4 lg:grid-cols-2">
        <ServiceCard
          title="S3 buckets"
          icon={<Icons.s3 />}
          count={useConfigBuckets || buckets.data ? formatNumber(bucketNames.length) : undefined}
          loadingText={retryingText(buckets)}
          isLoading={buckets.isPending && !useConfigBuckets}
          isEmpty={bucketNames.length === 0}
          emptyText="No buckets"
          {...(buckets.error && !buckets.data && !useConfigBuckets
            ? { error: errorProps(buckets.error, config, 's3', () => void buckets.refetch()) }
            : {})}
          href={linkTo(routes.buckets)}
        >
          {useConfigBuckets && <p className="text-xs text-muted">Bucket names from config</p>}
          <LinkList
            label="Buckets"
            items={bucketNames.map((name) => ({ name, href: linkTo(routes.bucket, { bucket: name }) }))}
          />
        </ServiceCard>

        <ServiceCard
          title="EC2 instances"
          icon={<Icons.ec2 />}
          count={instances.data ? formatCount(instances.data.total, instances.data.isPartial) : undefined}
          loadingText={retryingText(instances)}
          isLoading={instances.isPending}
          isEmpty={instances.data?.total === 0}
          emptyText="No instances"
          {...(instances.error && !instances.data
            ? { error: errorProps(instances.error, config, 'ec2', () => void instances.refetch()) }
            : {})}
          href={linkTo(routes.instances)}
        >
          <ul aria-label="Instances by state" className="flex flex-wrap gap-2 text-sm">
            {Object.entries(instances.data?.byState ?? {})
              .sort(([a], [b]) => a.localeCompare(b))
              .map(([state, n]) => {
                const to = linkTo(routes.instances, {}, { state });
                const body = (
                  <>
                    <StatusBadge status={state} />
                    <span className="font-semibold tabular-nums">{formatNumber(n)}</span>
                  </>
                );
                return (
                  <li key={state}>
                    {to ? (
                      <Link
                        to={to}
                        className="flex items-center gap-1.5 rounded-md border border-border px-2 py-1 hover:bg-surface-2"
                      >
                        {body}
                      </Link>
                    ) : (
                      <span className="flex items-center gap-1.5 rounded-md border border-border px-2 py-1">
                        {body}
                      </span>
                    )}
                  </li>
                );
              })}
          </ul>
        </ServiceCard>

        <ServiceCard
          title="DynamoDB tables"
          icon={<Icons.dynamodb />}
          count={tables.data ? formatCount(tables.data.items.length, tables.data.nextToken !== undefined) : undefined}
          loadingText={retryingText(tables)}
          isLoading={tables.isPending}
          isEmpty={tables.data?.items.length === 0}
          emptyText="No tables"
          {...(tables.error && !tables.data
            ? { error: errorProps(tables.error, config, 'dynamodb', () => void tables.refetch()) }
            : {})}
          href={linkTo(routes.tables)}
        >
          <LinkList
            label="Tables"
            items={(tables.data?.items ?? []).map((name) => ({ name, href: linkTo(routes.table, { table: name }) }))}
          />
        </ServiceCard>

        <ServiceCard
          title="SQS queues"
          icon={<Icons.sqs />}
          count={queues.data ? formatCount(queues.data.items.length, queues.data.nextToken !== undefined) : undefined}
          loadingText={retryingText(queues)}
          isLoading={queues.isPending}
          isEmpty={queues.data?.items.length === 0}
          emptyText="No queues"
          {...(queues.error && !queues.data
            ? { error: errorProps(queues.error, config, 'sqs', () => void queues.refetch()) }
            : {})}
          href={linkTo(routes.queues)}
        >
          <ul aria-label="Queues" className="flex flex-col gap-1 text-sm">
            {(queues.data?.items ?? []).slice(0, MAX_NAMES).map((q) => {
              const to = linkTo(routes.queue, { queue: q.name });
              return (
                <li key={q.url} className="flex min-w-0 flex-wrap items-center gap-x-2 gap-y-1">
                  <Link to={to} className="truncate font-mono text-accent hover:underline">
                    {q.name}
                  </Link>
                  <span className="tabular-nums text-muted">{formatNumber(q.messagesWaiting)} waiting</span>
                  {q.isDeadLetterQueue && q.messagesWaiting > 0 && (
                    <StatusBadge status="error" tone="danger" label="DLQ holds messages" />
                  )}
                  {q.isDeadLetterQueue && q.messagesWaiting === 0 && (
                    <StatusBadge status="dlq" tone="neutral" label="DLQ" />
                  )}
                </li>
              );
            })}
            {(queues.data?.items.length ?? 0) > MAX_NAMES && (
              <li className="text-muted">and {formatNumber((queues.data?.items.length ?? 0) - MAX_NAMES)} more</li>
            )}
          </ul>
        </ServiceCard>

        <ServiceCard
          title="Lambda functions"
          icon={<Icons.lambda />}
          count={
            functions.data
              ? formatCount(functions.data.items.length, functions.data.nextToken !== undefined)
              : undefined
          }
          isLoading={functions.isPending}
          isEmpty={functions.data?.items.length === 0}
          emptyText="No functions"
          {...(functions.error && !functions.data
            ? { error: errorProps(functions.error, config, 'lambda', () => void functions.refetch()) }
            : {})}
          href={linkTo(routes.functions)}
        >
          <LinkList
            label="Functions"
            items={(functions.data?.items ?? []).map((f) => ({
              name: f.name,
              href: linkTo(routes.function, { name: f.name }),
            }))}
          />
        </ServiceCard>

        {/* A count only: secret names are left to the secrets page. */}
        <ServiceCard
          title="Secrets"
          icon={<Icons.secretsmanager />}
          count={secrets.data ? formatCount(secrets.data.count, secrets.data.hasMore) : undefined}
          isLoading={secrets.isPending}
          isEmpty={secrets.data?.count === 0}
          emptyText="No secrets"
          {...(secrets.error && !secrets.data
            ? { error: errorProps(secrets.error, config, 'secretsmanager', () => void secrets.refetch()) }
            : {})}
          href={linkTo(routes.secrets)}
        >
          <p className="text-sm text-muted">Values are shown only on a secret&apos;s page, when you reveal them.</p>
        </ServiceCard>
      </div>
    </div>
  );
}

function LinkList({ label, items }: { label: string; items: NamedLink[] }) {
  const shown = items.slice(0, MAX_NAMES);
  return (
    <ul aria-label={label} className="flex min-w-0 flex-col gap-0.5 text-sm">
      {shown.map((i) => (
        <li key={i.name} className="truncate font-mono">
          <Link to={i.href} className="text-accent hover:underline">
            {i.name}
          </Link>
        </li>
      ))}
      {items.length > MAX_NAMES && <li className="text-muted">and {formatNumber(items.length - MAX_NAMES)} more</li>}
    </ul>
  );
}
