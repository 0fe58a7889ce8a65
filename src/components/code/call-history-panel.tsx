import { ChevronDown, ChevronRight, History } from 'lucide-react';
import { useMemo, useState } from 'react';
import { formatDateTime } from '../format';
import { Button } from '../ui/button';
import { CopyButton } from '../ui/copy-button';
import { Dialog } from '../ui/dialog';
import { StatusBadge } from '../ui/status-badge';
import { LANGUAGES, type CodeSnippets, type SnippetLanguage } from './code-snippets';
import { CodeTabs } from './code-tabs';

export interface HistoryRow {
  id: number;
  /** "ec2" */
  service: string;
  /** "StopInstances" */
  operation: string;
  resource: string;
  startedAt: number;
  durationMs?: number;
  outcome: 'pending' | 'ok' | 'error';
  error?: string;
}

export interface CallHistoryPanelProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** Oldest first, as the calls were made. */
  rows: readonly HistoryRow[];
  /** The code of one call, made when its row is opened. */
  codeOf: (id: number) => CodeSnippets | undefined;
  /** Every call in order as one script. */
  scriptOf: (language: SnippetLanguage) => string;
  onClear: () => void;
  /** How many calls are kept. */
  limit: number;
}

const timeOf = (ms: number) =>
  new Date(ms).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', second: '2-digit' });

function HistoryItem({ row, codeOf }: { row: HistoryRow; codeOf: (id: number) => CodeSnippets | undefined }) {
  const [isOpen, setOpen] = useState(false);
  const snippets = isOpen ? codeOf(row.id) : undefined;
  const outcome =
    row.outcome === 'ok'
      ? 'Succeeded'
      : row.outcome === 'pending'
        ? 'In progress'
        : `Failed${row.error ? ` (${row.error})` : ''}`;
  return (
    <li className="border-b border-border last:border-b-0">
      <button
        type="button"
        aria-expanded={isOpen}
        onClick={() => setOpen(!isOpen)}
        className="flex w-full min-w-0 flex-wrap items-center gap-x-3 gap-y-1 px-2 py-2 text-left text-sm hover:bg-surface-3"
      >
        {isOpen ? (
          <ChevronDown aria-hidden className="size-4 shrink-0" />
        ) : (
          <ChevronRight aria-hidden className="size-4 shrink-0" />
        )}
        <time
          dateTime={new Date(row.startedAt).toISOString()}
          title={formatDateTime(row.startedAt)}
          className="shrink-0 tabular-nums text-muted"
        >
          {timeOf(row.startedAt)}
        </time>
        <span className="shrink-0 font-medium">
          <span className="text-muted">{row.service} </span>
          {row.operation}
        </span>
        <span className="min-w-0 flex-1 truncate font-mono text-xs" title={row.resource}>
          {row.resource}
        </span>
        <span className="sr-only">{outcome}</span>
        <StatusBadge
          status={row.outcome === 'ok' ? 'ok' : row.outcome === 'pending' ? 'pending' : 'error'}
          label={row.outcome === 'error' ? (row.error ?? 'failed') : row.outcome === 'ok' ? 'ok' : 'pending'}
        />
        <span className="w-16 shrink-0 text-right text-xs tabular-nums text-muted">
          {row.durationMs !== undefined ? `${row.durationMs} ms` : ''}
        </span>
      </button>
      {isOpen && snippets && (
        <div className="px-2 pb-3">
          <CodeTabs snippets={snippets} label={`Code for ${row.operation}`} />
        </div>
      )}
    </li>
  );
}

/** The session's calls (newest first), each with its code, and all of them as one script. */
export function CallHistoryPanel({
  open,
  onOpenChange,
  rows,
  codeOf,
  scriptOf,
  onClear,
  limit,
}: CallHistoryPanelProps) {
  const [language, setLanguage] = useState<SnippetLanguage>('cli');
  const newestFirst = useMemo(() => [...rows].reverse(), [rows]);
  // Only while open: 200 calls as a script is work nobody needs while the panel is closed.
  const script = useMemo(() => (open && rows.length ? scriptOf(language) : ''), [open, rows, language, scriptOf]);
  const what = LANGUAGES.find((l) => l.id === language)?.label ?? language;
  return (
    <Dialog
      open={open}
      onOpenChange={onOpenChange}
      size="xl"
      title="Call history"
      description={`The last ${limit} calls this tab made to AWS, newest first. Open one for its code.`}
      footer={
        <>
          <Button type="button" variant="ghost" size="sm" onClick={onClear} disabled={rows.length === 0}>
            Clear
          </Button>
          <label className="flex items-center gap-1.5 text-sm">
            <span className="text-muted">Script in</span>
            <select
              value={language}
              onChange={(e) => setLanguage(e.target.value as SnippetLanguage)}
              className="h-7 rounded-md border border-border-strong bg-surface px-1.5 text-sm text-fg"
            >
              {LANGUAGES.map((l) => (
                <option key={l.id} value={l.id}>
                  {l.label}
                </option>
              ))}
            </select>
          </label>
          <span className="inline-flex items-center gap-1 text-sm">
            Copy all as a script
            <CopyButton value={script} label={`all ${rows.length} calls as one ${what} script`} />
          </span>
        </>
      }
    >
      {rows.length === 0 ? (
        <div className="flex flex-col items-center gap-2 py-8 text-center text-sm text-muted">
          <History aria-hidden className="size-6" />
          No calls yet in this tab. Lists and actions appear here as the console makes them.
        </div>
      ) : (
        <ol aria-label="Calls, newest first" className="rounded-md border border-border">
          {newestFirst.map((row) => (
            <HistoryItem key={row.id} row={row} codeOf={codeOf} />
          ))}
        </ol>
      )}
    </Dialog>
  );
}
