import { describeJsonError, validateJson } from '../json-editor/json-validate';
import { MAX_SECRET_BYTES, byteSize, pairsOf, pairsProblem, textOf, type SecretPair } from './secret-json';

/** A value being written: key/value rows or raw text; the editor switches between them. */
export interface SecretDraft {
  mode: 'pairs' | 'raw';
  pairs: SecretPair[];
  raw: string;
}

export const emptyDraft = (): SecretDraft => ({ mode: 'pairs', pairs: [{ key: '', value: '' }], raw: '' });

/** The text that will be stored. */
export function draftText(draft: SecretDraft): string {
  return draft.mode === 'pairs' ? textOf(draft.pairs) : draft.raw;
}

/** Raw text that looks like JSON must parse; plain text is stored as it is. */
export function jsonCheck(raw: string): { isJson: boolean; problem?: string } {
  const start = raw.trimStart()[0];
  if (start !== '{' && start !== '[') return { isJson: false };
  const error = validateJson(raw);
  return error ? { isJson: true, problem: `Not valid JSON. ${describeJsonError(error)}` } : { isJson: true };
}

/** Why the draft cannot be stored (empty, a bad row, broken JSON, over 64 KB), or undefined. */
export function draftProblem(draft: SecretDraft): string | undefined {
  if (draft.mode === 'pairs') {
    const problem = pairsProblem(draft.pairs);
    if (problem) return problem;
  } else {
    if (draft.raw === '') return 'Enter a value';
    const check = jsonCheck(draft.raw);
    if (check.problem) return check.problem;
  }
  const size = byteSize(draftText(draft));
  if (size > MAX_SECRET_BYTES)
    return `The value is ${size.toLocaleString('en-US')} bytes; Secrets Manager takes at most 65,536`;
  return undefined;
}

/** Switch modes keeping the content: rows become their JSON; raw text becomes rows when it is a flat object. */
export function switchMode(draft: SecretDraft, mode: SecretDraft['mode']): SecretDraft {
  if (mode === draft.mode) return draft;
  if (mode === 'raw') return { ...draft, mode, raw: textOf(draft.pairs) };
  const pairs = draft.raw === '' ? [{ key: '', value: '' }] : pairsOf(draft.raw);
  return pairs ? { ...draft, mode, pairs } : draft;
}

/** Can the raw text be edited as rows? */
export function canUsePairs(draft: SecretDraft): boolean {
  return draft.mode === 'pairs' || draft.raw === '' || pairsOf(draft.raw) !== undefined;
}
