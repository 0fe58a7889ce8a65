import { Eye } from 'lucide-react';
import { formatDate } from '../format';
import { RelativeTime } from '../relative-time';
import { Button } from '../ui/button';
import { CopyButton } from '../ui/copy-button';
import { StageBadge } from './stage-badge';

export interface VersionRow {
  id: string;
  stages: string[];
  createdAt?: Date;
  lastAccessedAt?: Date;
}

export interface VersionTableProps {
  versions: VersionRow[];
  /** Reveal one version's value; absent hides the column. */
  onReveal?: (versionId: string) => void;
  revealDisabledReason?: string;
}

const rank = (v: VersionRow) =>
  v.stages.includes('AWSCURRENT') ? 0 : v.stages.includes('AWSPENDING') ? 1 : v.stages.includes('AWSPREVIOUS') ? 2 : 3;

/** Versions with their staging labels, the live one first, newest next. */
export function VersionTable({ versions, onReveal, revealDisabledReason }: VersionTableProps) {
  const rows = [...versions].sort(
    (a, b) => rank(a) - rank(b) || (b.createdAt?.getTime() ?? 0) - (a.createdAt?.getTime() ?? 0),
  );
  return (
    <div className="overflow-x-auto rounded-md border border-border">
      <table className="w-full min-w-[560px] border-collapse text-sm" aria-label="Versions">
        <thead className="bg-surface-2 text-left text-xs text-muted">
          <tr>
            <th scope="col" className="px-3 py-2 font-medium">
              Version ID
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              Stages
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              Created
            </th>
            <th scope="col" className="px-3 py-2 font-medium">
              Last read
            </th>
            {onReveal && (
              <th scope="col" className="px-3 py-2 font-medium">
                <span className="sr-only">Actions</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {rows.map((v) => (
            <tr key={v.id} className="h-10 border-t border-border" data-version={v.id}>
              <td className="px-3 py-1.5">
                <span className="flex items-center gap-1">
                  <span className="font-mono text-xs break-all">{v.id}</span>
                  <CopyButton value={v.id} label="version ID" />
                </span>
              </td>
              <td className="px-3 py-1.5">
                <span className="flex flex-wrap gap-1">
                  {v.stages.length ? (
                    v.stages.map((s) => <StageBadge key={s} stage={s} />)
                  ) : (
                    <span className="text-xs text-muted">none (deprecated)</span>
                  )}
                </span>
              </td>
              <td className="px-3 py-1.5 text-xs">
                <RelativeTime date={v.createdAt} />
              </td>
              <td className="px-3 py-1.5 text-xs whitespace-nowrap">
                {/* AWS keeps only the day of the last read. */}
                {v.lastAccessedAt ? formatDate(v.lastAccessedAt) : <span className="text-muted">–</span>}
              </td>
              {onReveal && (
                <td className="px-3 py-1.5 text-right">
                  <Button
                    size="sm"
                    variant="ghost"
                    icon={<Eye aria-hidden />}
                    aria-label={`Reveal version ${v.id.slice(0, 8)}`}
                    disabledReason={revealDisabledReason}
                    onClick={() => onReveal(v.id)}
                  >
                    Reveal
                  </Button>
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
