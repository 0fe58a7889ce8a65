import type { BuilderDraft, BuilderFilter } from '../../components/dynamodb/query-builder';
import type { TableInfo } from '../../aws/dynamodb/api';
import type { Filter, FilterOp, FilterType, QuerySpec, ReadRequest, SortKeyOp } from '../../aws/dynamodb/expressions';
import { buildReadRequest, FILTER_OPS, FILTER_TYPES, SORT_KEY_OPS, SpecError } from '../../aws/dynamodb/expressions';

/** The URL params that hold the builder's state (a query is a deep link; page tokens never are). */
export const BUILDER_PARAMS = ['mode', 'index', 'pk', 'skop', 'sk', 'sk2', 'f', 'proj', 'size'] as const;
export type BuilderParams = Record<(typeof BUILDER_PARAMS)[number], string | undefined>;

export const DEFAULT_PAGE_SIZE = 50;

function filtersOf(text: string | undefined): BuilderFilter[] {
  if (!text) return [];
  try {
    const raw: unknown = JSON.parse(text);
    if (!Array.isArray(raw)) return [];
    return raw.flatMap((f: unknown) =>
      Array.isArray(f) && f.length === 4 && f.every((x) => typeof x === 'string')
        ? [{ name: f[0] as string, op: f[1] as string, type: f[2] as string, value: f[3] as string }]
        : [],
    );
  } catch {
    return [];
  }
}

export function draftFromParams(p: BuilderParams): BuilderDraft {
  return {
    // A table opened without a query shows a Scan's first page; entering a key value makes it a Query.
    mode: p.mode === 'query' || p.mode === 'scan' ? p.mode : p.pk ? 'query' : 'scan',
    index: p.index ?? '',
    partitionValue: p.pk ?? '',
    sortOp: p.skop ?? '',
    sortValue: p.sk ?? '',
    sortValue2: p.sk2 ?? '',
    filters: filtersOf(p.f),
    projection: p.proj ?? '',
    pageSize: p.size ?? String(DEFAULT_PAGE_SIZE),
  };
}

export function paramsFromDraft(d: BuilderDraft): BuilderParams {
  return {
    mode: d.mode,
    index: d.index || undefined,
    pk: d.mode === 'query' ? d.partitionValue || undefined : undefined,
    skop: d.mode === 'query' ? d.sortOp || undefined : undefined,
    sk: d.mode === 'query' && d.sortOp ? d.sortValue || undefined : undefined,
    sk2: d.mode === 'query' && d.sortOp === 'between' ? d.sortValue2 || undefined : undefined,
    f: d.filters.length > 0 ? JSON.stringify(d.filters.map((f) => [f.name, f.op, f.type, f.value])) : undefined,
    proj: d.projection.trim() || undefined,
    size: d.pageSize === String(DEFAULT_PAGE_SIZE) ? undefined : d.pageSize,
  };
}

const oneOf = <T extends string>(list: readonly T[], v: string, fallback: T): T =>
  (list as readonly string[]).includes(v) ? (v as T) : fallback;

export function specFromDraft(d: BuilderDraft): QuerySpec {
  const sortOp = d.sortOp ? oneOf<SortKeyOp>(SORT_KEY_OPS, d.sortOp, '=') : undefined;
  return {
    mode: d.mode,
    ...(d.index ? { index: d.index } : {}),
    partitionValue: d.partitionValue,
    ...(sortOp ? { sortOp } : {}),
    sortValue: d.sortValue,
    sortValue2: d.sortValue2,
    filters: d.filters.map((f): Filter => ({
      name: f.name,
      op: oneOf<FilterOp>(FILTER_OPS, f.op, '='),
      type: oneOf<FilterType>(FILTER_TYPES, f.type, 'S'),
      value: f.value,
    })),
    projection: d.projection
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    pageSize: Number(d.pageSize) || DEFAULT_PAGE_SIZE,
  };
}

/** A builder state as the request it runs, or the problems per field. */
export function requestOf(
  d: BuilderDraft,
  info: TableInfo | undefined,
): { request?: ReadRequest; errors: Record<string, string> } {
  if (!info) return { errors: {} };
  const spec = specFromDraft(d);
  const index = spec.index ? info.indexes.find((i) => i.name === spec.index) : undefined;
  if (spec.index && !index) return { errors: { general: `The table has no index ${spec.index}` } };
  try {
    return { request: buildReadRequest(spec, info.name, index ?? info, info), errors: {} };
  } catch (e) {
    if (e instanceof SpecError) return { errors: e.errors as Record<string, string> };
    throw e;
  }
}
