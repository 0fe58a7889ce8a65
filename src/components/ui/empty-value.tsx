/** The mark for a value that is absent (no IP, no size for a folder): the same dash in every table and list. */
export function EmptyValue() {
  return <span className="text-muted">–</span>;
}

/** Whether a cell's value counts as absent. */
export function isEmptyValue(value: unknown): boolean {
  return value === undefined || value === null || value === '';
}
