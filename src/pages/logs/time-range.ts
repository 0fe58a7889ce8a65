import type { TimeRange } from '../../aws/logs/api';

export const RANGE_OPTIONS = [
  { value: '5m', label: 'Last 5 minutes', ms: 5 * 60_000 },
  { value: '1h', label: 'Last hour', ms: 3_600_000 },
  { value: '1d', label: 'Last day', ms: 86_400_000 },
  { value: 'custom', label: 'Custom range', ms: 0 },
] as const;

export type RangeId = (typeof RANGE_OPTIONS)[number]['value'];

export function rangeIdOf(v: string | undefined): RangeId {
  return RANGE_OPTIONS.some((o) => o.value === v) ? (v as RangeId) : '1h';
}

/** The range as epoch ms, or an error naming the bad field of a custom range. */
export function resolveRange(
  id: RangeId,
  custom: { start?: string | undefined; end?: string | undefined },
  now: number,
): { range: TimeRange; error?: string } {
  if (id !== 'custom') return { range: { start: now - (RANGE_OPTIONS.find((o) => o.value === id)?.ms ?? 0) } };
  const start = custom.start ? Date.parse(custom.start) : NaN;
  const end = custom.end ? Date.parse(custom.end) : undefined;
  if (Number.isNaN(start)) return { range: {}, error: 'Give the custom range a start time.' };
  if (end !== undefined && Number.isNaN(end)) return { range: {}, error: 'The end time is not a date and time.' };
  if (end !== undefined && end <= start) return { range: {}, error: 'The end time must come after the start time.' };
  return { range: { start, ...(end !== undefined ? { end } : {}) } };
}
