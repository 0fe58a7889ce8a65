import { CircleAlert, CircleCheck, Clock } from 'lucide-react';
import type { ReactNode } from 'react';

/** What the invoke panel shows of one invocation (the page maps the API's answer to it). */
export interface InvocationView {
  type: 'RequestResponse' | 'Event';
  status: number;
  requestId?: string | undefined;
  executedVersion?: string | undefined;
  payloadText: string;
  isJson: boolean;
  json?: unknown;
  error?: { kind: string; type: string; message: string; trace: string[]; summary: string } | undefined;
  logTail?: string | undefined;
  report?:
    | {
        durationMs: number;
        billedDurationMs: number;
        memorySizeMb: number;
        maxMemoryUsedMb: number;
        initDurationMs?: number | undefined;
      }
    | undefined;
  roundTripMs: number;
  retries: number;
}

export interface InvocationResultProps {
  result: InvocationView;
  /** Where the Event invocation's output will land (the function's log group, filtered to its request). */
  logsLink?: ReactNode;
}

function Figure({ label, value }: { label: string; value: string }) {
  return (
    <div className="flex min-w-0 flex-col">
      <dt className="text-xs text-muted">{label}</dt>
      <dd className="text-sm tabular-nums">{value}</dd>
    </div>
  );
}

const ms = (n: number) => `${n.toLocaleString('en-US', { maximumFractionDigits: 2 })} ms`;

/** The answer pretty-printed when it is JSON, as text otherwise. */
function payloadOf(r: InvocationView): string {
  if (r.isJson) return JSON.stringify(r.json, null, 2);
  return r.payloadText;
}

/**
 * One invocation's outcome: status and a plain-words failure, the payload, the REPORT figures and the
 * decoded log tail side by side (stacked on narrow screens).
 */
export function InvocationResult({ result: r, logsLink }: InvocationResultProps) {
  if (r.type === 'Event') {
    return (
      <section aria-label="Invocation result" className="flex flex-col gap-2 rounded-md border border-border p-3">
        <p className="flex items-center gap-2 text-sm">
          <Clock aria-hidden className="size-4 text-info" />
          <span>
            Queued (HTTP {r.status}). The function runs shortly; its output and any failure appear in its logs
            {r.requestId ? (
              <>
                {' '}
                under request <span className="font-mono">{r.requestId}</span>
              </>
            ) : null}
            .
          </span>
        </p>
        {logsLink}
      </section>
    );
  }
  const failed = r.error !== undefined;
  return (
    <section aria-label="Invocation result" className="flex min-w-0 flex-col gap-3">
      <div
        className={`flex items-start gap-2 rounded-md border px-3 py-2 text-sm ${failed ? 'border-danger bg-danger-soft text-danger' : 'border-success bg-success-soft text-success'}`}
        role={failed ? 'alert' : 'status'}
      >
        {failed ? (
          <CircleAlert aria-hidden className="mt-0.5 size-4 shrink-0" />
        ) : (
          <CircleCheck aria-hidden className="mt-0.5 size-4 shrink-0" />
        )}
        <div className="min-w-0">
          <p className="font-medium">
            {failed ? `Failed (${r.error?.kind === 'Handled' ? 'handled error' : 'unhandled error'})` : 'Succeeded'}{' '}
            <span className="font-normal">
              · HTTP {r.status}
              {r.executedVersion ? ` · version ${r.executedVersion}` : ''}
              {r.retries > 0 ? ` · after ${r.retries} throttled ${r.retries === 1 ? 'try' : 'tries'}` : ''}
            </span>
          </p>
          {failed && <p className="break-words">{r.error?.summary}</p>}
        </div>
      </div>
      <div className="grid min-w-0 gap-3 lg:grid-cols-2">
        <div className="flex min-w-0 flex-col gap-2">
          <h3 className="text-sm font-medium">{failed ? 'Error document' : 'Response'}</h3>
          <pre
            aria-label="Response payload"
            // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a scrollable box must be reachable by keyboard
            tabIndex={0}
            className="max-h-80 min-h-16 overflow-auto rounded-md border border-border bg-surface-2 p-2 font-mono text-xs break-all whitespace-pre-wrap"
          >
            {payloadOf(r) || <span className="text-muted">(empty response)</span>}
          </pre>
          <dl className="grid grid-cols-2 gap-2 sm:grid-cols-3" aria-label="Report">
            {r.report ? (
              <>
                <Figure label="Duration" value={ms(r.report.durationMs)} />
                <Figure label="Billed duration" value={ms(r.report.billedDurationMs)} />
                <Figure label="Max memory used" value={`${r.report.maxMemoryUsedMb} of ${r.report.memorySizeMb} MB`} />
                {r.report.initDurationMs !== undefined && (
                  <Figure label="Init duration" value={ms(r.report.initDurationMs)} />
                )}
              </>
            ) : (
              <Figure label="Report" value="No REPORT line in the log tail" />
            )}
            <Figure label="Round trip" value={ms(Math.round(r.roundTripMs))} />
          </dl>
        </div>
        <div className="flex min-w-0 flex-col gap-2">
          <h3 className="text-sm font-medium">Log tail</h3>
          <pre
            aria-label="Log tail"
            // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a scrollable box must be reachable by keyboard
            tabIndex={0}
            className="max-h-96 min-h-16 overflow-auto rounded-md border border-border bg-surface-2 p-2 font-mono text-xs break-all whitespace-pre-wrap"
          >
            {r.logTail ?? <span className="text-muted">(no log tail returned)</span>}
          </pre>
          {logsLink}
        </div>
      </div>
    </section>
  );
}
