import { useState, type FormEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import { createColumnHelper } from '@tanstack/react-table';
import { Plus, Trash2 } from 'lucide-react';
import { useTagQueue, useUntagQueue } from '../../aws/sqs/mutations';
import { sqsQueries } from '../../aws/sqs/queries';
import type { QueueTag } from '../../aws/sqs/queue-api';
import { ErrorNotice } from '../../components/error-notice';
import { ResourceTable, type ResourceTableColumn } from '../../components/resource-table/resource-table';
import { Button, IconButton } from '../../components/ui/button';
import { EmptyState } from '../../components/ui/empty-state';
import { TextField } from '../../components/ui/field';
import { useConfig } from '../../app/config-context';
import { errorProps } from '../../app/error-props';
import { useDeniedReason } from '../../app/use-permission';
import { useRegion } from '../../app/use-region';
import { ErrorNote } from '../../components/ui/error-note';

export interface TagsTabProps {
  url: string;
  arn: string | undefined;
}

const column = createColumnHelper<QueueTag>();

function tagKeyError(key: string, existing: QueueTag[]): string | undefined {
  if (key === '') return undefined;
  if (key.length > 128) return 'At most 128 characters';
  if (/^aws:/i.test(key)) return 'Keys starting with aws: are reserved';
  if (existing.some((t) => t.key === key)) return 'This key exists: adding it again replaces its value';
  return undefined;
}

/** ListQueueTags, with add (TagQueue) and remove (UntagQueue). */
export function TagsTab({ url, arn }: TagsTabProps) {
  const config = useConfig();
  const region = useRegion();
  const tags = useQuery(sqsQueries.tags(region, url));
  const tag = useTagQueue();
  const untag = useUntagQueue();
  const tagDenied = useDeniedReason('sqs:TagQueue', arn);
  const untagDenied = useDeniedReason('sqs:UntagQueue', arn);
  const [key, setKey] = useState('');
  const [value, setValue] = useState('');
  const rows = tags.data ?? [];
  const keyError = tagKeyError(key, rows);
  const isReplacing = rows.some((t) => t.key === key);

  async function add(e: FormEvent) {
    e.preventDefault();
    if (key === '' || (keyError && !isReplacing) || value.length > 256) return;
    try {
      await tag.mutateAsync({ region, url, tags: { [key]: value } });
      setKey('');
      setValue('');
    } catch {
      // tag.failure is shown beside the form.
    }
  }

  const columns: ResourceTableColumn<QueueTag>[] = [
    column.accessor('key', { id: 'key', header: 'Key', meta: { isPinned: true, isMono: true, width: 240 } }),
    column.accessor('value', { id: 'value', header: 'Value', meta: { isMono: true, width: 320 } }),
    column.display({
      id: 'remove',
      header: 'Actions',
      cell: ({ row }) => (
        <IconButton
          size="sm"
          label={`Remove tag ${row.original.key}`}
          icon={<Trash2 aria-hidden />}
          disabledReason={untagDenied}
          onClick={() => untag.mutate({ region, url, keys: [row.original.key] })}
        />
      ),
      meta: { width: 100 },
    }),
  ];

  const failure = tag.failure ?? untag.failure;
  return (
    <div className="flex flex-col gap-4">
      <form onSubmit={(e) => void add(e)} className="flex flex-wrap items-start gap-3" aria-label="Add a tag">
        <TextField
          className="w-56"
          label="Key"
          value={key}
          onChange={setKey}
          error={isReplacing ? undefined : keyError}
          hint={isReplacing ? 'This key exists: its value will be replaced' : undefined}
          autoComplete="off"
        />
        <TextField
          className="w-72"
          label="Value"
          value={value}
          onChange={setValue}
          error={value.length > 256 ? 'At most 256 characters' : undefined}
          autoComplete="off"
        />
        <Button
          type="submit"
          className="mt-6"
          icon={<Plus aria-hidden />}
          isLoading={tag.isPending}
          disabledReason={tagDenied ?? (key === '' ? 'Enter a key' : undefined)}
        >
          {isReplacing ? 'Replace tag' : 'Add tag'}
        </Button>
      </form>
      {failure && <ErrorNote>{failure}</ErrorNote>}
      <ResourceTable
        label="Tags"
        columns={columns}
        rows={rows}
        getRowId={(t) => t.key}
        height={rows.length > 0 ? `${Math.min(rows.length, 8) * 40 + 38}px` : undefined}
        isLoading={tags.isPending}
        error={
          tags.error ? <ErrorNotice {...errorProps(tags.error, config, 'sqs', () => void tags.refetch())} /> : undefined
        }
        empty={<EmptyState title="No tags" description="Tags label the queue for cost reports and access policies." />}
      />
    </div>
  );
}
