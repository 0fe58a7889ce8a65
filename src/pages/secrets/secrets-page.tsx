import { useMemo, useState } from 'react';
import { createColumnHelper } from '@tanstack/react-table';
import { useNavigate } from 'react-router';
import { Plus } from 'lucide-react';
import type { SecretFilter, SecretFilterKey, SecretSummary } from '../../aws/secretsmanager/api';
import { secretsQueries } from '../../aws/secretsmanager/queries';
import { formatDate } from '../../components/format';
import { RelativeTime } from '../../components/relative-time';
import { ResourceTable, type ResourceTableColumn } from '../../components/resource-table/resource-table';
import { SERVICE_ICONS } from '../../components/service-icons';
import { Button } from '../../components/ui/button';
import { EmptyState } from '../../components/ui/empty-state';
import { SelectField } from '../../components/ui/field';
import { FilterBar } from '../../components/ui/filter-bar';
import { PageHeader } from '../../components/ui/page-header';
import { RefreshButton } from '../../components/ui/refresh-button';
import { routes } from '../../app/routes';
import { useLinkTo, useRegion } from '../../app/use-region';
import { useResourceList } from '../../app/use-resource-list';
import { useSearchState } from '../../app/use-search-state';
import { useToast } from '../../app/toasts';
import { CreateSecretDialog } from './create-secret-dialog';
import { RotationCell, SecretNameCell, StatusCell, TagsCell } from './secret-cells';

const FILTER_KEYS: Array<{ value: SecretFilterKey; label: string }> = [
  { value: 'name', label: 'Name' },
  { value: 'description', label: 'Description' },
  { value: 'tag-key', label: 'Tag key' },
  { value: 'tag-value', label: 'Tag value' },
  { value: 'all', label: 'Any field' },
];
const isFilterKey = (v: string | undefined): v is SecretFilterKey => FILTER_KEYS.some((k) => k.value === v);

const column = createColumnHelper<SecretSummary>();

const COLUMNS: ResourceTableColumn<SecretSummary>[] = [
  column.accessor('name', {
    id: 'name',
    header: 'Name',
    cell: ({ row }) => <SecretNameCell secret={row.original} />,
    meta: { isPinned: true, width: 260 },
  }),
  column.accessor((s) => s.description ?? '', {
    id: 'description',
    header: 'Description',
    cell: ({ getValue }) => <span className="truncate">{getValue()}</span>,
    meta: { width: 260 },
  }),
  {
    id: 'status',
    header: 'Status',
    enableSorting: false,
    cell: ({ row }) => <StatusCell secret={row.original} />,
    meta: { width: 250 },
  },
  column.accessor((s) => s.lastChangedAt?.getTime() ?? 0, {
    id: 'lastChanged',
    header: 'Last changed',
    cell: ({ row }) => <RelativeTime date={row.original.lastChangedAt} />,
    meta: { width: 130 },
  }),
  column.accessor((s) => s.lastAccessedAt?.getTime() ?? 0, {
    id: 'lastAccessed',
    header: 'Last read',
    // AWS keeps only the day of the last read, so a relative time would be made up.
    cell: ({ row }) =>
      row.original.lastAccessedAt ? formatDate(row.original.lastAccessedAt) : <span className="text-muted">–</span>,
    meta: { width: 120 },
  }),
  {
    id: 'rotation',
    header: 'Rotation',
    enableSorting: false,
    cell: ({ row }) => <RotationCell secret={row.original} />,
    meta: { width: 200 },
  },
  {
    id: 'tags',
    header: 'Tags',
    enableSorting: false,
    cell: ({ row }) => <TagsCell secret={row.original} />,
    meta: { width: 200 },
  },
];

/** Secrets: ListSecrets page by page with those scheduled for deletion marked; filters run on the server. */
export default function SecretsPage() {
  const region = useRegion();
  const linkTo = useLinkTo();
  const navigate = useNavigate();
  const toast = useToast();
  const [search, setSearch] = useSearchState(['q', 'by']);
  const q = search.q ?? '';
  const by: SecretFilterKey = isFilterKey(search.by) ? search.by : 'name';
  const filters = useMemo<SecretFilter[]>(() => (q ? [{ key: by, values: [q] }] : []), [q, by]);
  const [isCreating, setCreating] = useState(false);
  const list = useResourceList(secretsQueries.list(region, filters), { firstDataMark: 'secrets' });
  const byLabel = FILTER_KEYS.find((k) => k.value === by)?.label ?? 'Name';

  const open = (name: string) => void navigate(linkTo(routes.secret, { name }));

  return (
    <div className="flex flex-col gap-4">
      <PageHeader
        icon={<SERVICE_ICONS.secretsmanager />}
        title="Secrets"
        count={list.count}
        description="Secrets Manager secrets in this region. Values are never loaded here: open a secret and reveal it."
        actions={
          <>
            <RefreshButton {...list.refresh} />
            <Button variant="primary" icon={<Plus aria-hidden />} onClick={() => setCreating(true)}>
              Create secret
            </Button>
          </>
        }
      />
      <FilterBar
        label={`Find secrets by ${byLabel.toLowerCase()}`}
        placeholder={`${byLabel} starts with…`}
        value={q}
        onSubmit={(v) => setSearch({ q: v }, { replace: true })}
        chips={
          q
            ? [{ label: `${byLabel} starts with "${q}"`, onRemove: () => setSearch({ q: undefined, by: undefined }) }]
            : []
        }
        onClearAll={() => setSearch({ q: undefined, by: undefined })}
      >
        <SelectField
          label="Search in"
          isLabelHidden
          className="w-36"
          value={by}
          options={FILTER_KEYS}
          onChange={(v) => setSearch({ by: v === 'name' ? undefined : v }, { replace: true })}
        />
      </FilterBar>
      <ResourceTable
        label="Secrets"
        columns={COLUMNS}
        {...list.table}
        getRowId={(s) => s.arn}
        getRowLabel={(s) => s.name}
        storageKey="secretsmanager.secrets"
        getRowTone={(s) => (s.deletionAt ? 'danger' : undefined)}
        onRowOpen={(s) => open(s.name)}
        empty={
          <EmptyState
            title={q ? `No secrets whose ${byLabel.toLowerCase()} starts with "${q}"` : 'No secrets in this region'}
            description={
              q
                ? 'Secrets Manager matches the start of each word, ignoring case.'
                : 'Create a secret to store a password, an API key or a connection string.'
            }
            action={
              <Button variant="primary" icon={<Plus aria-hidden />} onClick={() => setCreating(true)}>
                Create secret
              </Button>
            }
          />
        }
      />
      <CreateSecretDialog
        open={isCreating}
        onOpenChange={setCreating}
        region={region}
        onCreated={(name) => {
          toast(`Created secret ${name}`, 'success');
          open(name);
        }}
      />
    </div>
  );
}
