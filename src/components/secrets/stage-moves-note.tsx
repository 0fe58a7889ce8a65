import { ArrowRight } from 'lucide-react';
import { StageBadge } from './stage-badge';
import { shortVersion, type StageMove } from './stage-moves';

export interface StageMovesNoteProps {
  moves: StageMove[];
}

/** "AWSCURRENT 1a2b3c4d → 9f8e7d6c": what a put or a rotation did to the labels. */
export function StageMovesNote({ moves }: StageMovesNoteProps) {
  if (moves.length === 0) return null;
  return (
    <div role="status" className="rounded-md border border-border bg-surface-2 p-3 text-sm">
      <p className="mb-1.5 font-medium">Stages moved</p>
      <ul className="flex flex-col gap-1">
        {moves.map((m) => (
          <li key={m.stage} className="flex flex-wrap items-center gap-1.5 text-xs">
            <StageBadge stage={m.stage} />
            <span className="font-mono">{m.from ? shortVersion(m.from) : 'none'}</span>
            <ArrowRight aria-label="to" className="size-3.5 text-muted" />
            <span className="font-mono">{m.to ? shortVersion(m.to) : 'removed'}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
