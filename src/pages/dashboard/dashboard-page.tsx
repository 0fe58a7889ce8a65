import { useQuery } from '@tanstack/react-query';
import { s3Queries } from '../../aws/s3/queries';
import { ec2Queries } from '../../aws/ec2/queries';
import { dynamodbQueries } from '../../aws/dynamodb/queries';
import { sqsQueries } from '../../aws/sqs/queries';
import { toAppError } from '../../aws/errors';
import { ServiceCard } from '../../components/service-card';
import { NameList } from '../../components/name-list';
import { useConfig } from '../../app/config-context';
import { useRegion, useRegionHref } from '../../app/use-region';
import { hasPage } from '../registry';
import { errorProps } from './app-error-props';
import { useFirstDataMark } from './use-first-data-mark';

const fmt = new Intl.NumberFormat('en-US');

/** Four cards, each with its own query: one failing service never blanks the others. */
export default function DashboardPage() {
  const config = useConfig();
  const region = useRegion();
  const href = useRegionHref();
  const buckets = useQuery(s3Queries.buckets(region));
  const instances = useQuery(ec2Queries.instanceCounts(region));
  const tables = useQuery(dynamodbQueries.firstTables(region));
  const queues = useQuery(sqsQueries.overview(region));
  useFirstDataMark([buckets, instances, tables, queues].some((q) => q.data !== undefined));

  // ListBuckets has no CORS on AWS: fall back to the names listed in config.
  const bucketKind = buckets.error ? toAppError(buckets.error).kind : undefined;
  const useConfigBuckets = (bucketKind === 'network' || bucketKind === 'forbidden') && config.buckets.length > 0;
  const bucketNames = useConfigBuckets ? config.buckets : (buckets.data ?? []).map((b) => b.name);
  const linkTo = (page: string) => (hasPage(page) ? href(`/${page}`) : undefined);

  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-2xl font-semibold">Dashboard</h1>
      <p className="text-sm text-slate-600 dark:text-slate-300">Region {region}</p>
      <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
        <ServiceCard
          title="S3 buckets"
          count={useConfigBuckets || buckets.data ? fmt.format(bucketNames.length) : undefined}
          isLoading={buckets.isPending && !useConfigBuckets}
          isEmpty={bucketNames.length === 0}
          emptyText="No buckets"
          {...(buckets.error && !useConfigBuckets
            ? { error: errorProps(buckets.error, config, 's3', () => void buckets.refetch()) }
            : {})}
          {...optional('href', linkTo('buckets'))}
        >
          {useConfigBuckets && <p className="text-xs text-slate-500 dark:text-slate-400">Bucket names from config</p>}
          <NameList label="Buckets" names={bucketNames} />
        </ServiceCard>

        <ServiceCard
          title="EC2 instances"
          count={
            instances.data ? `${fmt.format(instances.data.total)}${instances.data.isPartial ? '+' : ''}` : undefined
          }
          isLoading={instances.isPending}
          isEmpty={instances.data?.total === 0}
          emptyText="No instances"
          {...(instances.error
            ? { error: errorProps(instances.error, config, 'ec2', () => void instances.refetch()) }
            : {})}
          {...optional('href', linkTo('instances'))}
        >
          <ul aria-label="Instances by state" className="flex flex-wrap gap-2 text-sm">
            {Object.entries(instances.data?.byState ?? {})
              .sort(([a], [b]) => a.localeCompare(b))
              .map(([state, n]) => (
                <li key={state} className="rounded bg-slate-100 px-2 py-0.5 dark:bg-slate-800">
                  {state} <span className="font-semibold tabular-nums">{fmt.format(n)}</span>
                </li>
              ))}
          </ul>
        </ServiceCard>

        <ServiceCard
          title="DynamoDB tables"
          count={tables.data ? `${fmt.format(tables.data.names.length)}${tables.data.nextToken ? '+' : ''}` : undefined}
          isLoading={tables.isPending}
          isEmpty={tables.data?.names.length === 0}
          emptyText="No tables"
          {...(tables.error
            ? { error: errorProps(tables.error, config, 'dynamodb', () => void tables.refetch()) }
            : {})}
          {...optional('href', linkTo('tables'))}
        >
          <NameList label="Tables" names={tables.data?.names ?? []} />
        </ServiceCard>

        <ServiceCard
          title="SQS queues"
          count={
            queues.data ? `${fmt.format(queues.data.queues.length)}${queues.data.isPartial ? '+' : ''}` : undefined
          }
          isLoading={queues.isPending}
          isEmpty={queues.data?.queues.length === 0}
          emptyText="No queues"
          {...(queues.error ? { error: errorProps(queues.error, config, 'sqs', () => void queues.refetch()) } : {})}
          {...optional('href', linkTo('queues'))}
        >
          <ul aria-label="Queues" className="flex flex-col gap-1 text-sm">
            {(queues.data?.queues ?? []).map((q) => (
              <li key={q.url} className="flex flex-wrap items-center gap-2">
                <span className="font-mono">{q.name}</span>
                <span className="tabular-nums text-slate-600 dark:text-slate-300">
                  {fmt.format(q.messagesWaiting)} waiting
                </span>
                {q.isDeadLetterQueue && q.messagesWaiting > 0 && (
                  <span className="rounded bg-red-100 px-1.5 text-xs font-semibold text-red-800 dark:bg-red-900 dark:text-red-100">
                    DLQ holds messages
                  </span>
                )}
                {q.isDeadLetterQueue && q.messagesWaiting === 0 && (
                  <span className="rounded bg-slate-100 px-1.5 text-xs dark:bg-slate-800">DLQ</span>
                )}
              </li>
            ))}
          </ul>
        </ServiceCard>
      </div>
    </div>
  );
}

function optional<K extends string>(key: K, value: string | undefined): Partial<Record<K, string>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, string>);
}
