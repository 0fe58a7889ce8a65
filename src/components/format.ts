/** Formatting for what tables and details show: sizes, counts, times. Missing values show as "–". */

const DASH = '–';
const NUMBER = new Intl.NumberFormat('en-US');
const ONE_DECIMAL = new Intl.NumberFormat('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const UNITS = ['KiB', 'MiB', 'GiB', 'TiB'] as const;

/** 512 → "512 B", 1536 → "1.5 KiB", 5 GiB → "5.0 GiB" (binary units, one decimal). */
export function formatBytes(bytes: number | undefined | null): string {
  if (bytes === undefined || bytes === null || !Number.isFinite(bytes) || bytes < 0) return DASH;
  if (bytes < 1024) return `${NUMBER.format(bytes)} B`;
  let value = bytes / 1024;
  let unit = 0;
  // Step up while the rounded figure would reach 1024 ("1,024.0 KiB" reads worse than "1.0 MiB").
  while (unit < UNITS.length - 1 && Math.round(value * 10) / 10 >= 1024) {
    value /= 1024;
    unit++;
  }
  return `${ONE_DECIMAL.format(value)} ${UNITS[unit]}`;
}

/** 1234567 → "1,234,567". */
export function formatNumber(n: number | undefined | null): string {
  if (n === undefined || n === null || !Number.isFinite(n)) return DASH;
  return NUMBER.format(n);
}

/** An open-ended counter for token-paged lists: "1,000+" while more pages exist, never a made-up total. */
export function formatCount(n: number, hasMore = false): string {
  return hasMore ? `${formatNumber(n)}+` : formatNumber(n);
}

/** The word for a count: pluralize(1, 'object') → "object", pluralize(3, 'object') → "objects". */
export function pluralize(n: number, one: string, other = `${one}s`): string {
  return n === 1 ? one : other;
}

/** A count that says what it counts: "1 object", "3 objects", "1,000 objects". */
export function formatCountOf(n: number, one: string, other = `${one}s`): string {
  return `${formatNumber(n)} ${pluralize(n, one, other)}`;
}

type DateInput = Date | string | number | undefined | null;

function toDate(date: DateInput): Date | undefined {
  if (date === undefined || date === null || date === '') return undefined;
  const d = date instanceof Date ? date : new Date(date);
  return Number.isNaN(d.getTime()) ? undefined : d;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** "just now", "3 min ago", "2 h ago", "5 days ago"; beyond 30 days the date ("Mar 3, 2024"). */
export function formatRelativeTime(date: DateInput, now: Date | number = Date.now()): string {
  const d = toDate(date);
  if (!d) return DASH;
  const diff = (typeof now === 'number' ? now : now.getTime()) - d.getTime();
  const abs = Math.abs(diff);
  if (abs < 45_000) return 'just now';
  if (abs >= 30 * DAY) return formatDate(d);
  let text: string;
  if (abs < HOUR) text = `${Math.max(1, Math.round(abs / MINUTE))} min`;
  else if (abs < DAY) text = `${Math.round(abs / HOUR)} h`;
  else {
    const days = Math.round(abs / DAY);
    text = `${days} ${days === 1 ? 'day' : 'days'}`;
  }
  return diff >= 0 ? `${text} ago` : `in ${text}`;
}

/** "Mar 3, 2024". */
export function formatDate(date: DateInput): string {
  const d = toDate(date);
  return d ? d.toLocaleDateString('en-US', { year: 'numeric', month: 'short', day: 'numeric' }) : DASH;
}

/** The absolute local time: "Mar 3, 2024, 2:05:09 PM". */
export function formatDateTime(date: DateInput): string {
  const d = toDate(date);
  return d ? d.toLocaleString('en-US', { dateStyle: 'medium', timeStyle: 'medium' }) : DASH;
}

/** The ISO form for <time dateTime>, or undefined for a missing date. */
export function toIsoString(date: DateInput): string | undefined {
  return toDate(date)?.toISOString();
}
