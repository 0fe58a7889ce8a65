import { useMemo, useState } from 'react';
import type { TableInfo } from '../../aws/dynamodb/api';
import { describeRequest, type KeySchemaInfo } from '../../aws/dynamodb/expressions';
import { QueryBuilder, type BuilderDraft, type BuilderTarget } from '../../components/dynamodb/query-builder';
import { requestOf } from './builder-state';

export interface QueryPanelProps {
  info: TableInfo;
  /** The query in force (from the URL). */
  applied: BuilderDraft;
  /** DynamoDB's refusal of the applied query, by builder field. */
  serverErrors: Record<string, string>;
  /** Run a valid draft: the page puts it in the URL (or reads again when it is the one in force). */
  onRun: (draft: BuilderDraft) => void;
  isRunning: boolean;
}

/**
 * The query builder with its own draft: typing changes this panel only, so the page and its items
 * table do not re-render on every keystroke. The draft follows the URL when that changes from outside.
 */
export function QueryPanel({ info, applied, serverErrors, onRun, isRunning }: QueryPanelProps) {
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

  const draftResult = requestOf(draft, info);
  const preview = draftResult.request
    ? describeRequest(draftResult.request)
    : `${draft.mode === 'query' ? 'Query' : 'Scan'} on ${draft.index ? `index ${draft.index} of ` : ''}table ${info.name}: fix the fields marked above`;

  return (
    <QueryBuilder
      targets={targets}
      draft={draft}
      onChange={(d) => {
        setDraft(d);
        setFieldErrors({});
      }}
      onRun={() => {
        setFieldErrors(draftResult.errors);
        if (draftResult.request) onRun(draft);
      }}
      errors={{ ...fieldErrors, ...serverErrors }}
      preview={preview}
      isRunning={isRunning}
    />
  );
}
