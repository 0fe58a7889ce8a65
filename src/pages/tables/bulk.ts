import { batchWrite, readPage, type ItemPage } from '../../aws/dynamodb/api';
import { formatItem, type Item } from '../../aws/dynamodb/attribute-value';
import type { KeySchemaInfo, ReadRequest } from '../../aws/dynamodb/expressions';
import { keyOf } from '../../aws/dynamodb/optimistic-lock';
import { itemsToCsv, itemsToJson, type ImportPlan } from '../../aws/dynamodb/transfer';
import { startAwsTask } from '../../app/aws-task';
import type { ConsoleSession } from '../../app/console-session';
import { dynamodbKeys } from '../../aws/dynamodb/queries';

/** Saves text as a file through a temporary link (no server round trip). */
export function download(text: string, filename: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export type ExportFormat = 'json' | 'csv';

export function exportText(items: Item[], format: ExportFormat, keys: KeySchemaInfo): string {
  return format === 'json'
    ? itemsToJson(items)
    : itemsToCsv(items, [keys.partition.name, ...(keys.sort ? [keys.sort.name] : [])]);
}

export function exportFile(table: string, items: Item[], format: ExportFormat, keys: KeySchemaInfo): void {
  download(exportText(items, format, keys), `${table}.${format}`, format === 'json' ? 'application/json' : 'text/csv');
}

const keyLabel = (item: Item, keys: KeySchemaInfo) => formatItem(keyOf(item, keys), 'plain', 0);

/** Every item the query matches, page after page, into one file; progress and cancel in the TaskTray. */
export function startExportAll(
  session: ConsoleSession,
  params: {
    region: string;
    request: ReadRequest;
    tableKeys: KeySchemaInfo;
    indexKeys?: KeySchemaInfo | undefined;
    format: ExportFormat;
    onDone?: (count: number) => void;
  },
): void {
  const { region, request, tableKeys, indexKeys, format } = params;
  const source = request.IndexName ? `${request.TableName} (${request.IndexName})` : request.TableName;
  startAwsTask(session, {
    title: `Export ${source} as ${format.toUpperCase()}`,
    items: [source],
    label: (s) => s,
    action: `dynamodb:${request.operation}`,
    run: async (_sources, ctx) => {
      const items: Item[] = [];
      let token: string | undefined;
      let scanned = 0;
      do {
        const page: ItemPage = await readPage(
          { region, request, pageSize: 1000, token, tableKeys, indexKeys },
          ctx.signal,
        );
        items.push(...page.items);
        scanned += page.scanned;
        token = page.nextToken;
        ctx.progress(items.length);
        ctx.setDetail(`${scanned.toLocaleString('en-US')} scanned, ${items.length.toLocaleString('en-US')} matched`);
      } while (token);
      exportFile(request.TableName, items, format, tableKeys);
      params.onDone?.(items.length);
    },
  });
}

/** BatchWriteItem deletes in 25s, retried with back-off; each item that fails is listed in the tray. */
export function startBulkDelete(
  session: ConsoleSession,
  params: { region: string; table: string; keys: KeySchemaInfo; items: Item[] },
): void {
  const { region, table, keys } = params;
  const byLabel = (item: Item) => keyLabel(item, keys);
  startAwsTask(session, {
    title: (items) =>
      `Delete ${items.length.toLocaleString('en-US')} ${items.length === 1 ? 'item' : 'items'} from ${table}`,
    items: params.items,
    label: byLabel,
    action: 'dynamodb:BatchWriteItem',
    total: params.items.length,
    invalidates: [dynamodbKeys.items(region, table)],
    run: async (items, ctx) => {
      const failedByKey = new Map(items.map((i) => [byLabel(i), i]));
      await batchWrite(
        { region, table, requests: items.map((i) => ({ delete: keyOf(i, keys) })) },
        {
          signal: ctx.signal,
          onProgress: (done) => ctx.progress(done),
          onFailure: (key, message) => ctx.failed(failedByKey.get(byLabel(key)) ?? key, message),
        },
      );
    },
  });
}

/** Puts the planned items (rejects listed in the tray first); existing items with the same key are replaced. */
export function startImport(
  session: ConsoleSession,
  params: { region: string; table: string; keys: KeySchemaInfo; plan: ImportPlan; fileName: string },
): void {
  const { region, table, keys, plan } = params;
  const byLabel = (item: Item) => keyLabel(item, keys);
  let isFirstRun = true;
  startAwsTask(session, {
    title: (items) =>
      items.length === plan.items.length
        ? `Import ${params.fileName} into ${table}`
        : `Import ${items.length.toLocaleString('en-US')} items of ${params.fileName} into ${table}`,
    items: plan.items,
    label: byLabel,
    action: 'dynamodb:BatchWriteItem',
    total: plan.items.length,
    invalidates: [dynamodbKeys.items(region, table)],
    run: async (items, ctx) => {
      // Lines the file could not turn into items are reported once, with the first run.
      if (isFirstRun) for (const r of plan.rejects) ctx.reject(`item ${r.index}`, `rejected: ${r.message}`);
      isFirstRun = false;
      const byKey = new Map(items.map((i) => [byLabel(i), i]));
      await batchWrite(
        { region, table, requests: items.map((item) => ({ put: item })) },
        {
          signal: ctx.signal,
          onProgress: (done) => ctx.progress(done),
          onFailure: (item, message) => ctx.failed(byKey.get(byLabel(item)) ?? item, message),
        },
      );
    },
  });
}
