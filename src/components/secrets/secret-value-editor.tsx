import { KeyRound, Plus, Trash2 } from 'lucide-react';
import { useId } from 'react';
import { formatBytes } from '../format';
import { Button, IconButton } from '../ui/button';
import { FieldError } from '../ui/field';
import { byteSize } from './secret-json';
import { canUsePairs, draftProblem, draftText, jsonCheck, switchMode, type SecretDraft } from './secret-draft';

export interface SecretValueEditorProps {
  draft: SecretDraft;
  onChange: (draft: SecretDraft) => void;
  /** Show the draft's problem (after a first submit, so an empty form does not start red). */
  isCheckShown?: boolean;
  /** Fill a value with a random password (GetRandomPassword); hidden when absent. */
  onGenerate?: () => void;
  isGenerating?: boolean;
  generateDisabledReason?: string;
}

const MODE =
  'rounded-md px-2.5 py-1 text-xs font-medium text-muted hover:text-fg aria-pressed:bg-surface-3 aria-pressed:text-fg aria-disabled:cursor-not-allowed aria-disabled:opacity-60';
const INPUT =
  'h-8 w-full min-w-0 rounded-md border border-border-strong bg-surface px-2 font-mono text-xs text-fg placeholder:text-subtle';

/** A secret value as key/value rows or raw text, with the JSON check and the 64 KB limit beside it. */
export function SecretValueEditor({
  draft,
  onChange,
  isCheckShown = false,
  onGenerate,
  isGenerating = false,
  generateDisabledReason,
}: SecretValueEditorProps) {
  const id = useId();
  const problem = draftProblem(draft);
  const text = draftText(draft);
  const rowsAllowed = canUsePairs(draft);
  const check = draft.mode === 'raw' ? jsonCheck(draft.raw) : undefined;
  const status = check
    ? check.problem
      ? undefined
      : check.isJson
        ? 'Valid JSON'
        : 'Plaintext, stored as typed'
    : 'Stored as a JSON object';
  const setPair = (i: number, patch: Partial<{ key: string; value: string }>) =>
    onChange({ ...draft, pairs: draft.pairs.map((p, j) => (j === i ? { ...p, ...patch } : p)) });

  return (
    <fieldset className="flex min-w-0 flex-col gap-2" aria-describedby={`${id}-status`}>
      <legend className="mb-1 text-sm font-medium">Secret value</legend>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <div role="group" aria-label="Edit the value as" className="flex gap-1">
          <button
            type="button"
            className={MODE}
            aria-pressed={draft.mode === 'pairs'}
            aria-disabled={!rowsAllowed || undefined}
            title={rowsAllowed ? undefined : 'Only a flat JSON object can be edited as rows'}
            onClick={() => rowsAllowed && onChange(switchMode(draft, 'pairs'))}
          >
            Key/value
          </button>
          <button
            type="button"
            className={MODE}
            aria-pressed={draft.mode === 'raw'}
            onClick={() => onChange(switchMode(draft, 'raw'))}
          >
            Plaintext
          </button>
        </div>
        {onGenerate && (
          <Button
            size="sm"
            icon={<KeyRound aria-hidden />}
            onClick={onGenerate}
            isLoading={isGenerating}
            disabledReason={generateDisabledReason}
          >
            Generate password
          </Button>
        )}
      </div>
      {draft.mode === 'pairs' ? (
        <div className="flex flex-col gap-1.5">
          {draft.pairs.map((p, i) => (
            <div key={i} className="flex items-center gap-1.5">
              <input
                className={`${INPUT} basis-2/5`}
                aria-label={`Key ${i + 1}`}
                placeholder="key"
                value={p.key}
                autoComplete="off"
                spellCheck={false}
                onChange={(e) => setPair(i, { key: e.target.value })}
              />
              <input
                className={`${INPUT} basis-3/5`}
                aria-label={`Value ${i + 1}`}
                placeholder="value"
                value={p.value}
                autoComplete="off"
                spellCheck={false}
                onChange={(e) => setPair(i, { value: e.target.value })}
              />
              <IconButton
                label={`Remove row ${i + 1}`}
                size="sm"
                icon={<Trash2 aria-hidden />}
                disabledReason={draft.pairs.length === 1 ? 'A value needs at least one row' : undefined}
                onClick={() => onChange({ ...draft, pairs: draft.pairs.filter((_, j) => j !== i) })}
              />
            </div>
          ))}
          <div>
            <Button
              size="sm"
              variant="ghost"
              icon={<Plus aria-hidden />}
              onClick={() => onChange({ ...draft, pairs: [...draft.pairs, { key: '', value: '' }] })}
            >
              Add row
            </Button>
          </div>
        </div>
      ) : (
        <textarea
          aria-label="Secret value as plaintext"
          className="min-h-32 w-full rounded-md border border-border-strong bg-surface p-2 font-mono text-xs text-fg"
          value={draft.raw}
          autoComplete="off"
          spellCheck={false}
          aria-invalid={(isCheckShown && problem !== undefined) || undefined}
          onChange={(e) => onChange({ ...draft, raw: e.target.value })}
        />
      )}
      <div id={`${id}-status`} className="flex flex-wrap justify-between gap-2 text-xs text-muted">
        <span>{status}</span>
        <span>{formatBytes(byteSize(text))} of 64 KiB</span>
      </div>
      {(isCheckShown || check?.problem) && problem && <FieldError>{problem}</FieldError>}
    </fieldset>
  );
}
