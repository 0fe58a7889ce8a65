/**
 * CloudWatch Logs filter patterns as plain terms: every term must appear (case-sensitive), a "quoted phrase"
 * as written, a term starting with - must not appear, and ?term means any of the ?-terms.
 * An empty pattern matches everything. JSON and space-delimited patterns are not evaluated.
 */
export function matcher(pattern: string): (message: string) => boolean {
  const terms = [...pattern.matchAll(/([-?]?)(?:"((?:[^"\\]|\\.)*)"|(\S+))/g)].map((m) => ({
    op: m[1] ?? '',
    text: (m[2] ?? m[3] ?? '').replace(/\\(.)/g, '$1'),
  }));
  const required = terms.filter((t) => t.op === '' && t.text);
  const excluded = terms.filter((t) => t.op === '-' && t.text);
  const any = terms.filter((t) => t.op === '?' && t.text);
  return (message) =>
    required.every((t) => message.includes(t.text)) &&
    !excluded.some((t) => message.includes(t.text)) &&
    (any.length === 0 || any.some((t) => message.includes(t.text)));
}
