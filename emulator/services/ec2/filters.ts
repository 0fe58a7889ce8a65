import { AwsError } from '../../core/errors.js';
import type { QueryFilter } from '../../protocols/ec2-query.js';

/** EC2 filter values: `*` matches any run, `?` one character, `\` escapes either. */
export function wildcardRegex(pattern: string): RegExp {
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i] ?? '';
    if (c === '\\' && i + 1 < pattern.length) out += escapeRegex(pattern[++i] ?? '');
    else if (c === '*') out += '[\\s\\S]*';
    else if (c === '?') out += '[\\s\\S]';
    else out += escapeRegex(c);
  }
  return new RegExp(`^${out}$`);
}

function escapeRegex(c: string): string {
  return c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** The values an item has for a filter name; the filter matches if any of them matches. */
export type FieldReader<T> = (item: T, name: string) => string[];

/**
 * A predicate for a request's filters: values within one filter are ORed, filters are ANDed.
 * Unknown filter names are refused up front as EC2 does, whether or not anything would match.
 */
export function filterPredicate<T>(
  filters: QueryFilter[],
  read: FieldReader<T>,
  isKnown: (name: string) => boolean,
): (item: T) => boolean {
  const compiled = filters.map((f) => {
    if (!f.name) throw new AwsError('InvalidParameterValue', 'The filter name must not be empty');
    if (f.values.length === 0) throw new AwsError('InvalidParameterValue', `The filter '${f.name}' must have at least one value`);
    return { name: f.name, patterns: f.values.map(wildcardRegex) };
  });
  for (const f of compiled) if (!isKnown(f.name)) throw new AwsError('InvalidParameterValue', `The filter '${f.name}' is invalid`);
  return (item) =>
    compiled.every((f) => {
      const values = read(item, f.name);
      return values.some((v) => f.patterns.some((p) => p.test(v)));
    });
}
