import { useState } from 'react';
import { formatBytes } from '../format';
import { CopyButton } from '../ui/copy-button';
import { pairsOf } from './secret-json';

/** A value as GetSecretValue answered it; the page keeps it in component state only. */
export type SecretValueData = { kind: 'string'; text: string } | { kind: 'binary'; base64: string; size: number };

export interface SecretValueViewProps {
  value: SecretValueData;
}

const TAB =
  'rounded-md px-2.5 py-1 text-xs font-medium text-muted hover:text-fg aria-pressed:bg-surface-3 aria-pressed:text-fg';

/** A revealed value: JSON as key/value rows or raw, plain text raw, binary as base64 with its size; each copyable. */
export function SecretValueView({ value }: SecretValueViewProps) {
  const pairs = value.kind === 'string' ? pairsOf(value.text) : undefined;
  const [view, setView] = useState<'pairs' | 'raw'>('pairs');

  if (value.kind === 'binary') {
    return (
      <div className="flex flex-col gap-2" data-secret-value>
        <div className="flex items-center justify-between gap-2">
          <p className="text-xs text-muted">Binary value, {formatBytes(value.size)}, shown as base64</p>
          <CopyButton value={value.base64} label="value as base64" />
        </div>
        <pre className="max-h-80 overflow-auto rounded-md border border-border bg-surface-2 p-3 font-mono text-xs break-all whitespace-pre-wrap">
          {value.base64}
        </pre>
      </div>
    );
  }

  const isPairs = pairs !== undefined && view === 'pairs';
  return (
    <div className="flex flex-col gap-2" data-secret-value>
      <div className="flex flex-wrap items-center justify-between gap-2">
        {pairs ? (
          <div role="group" aria-label="Show the value as" className="flex gap-1">
            <button type="button" className={TAB} aria-pressed={view === 'pairs'} onClick={() => setView('pairs')}>
              Key/value
            </button>
            <button type="button" className={TAB} aria-pressed={view === 'raw'} onClick={() => setView('raw')}>
              Raw
            </button>
          </div>
        ) : (
          <p className="text-xs text-muted">Plaintext</p>
        )}
        <CopyButton value={value.text} label="the whole value" />
      </div>
      {isPairs ? (
        <table className="w-full table-fixed border-collapse text-sm">
          <thead>
            <tr className="border-b border-border text-left text-xs text-muted">
              <th scope="col" className="w-2/5 py-1.5 pr-2 font-medium">
                Key
              </th>
              <th scope="col" className="py-1.5 font-medium">
                Value
              </th>
            </tr>
          </thead>
          <tbody>
            {pairs.map((p) => (
              <tr key={p.key} className="border-b border-border last:border-0">
                <th scope="row" className="py-1.5 pr-2 text-left align-top font-mono text-xs font-normal break-all">
                  {p.key}
                </th>
                <td className="py-1.5">
                  <span className="flex items-start justify-between gap-2">
                    <span className="min-w-0 font-mono text-xs break-all">{p.value}</span>
                    <CopyButton value={p.value} label={`value of ${p.key}`} />
                  </span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <pre className="max-h-80 overflow-auto rounded-md border border-border bg-surface-2 p-3 font-mono text-xs break-all whitespace-pre-wrap">
          {value.text}
        </pre>
      )}
    </div>
  );
}
