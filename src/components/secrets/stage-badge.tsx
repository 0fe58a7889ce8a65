const STYLE: Record<string, string> = {
  AWSCURRENT: 'bg-success-soft text-success',
  AWSPREVIOUS: 'bg-neutral-soft text-neutral',
  AWSPENDING: 'bg-warning-soft text-warning',
};

export interface StageBadgeProps {
  stage: string;
}

/** A staging label; AWS's three have their colours, custom labels the info tone. The word is always shown. */
export function StageBadge({ stage }: StageBadgeProps) {
  return (
    <span
      className={`inline-flex h-5 items-center rounded px-1.5 font-mono text-[11px] font-medium ${STYLE[stage] ?? 'bg-info-soft text-info'}`}
    >
      {stage}
    </span>
  );
}
