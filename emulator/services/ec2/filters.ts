import { AwsError } from '../../core/errors.js';
import type { QueryFilter } from '../../protocols/ec2-query.js';

type Token = { kind: 'star' } | { kind: 'one' } | { kind: 'char'; c: string };

/**
 * EC2 filter values: `*` matches any run, `?` one character, `\` escapes either. Matched by a
 * linear-backtracking glob rather than a RegExp, so no pattern can make a request run for long.
 */
export function wildcardMatcher(pattern: string): (value: string) => boolean {
  const tokens: Token[] = [];
  const chars = [...pattern];
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i] ?? '';
    if (c === '\\' && i + 1 < chars.length) tokens.push({ kind: 'char', c: chars[++i] ?? '' });
    else if (c === '*') tokens.push({ kind: 'star' });
    else if (c === '?') tokens.push({ kind: 'one' });
    else tokens.push({ kind: 'char', c });
  }
  return (value) => globMatch(tokens, [...value]);
}

function globMatch(tokens: Token[], text: string[]): boolean {
  let t = 0;
  let p = 0;
  let starAt = -1;
  let resumeAt = 0;
  while (t < text.length) {
    const tok = tokens[p];
    if (tok && (tok.kind === 'one' || (tok.kind === 'char' && tok.c === text[t]))) {
      t++;
      p++;
    } else if (tok?.kind === 'star') {
      starAt = p++;
      resumeAt = t;
    } else if (starAt >= 0) {
      // Let the last star swallow one more character and retry from there.
      p = starAt + 1;
      t = ++resumeAt;
    } else return false;
  }
  while (tokens[p]?.kind === 'star') p++;
  return p === tokens.length;
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
    if (f.values.length === 0)
      throw new AwsError('InvalidParameterValue', `The filter '${f.name}' must have at least one value`);
    return { name: f.name, patterns: f.values.map(wildcardMatcher) };
  });
  for (const f of compiled)
    if (!isKnown(f.name)) throw new AwsError('InvalidParameterValue', `The filter '${f.name}' is invalid`);
  return (item) =>
    compiled.every((f) => {
      const values = read(item, f.name);
      return values.some((v) => f.patterns.some((matches) => matches(v)));
    });
}
