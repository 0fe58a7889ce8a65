import { useCallback, useMemo, useSyncExternalStore } from 'react';
import type { CallHistory, CallRecord } from '../aws/call-history';
import { codeFor, scriptOf } from '../aws/code/generate';
import { CallHistoryPanel, type HistoryRow } from '../components/code/call-history-panel';
import { activeSession } from '../aws/session';

const NONE: readonly CallRecord[] = [];
const noop = () => () => undefined;

/** The session's calls, newest last, re-rendering as calls are made (at most every 100 ms). */
export function useCallHistory(history: CallHistory | undefined = activeSession()?.history): readonly CallRecord[] {
  return useSyncExternalStore(history ? (cb) => history.subscribe(cb) : noop, () => history?.snapshot() ?? NONE);
}

const toRow = (r: CallRecord): HistoryRow => ({
  id: r.id,
  service: r.call.service,
  operation: r.call.operation,
  resource: r.resource,
  startedAt: r.startedAt,
  outcome: r.outcome,
  ...(r.durationMs !== undefined ? { durationMs: r.durationMs } : {}),
  ...(r.error ? { error: r.error } : {}),
});

const noteOf = (r: CallRecord) =>
  `${new Date(r.startedAt).toISOString()} ${r.call.operation}${r.resource ? ` ${r.resource}` : ''}: ${r.outcome === 'error' ? `failed (${r.error ?? 'error'})` : r.outcome}`;

/** Only mounted while open, so the rest of the shell never renders for a call. */
export default function OpenHistory({ history, onClose }: { history: CallHistory | undefined; onClose: () => void }) {
  const records = useCallHistory(history);
  const codeOf = useCallback(
    (id: number) => {
      const r = records.find((x) => x.id === id);
      return r ? codeFor(r.call) : undefined;
    },
    [records],
  );
  const script = useCallback(
    (language: 'cli' | 'boto3' | 'sdk') =>
      scriptOf(
        records.map((r) => ({ call: r.call, note: noteOf(r) })),
        language,
      ),
    [records],
  );
  const rows = useMemo(() => records.map(toRow), [records]);
  return (
    <CallHistoryPanel
      open
      onOpenChange={(open) => !open && onClose()}
      rows={rows}
      codeOf={codeOf}
      scriptOf={script}
      onClear={() => history?.clear()}
      limit={200}
    />
  );
}
