// The last invocations made from this browser, per function; kept in localStorage, never sent.

export interface InvocationRecord {
  /** Epoch ms. */
  at: number;
  type: 'RequestResponse' | 'Event';
  qualifier?: string;
  status: number;
  /** "Succeeded", "Queued", or the failure in words. */
  outcome: string;
  isError: boolean;
  durationMs?: number;
  requestId?: string;
}

export const HISTORY_SIZE = 20;
const keyOf = (fn: string) => `console.lambda.history.${fn}`;

export function readHistory(fn: string): InvocationRecord[] {
  try {
    const raw: unknown = JSON.parse(localStorage.getItem(keyOf(fn)) ?? '[]');
    return Array.isArray(raw)
      ? raw.filter(
          (r): r is InvocationRecord =>
            typeof r === 'object' && r !== null && typeof (r as InvocationRecord).at === 'number',
        )
      : [];
  } catch {
    return [];
  }
}

/** Add one, newest first, keeping the last HISTORY_SIZE. */
export function recordInvocation(fn: string, record: InvocationRecord): InvocationRecord[] {
  const next = [record, ...readHistory(fn)].slice(0, HISTORY_SIZE);
  try {
    localStorage.setItem(keyOf(fn), JSON.stringify(next));
  } catch {
    // Storage full or blocked: the history is a convenience, the invoke itself succeeded.
  }
  return next;
}
