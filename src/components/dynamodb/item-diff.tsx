export interface ItemDiffRow {
  name: string;
  /** Compact texts; undefined when the attribute is absent in that version. */
  loaded?: string;
  current?: string;
  yours?: string;
}

export interface ItemDiffProps {
  rows: ItemDiffRow[];
  /** The current item no longer exists. */
  isDeleted?: boolean;
}

const cell = (v: string | undefined, isChanged: boolean) => (
  <td
    className={`border-b border-border px-2 py-1.5 align-top font-mono text-xs break-all ${isChanged ? 'bg-warning-soft' : ''}`}
  >
    {v === undefined ? <span className="text-muted italic">absent</span> : v}
  </td>
);

/**
 * Three versions of one item side by side, attribute by attribute: as you loaded it, as it is now,
 * and your edit. Cells that differ from the loaded version are marked, in colour and in words.
 */
export function ItemDiff({ rows, isDeleted = false }: ItemDiffProps) {
  return (
    <div className="flex min-w-0 flex-col gap-2">
      {isDeleted && <p className="text-sm font-medium text-danger">The item has been deleted since you loaded it.</p>}
      <div className="max-h-72 overflow-auto rounded-md border border-border">
        <table className="w-full min-w-[32rem] border-separate border-spacing-0 text-sm">
          <caption className="sr-only">Differences between the loaded, current and edited item</caption>
          <thead>
            <tr className="bg-surface-2 text-left text-xs text-muted">
              <th scope="col" className="sticky top-0 border-b border-border bg-surface-2 px-2 py-1.5">
                Attribute
              </th>
              <th scope="col" className="sticky top-0 border-b border-border bg-surface-2 px-2 py-1.5">
                When you loaded it
              </th>
              <th scope="col" className="sticky top-0 border-b border-border bg-surface-2 px-2 py-1.5">
                Now
              </th>
              <th scope="col" className="sticky top-0 border-b border-border bg-surface-2 px-2 py-1.5">
                Yours
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => {
              const theirs = r.current !== r.loaded;
              const mine = r.yours !== r.loaded;
              return (
                <tr key={r.name}>
                  <th
                    scope="row"
                    className="border-b border-border px-2 py-1.5 text-left align-top font-mono text-xs font-medium break-all"
                  >
                    {r.name}
                    {theirs && (
                      <span className="block font-sans text-[11px] font-normal text-warning">
                        changed by someone else
                      </span>
                    )}
                    {mine && <span className="block font-sans text-[11px] font-normal text-muted">changed by you</span>}
                  </th>
                  {cell(r.loaded, false)}
                  {cell(r.current, theirs)}
                  {cell(r.yours, mine)}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}
