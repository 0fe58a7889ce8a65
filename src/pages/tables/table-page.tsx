import { useQuery } from '@tanstack/react-query';
import { createColumnHelper } from '@tanstack/react-table';
import { useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { useNavigate, useParams } from 'react-router';
import { Download, FileUp, Plus, Trash2 } from 'lucide-react';
import { SERVICE_ICONS } from '../../components/service-icons';
import { compactText, formatItem, TYPE_LABELS, typeOf, type Item } from '../../aws/dynamodb/attribute-value';
import {
  buildReadRequest,
  describeRequest,
  SpecError,
  type KeySchemaInfo,
  type ReadRequest,
} from '../../aws/dynamodb/expressions';
import { keyOf } from '../../aws/dynamodb/optimistic-lock';
import { useDeleteTable } from '../../aws/dynamodb/mutations';
import { dynamodbQueries } from '../../aws/dynamodb/queries';
import { planImport, type ImportPlan } from '../../aws/dynamodb/transfer';
import { toAppError } from '../../aws/errors';
import { useConfig } from '../../app/config-context';
import { errorProps, retryingText } from '../../app/error-props';
import { useDeniedReason } from '../../app/use-permission';
import { useRegion, useLinkTo } from '../../app/use-region';
import { useSearchState } from '../../app/use-search-state';
import { AttributeCell } from '../../components/dynamodb/attribute-cell';
import { QueryBuilder, type BuilderDraft, type BuilderTarget } from '../../components/dynamodb/query-builder';
import { ErrorNotice } from '../../components/error-notice';
import { formatBytes, formatCount, formatNumber } from '../../components/format';
import { ResourceTable, type ResourceTableColumn } from '../../components/resource-table/resource-table';
import type { RowSelection } from '../../components/resource-table/selection';
import { Button } from '../../components/ui/button';
import { ConfirmDialog } from '../../components/ui/confirm-dialog';
import { EmptyState } from '../../components/ui/empty-state';
import { ActionsMenu } from '../../components/ui/menu';
import { PageHeader } from '../../components/ui/page-header';
import { Skeleton } from '../../components/ui/skeleton';
import { StatusBadge } from '../../components/ui/status-badge';
import { routes } from '../../app/routes';
import { useConsoleSession } from '../../app/session-context';
import { BUILDER_PARAMS, draftFromParams, paramsFromDraft, specFromDraft } from './builder-state';
import { exportFile, startBulkDelete, startExportAll, startImport } from './bulk';
import { ItemEditor, type EditorTarget } from './item-editor';
import { useResourceList } from '../../app/use-resource-list';

const column = createColumnHelper<Item>();

// On a phone two pinned key columns would fill the screen and hide every other column: pin the partition key only.
const NARROW = '(max-width: 639px)';
const subscribeNarrow = (fn: () => void) => {
  const mq = window.matchMedia(NARROW);
  mq.addEventListener('change', fn);
  return () => mq.removeEventListener('change', fn);
};
const isNarrowNow = () => window.matchMedia(NARROW).matches;
const keyText = (item: Item, keys: KeySchemaInfo) => formatItem(keyOf(item, keys), 'dynamodb', 0);

/** Which builder field a ValidationException is about, from its message. */
function fieldOfMessage(message: string): string {
  if (/FilterExpression/i.test(message)) return 'filter';
  if (/ProjectionExpression/i.test(message)) return 'projection';
  if (/range key|sort key|RANGE/i.test(message)) return 'sort';
  if (/KeyCondition|key schema|hash key|partition key|Query condition/i.test(message)) return 'partition';
  return 'general';
}

export default function TablePage() {
  const { table = '' } = useParams();
  const config = useConfig();
  const region = useRegion();
  const linkTo = useLinkTo();
  const navigate = useNavigate();
  const session = useConsoleSession();
  const described = useQuery(dynamodbQueries.description(region, table));
  const info = described.data;

  const [params, setParams] = useSearchState(BUILDER_PARAMS);
  const applied = useMemo(() => draftFromParams(params), [params]);
  const appliedKey = JSON.stringify(applied);
  const [draft, setDraft] = useState<BuilderDraft>(applied);
  const [draftOf, setDraftOf] = useState(appliedKey);
  // The URL changed from outside (back button, a link): the builder shows what is in force.
  if (draftOf !== appliedKey) {
    setDraftOf(appliedKey);
    setDraft(applied);
  }
  const [fieldErrors, setFieldErrors] = useState<Record<string, string | undefined>>({});

  const targets: BuilderTarget[] = useMemo(() => {
    if (!info) return [];
    const keys = (k: KeySchemaInfo) =>
      `${k.partition.name} (${k.partition.type})${k.sort ? `, ${k.sort.name} (${k.sort.type})` : ''}`;
    return [
      {
        id: '',
        label: `Table ${info.name}: ${keys(info)}`,
        partition: info.partition,
        ...(info.sort ? { sort: info.sort } : {}),
      },
      ...info.indexes.map((i) => ({
        id: i.name,
        label: `${i.kind === 'global' ? 'GSI' : 'LSI'} ${i.name}: ${keys(i)}`,
        partition: i.partition,
        ...(i.sort ? { sort: i.sort } : {}),
      })),
    ];
  }, [info]);
  const indexOf = (name: string) => info?.indexes.find((i) => i.name === name);

  /** A builder state as a request, or the problems per field. */
  function requestOf(d: BuilderDraft): { request?: ReadRequest; errors: Record<string, string> } {
    if (!info) return { errors: {} };
    const spec = specFromDraft(d);
    const index = spec.index ? indexOf(spec.index) : undefined;
    if (spec.index && !index) return { errors: { general: `The table has no index ${spec.index}` } };
    try {
      return { request: buildReadRequest(spec, info.name, index ?? info, info), errors: {} };
    } catch (e) {
      if (e instanceof SpecError) return { errors: e.errors as Record<string, string> };
      throw e;
    }
  }

  const appliedSpec = specFromDraft(applied);
  const appliedIndex = appliedSpec.index ? indexOf(appliedSpec.index) : undefined;
  const appliedRequest = requestOf(applied).request;
  const draftResult = requestOf(draft);
  const preview = draftResult.request
    ? describeRequest(draftResult.request)
    : `${draft.mode === 'query' ? 'Query' : 'Scan'} on ${draft.index ? `index ${draft.index} of ` : ''}table ${table}: fix the fields marked above`;

  const itemList = useResourceList(
    {
      ...dynamodbQueries.items(
        region,
        appliedRequest ?? { operation: 'Scan', TableName: table },
        appliedSpec.pageSize,
        info ?? { partition: { name: '', type: 'S' } },
        appliedIndex,
      ),
      enabled: appliedRequest !== undefined && info !== undefined,
    },
    { firstDataMark: 'table' },
  );
  const items = itemList.query;
  const { rows } = itemList;
  const pages = items.data?.pages ?? [];
  const scanned = pages.reduce((n, p) => n + p.scanned, 0);
  const lastPage = pages.at(-1);

  // A refused request shows its message beside the builder field it concerns.
  const serverError = items.error ? toAppError(items.error) : undefined;
  const serverField = serverError?.kind === 'invalid' ? fieldOfMessage(serverError.message) : undefined;
  const errors = { ...fieldErrors, ...(serverField && serverError ? { [serverField]: serverError.message } : {}) };

  function run() {
    const { request, errors: problems } = requestOf(draft);
    setFieldErrors(problems);
    if (!request) return;
    setParams(paramsFromDraft(draft));
    // Running the same query again reads it again.
    if (JSON.stringify(draft) === appliedKey) void items.refetch();
  }

  const [selection, setSelection] = useState<RowSelection>({});
  const [editor, setEditor] = useState<EditorTarget | undefined>();
  const [editorId, setEditorId] = useState(0);
  const openEditor = (t: EditorTarget) => {
    setEditor(t);
    setEditorId((n) => n + 1);
  };
  const [isDeleteItemsOpen, setDeleteItemsOpen] = useState(false);
  const [isDeleteTableOpen, setDeleteTableOpen] = useState(false);
  const [importPlan, setImportPlan] = useState<{ plan: ImportPlan; fileName: string } | undefined>();
  const [importError, setImportError] = useState<string | undefined>();
  const fileRef = useRef<HTMLInputElement>(null);
  const deleteTable = useDeleteTable(region);
  const writeDenied = useDeniedReason('dynamodb:BatchWriteItem', info?.arn);
  const putDenied = useDeniedReason('dynamodb:PutItem', info?.arn);
  const deleteTableDenied = useDeniedReason('dynamodb:DeleteTable', info?.arn);

  const rowId = (item: Item) => (info ? keyText(item, info) : JSON.stringify(Object.keys(item)));
  const selectedItems = rows.filter((r) => selection[rowId(r)]);

  const isNarrow = useSyncExternalStore(subscribeNarrow, isNarrowNow, () => false);
  const columns = useMemo<ResourceTableColumn<Item>[]>(() => {
    if (!info) return [];
    const keyNames = [info.partition.name, ...(info.sort ? [info.sort.name] : [])];
    const indexNames = appliedIndex
      ? [appliedIndex.partition.name, ...(appliedIndex.sort ? [appliedIndex.sort.name] : [])]
      : [];
    const names = new Set<string>([...keyNames, ...indexNames]);
    for (const r of rows) for (const n of Object.keys(r)) names.add(n);
    return [...names].map((name, i): ResourceTableColumn<Item> => {
      const isKey = keyNames.includes(name);
      const isPinned = isNarrow ? name === info.partition.name : isKey;
      return column.accessor(
        (item: Item) => {
          const v = item[name];
          return v ? ('N' in v ? Number(v.N) : compactText(v)) : undefined;
        },
        {
          id: `a:${name}`,
          header: name,
          sortUndefined: 'last',
          meta: { isPinned, canHide: !isKey, width: isKey ? (isNarrow ? 150 : 180) : 160, label: name, isMono: false },
          cell: ({ row }) => {
            const v = row.original[name];
            if (!v)
              return (
                <span className="text-subtle" aria-label="absent">
                  –
                </span>
              );
            const sortKey = info.sort ? row.original[info.sort.name] : undefined;
            return (
              <AttributeCell
                text={compactText(v)}
                type={typeOf(v)}
                typeLabel={TYPE_LABELS[typeOf(v)]}
                {...(i === 0
                  ? {
                      onOpen: () => openEditor({ mode: 'edit', item: row.original }),
                      openLabel: `Open item ${compactText(v)}${sortKey ? ` ${compactText(sortKey)}` : ''}`,
                    }
                  : {})}
              />
            );
          },
        },
      ) as ResourceTableColumn<Item>;
    });
  }, [info, appliedIndex, rows, isNarrow]);

  if (described.error && !info) {
    return (
      <div className="flex flex-col gap-4">
        <PageHeader title={table} icon={<SERVICE_ICONS.dynamodb />} />
        <ErrorNotice {...errorProps(described.error, config, 'dynamodb', () => void described.refetch())} />
      </div>
    );
  }

  const target = appliedSpec.index ? `index ${appliedSpec.index}` : 'the table';
  const summary = items.data
    ? `${appliedSpec.mode === 'query' ? 'Query' : 'Scan'} on ${target}: ${formatNumber(scanned)} scanned, ${formatCount(rows.length, items.hasNextPage)} matched`
    : undefined;

  const tableError = items.error ? (
    serverField && serverField !== 'general' ? (
      <ErrorNotice
        kind="invalid"
        message={`DynamoDB refused the request: ${serverError?.message ?? ''} (see the builder above).`}
      />
    ) : (
      <ErrorNotice {...errorProps(items.error, config, 'dynamodb', () => void items.refetch())} />
    )
  ) : undefined;

  return (
    <div className="flex flex-col gap-4">
      <PageHeader
        title={table}
        icon={<SERVICE_ICONS.dynamodb />}
        description={
          info ? (
            <span className="flex flex-wrap items-center gap-x-3 gap-y-1">
              <StatusBadge status={info.status} />
              <span>
                Partition key <code className="font-mono">{info.partition.name}</code> (
                {TYPE_LABELS[info.partition.type]})
                {info.sort && (
                  <>
                    , sort key <code className="font-mono">{info.sort.name}</code> ({TYPE_LABELS[info.sort.type]})
                  </>
                )}
              </span>
              <span>{formatNumber(info.itemCount)} items</span>
              <span>{formatBytes(info.sizeBytes)}</span>
              <span>
                {info.billingMode === 'PROVISIONED'
                  ? `Provisioned ${info.readCapacity ?? 0} R / ${info.writeCapacity ?? 0} W`
                  : 'On-demand'}
              </span>
            </span>
          ) : (
            <Skeleton className="h-4 w-72" />
          )
        }
        actions={
          <>
            <Button
              variant="primary"
              icon={<Plus aria-hidden />}
              disabledReason={putDenied ?? (info ? undefined : 'Loading the table…')}
              onClick={() => openEditor({ mode: 'create' })}
            >
              Create item
            </Button>
            <ActionsMenu
              disabledReason={info ? undefined : 'Loading the table…'}
              items={[
                {
                  label: 'Export loaded items as JSON',
                  icon: <Download aria-hidden />,
                  disabledReason: rows.length ? undefined : 'No items loaded',
                  onSelect: () => info && exportFile(table, rows, 'json', info),
                },
                {
                  label: 'Export loaded items as CSV',
                  icon: <Download aria-hidden />,
                  disabledReason: rows.length ? undefined : 'No items loaded',
                  onSelect: () => info && exportFile(table, rows, 'csv', info),
                },
                {
                  label: 'Export all matching as JSON',
                  icon: <Download aria-hidden />,
                  separatorBefore: true,
                  disabledReason: appliedRequest ? undefined : 'Fix the query first',
                  onSelect: () =>
                    info &&
                    appliedRequest &&
                    startExportAll(session, {
                      region,
                      request: appliedRequest,
                      tableKeys: info,
                      indexKeys: appliedIndex,
                      format: 'json',
                    }),
                },
                {
                  label: 'Export all matching as CSV',
                  icon: <Download aria-hidden />,
                  disabledReason: appliedRequest ? undefined : 'Fix the query first',
                  onSelect: () =>
                    info &&
                    appliedRequest &&
                    startExportAll(session, {
                      region,
                      request: appliedRequest,
                      tableKeys: info,
                      indexKeys: appliedIndex,
                      format: 'csv',
                    }),
                },
                {
                  label: 'Import items from JSON…',
                  icon: <FileUp aria-hidden />,
                  separatorBefore: true,
                  disabledReason: writeDenied,
                  onSelect: () => fileRef.current?.click(),
                },
                {
                  label: 'Delete table',
                  icon: <Trash2 aria-hidden />,
                  isDestructive: true,
                  separatorBefore: true,
                  disabledReason: deleteTableDenied,
                  onSelect: () => setDeleteTableOpen(true),
                },
              ]}
            />
          </>
        }
      />
      <input
        ref={fileRef}
        type="file"
        accept="application/json,.json"
        aria-label="Import file"
        className="sr-only"
        tabIndex={-1}
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (!file || !info) return;
          setImportError(undefined);
          void file.text().then((text) => {
            try {
              setImportPlan({ plan: planImport(text, info), fileName: file.name });
            } catch (err) {
              setImportError(`${file.name}: ${(err as Error).message}`);
            }
          });
        }}
      />
      {importError && <ErrorNotice kind="invalid" message={importError} />}

      {info ? (
        <QueryBuilder
          targets={targets}
          draft={draft}
          onChange={(d) => {
            setDraft(d);
            setFieldErrors({});
          }}
          onRun={run}
          errors={errors}
          preview={preview}
          isRunning={items.isFetching && !items.isFetchingNextPage}
        />
      ) : (
        <Skeleton className="h-48 w-full" />
      )}

      <ResourceTable<Item>
        label="Items"
        columns={columns}
        rows={rows}
        getRowId={rowId}
        getRowLabel={(r) => (info ? formatItem(keyOf(r, info), 'plain', 0) : '')}
        storageKey={`dynamodb-items-${table}`}
        isLoading={described.isPending || (items.isPending && appliedRequest !== undefined)}
        loadingText={retryingText(items)}
        error={tableError}
        hasNextPage={items.hasNextPage}
        isFetchingNextPage={items.isFetchingNextPage}
        onLoadMore={() => void items.fetchNextPage()}
        selection={selection}
        onSelectionChange={setSelection}
        onRowOpen={(item) => openEditor({ mode: 'edit', item })}
        toolbar={
          <>
            <p role="status" className="text-sm text-muted">
              {/* Without the table's description there is no query to judge yet: it is loading, not wrong. */}
              {summary ?? (appliedRequest || !info ? '' : 'Fix the query above to see items.')}
              {lastPage?.isCapped &&
                ' · this page stopped after 10 requests with few matches; scroll on to keep reading'}
            </p>
            {selectedItems.length > 0 && (
              <Button
                size="sm"
                variant="danger"
                icon={<Trash2 aria-hidden />}
                disabledReason={writeDenied}
                onClick={() => setDeleteItemsOpen(true)}
              >
                Delete {selectedItems.length === 1 ? 'item' : `${formatNumber(selectedItems.length)} items`}
              </Button>
            )}
          </>
        }
        empty={
          <EmptyState
            title={appliedSpec.mode === 'query' ? 'No items match this query' : `No items in ${table}`}
            description={
              appliedSpec.filters.length
                ? `${formatNumber(scanned)} items were read; none matched the filters.`
                : appliedSpec.mode === 'query'
                  ? 'Check the partition key value and the sort key condition.'
                  : 'Create an item, or import items from a JSON file.'
            }
            action={
              <Button
                variant="primary"
                icon={<Plus aria-hidden />}
                disabledReason={putDenied}
                onClick={() => openEditor({ mode: 'create' })}
              >
                Create item
              </Button>
            }
          />
        }
      />

      {editor && info && (
        <ItemEditor
          key={editorId}
          region={region}
          table={table}
          tableArn={info.arn}
          keys={info}
          target={editor}
          onClose={() => setEditor(undefined)}
          onOpen={openEditor}
        />
      )}
      <ConfirmDialog
        open={isDeleteItemsOpen}
        onOpenChange={setDeleteItemsOpen}
        verb="Delete"
        noun={{ one: 'item', other: 'items' }}
        names={info ? selectedItems.map((r) => formatItem(keyOf(r, info), 'plain', 0)) : []}
        title={selectedItems.length === 1 ? 'Delete 1 item?' : undefined}
        consequence="The items are deleted in batches of 25; progress and any failures show in the task tray. This cannot be undone."
        onConfirm={() => {
          if (!info) return;
          startBulkDelete(session, { region, table, keys: info, items: selectedItems });
          setSelection({});
          setDeleteItemsOpen(false);
        }}
      />
      <ConfirmDialog
        open={importPlan !== undefined}
        onOpenChange={(o) => !o && setImportPlan(undefined)}
        verb="Import"
        tone="primary"
        noun={{ one: 'item', other: 'items' }}
        names={[]}
        title={`Import ${formatNumber(importPlan?.plan.items.length ?? 0)} items into ${table}?`}
        confirmLabel={`Import ${formatNumber(importPlan?.plan.items.length ?? 0)} items`}
        consequence={
          importPlan && (
            <div className="flex flex-col gap-2">
              <p>
                From <code className="font-mono">{importPlan.fileName}</code> (
                {importPlan.plan.format === 'dynamodb' ? 'DynamoDB JSON' : 'plain JSON'}). Items whose key already
                exists are replaced.
              </p>
              {importPlan.plan.rejects.length > 0 && (
                <div>
                  <p className="font-medium text-danger">
                    {formatNumber(importPlan.plan.rejects.length)}{' '}
                    {importPlan.plan.rejects.length === 1 ? 'item is' : 'items are'} rejected and will not be imported:
                  </p>
                  <ul aria-label="Rejected items" className="mt-1 max-h-40 overflow-auto text-xs">
                    {importPlan.plan.rejects.slice(0, 50).map((r) => (
                      <li key={r.index}>
                        Item {r.index}: {r.message}
                      </li>
                    ))}
                    {importPlan.plan.rejects.length > 50 && (
                      <li>and {importPlan.plan.rejects.length - 50} more (listed in the task tray)</li>
                    )}
                  </ul>
                </div>
              )}
            </div>
          )
        }
        onConfirm={() => {
          if (!info || !importPlan) return;
          startImport(session, {
            region,
            table,
            keys: info,
            plan: importPlan.plan,
            fileName: importPlan.fileName,
          });
          setImportPlan(undefined);
        }}
      />
      <ConfirmDialog
        open={isDeleteTableOpen}
        onOpenChange={setDeleteTableOpen}
        verb="Delete"
        noun={{ one: 'table', other: 'tables' }}
        names={[table]}
        confirmText={table}
        consequence="The table and every item in it are deleted. This cannot be undone."
        mutation={deleteTable}
        onConfirm={async () => {
          await deleteTable.mutateAsync(table);
          void navigate(linkTo(routes.tables));
        }}
      />
    </div>
  );
}
