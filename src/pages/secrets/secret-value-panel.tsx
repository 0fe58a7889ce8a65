import { Eye, EyeOff } from 'lucide-react';
import { SecretValueView } from '../../components/secrets/secret-value-view';
import { shortVersion } from '../../components/secrets/stage-moves';
import { StageBadge } from '../../components/secrets/stage-badge';
import { Button } from '../../components/ui/button';
import { ErrorNote } from '../../components/ui/error-note';
import { SelectField } from '../../components/ui/field';
import type { RevealedState } from './use-revealed-value';

export interface SecretValuePanelProps {
  /** Version id -> stages, for the "which value" picker. */
  versionStages: Record<string, string[]>;
  /** "stage:AWSCURRENT" or "version:<id>". */
  target: string;
  onTargetChange: (target: string) => void;
  revealed: RevealedState;
  revealDisabledReason: string | undefined;
}

export const targetOf = (key: string) =>
  key.startsWith('version:') ? { versionId: key.slice('version:'.length) } : { stage: key.slice('stage:'.length) };

/** The value, masked until Reveal; one version or stage at a time, dropped on Hide. */
export function SecretValuePanel({
  versionStages,
  target,
  onTargetChange,
  revealed,
  revealDisabledReason,
}: SecretValuePanelProps) {
  const stages = [...new Set(Object.values(versionStages).flat())];
  const options = [
    ...stages.map((s) => ({ value: `stage:${s}`, label: s })),
    ...Object.keys(versionStages).map((id) => ({ value: `version:${id}`, label: `Version ${shortVersion(id)}…` })),
  ];
  if (!options.some((o) => o.value === target))
    options.push({
      value: target,
      label: target.startsWith('version:')
        ? `Version ${shortVersion(targetOf(target).versionId ?? '')}…`
        : target.slice(6),
    });
  const { value } = revealed;
  return (
    <section
      aria-labelledby="secret-value-heading"
      className="flex flex-col gap-3 rounded-lg border border-border bg-surface p-4"
    >
      <div className="flex flex-wrap items-end justify-between gap-3">
        <h2 id="secret-value-heading" className="text-base font-semibold">
          Secret value
        </h2>
        <div className="flex flex-wrap items-end gap-2">
          <SelectField
            label="Value of"
            className="w-48"
            value={target}
            options={options}
            onChange={(t) => {
              revealed.hide();
              onTargetChange(t);
            }}
          />
          {value ? (
            <Button icon={<EyeOff aria-hidden />} onClick={revealed.hide}>
              Hide value
            </Button>
          ) : (
            <Button
              variant="primary"
              icon={<Eye aria-hidden />}
              isLoading={revealed.isLoading}
              disabledReason={revealDisabledReason}
              onClick={() => revealed.reveal(targetOf(target))}
            >
              Reveal value
            </Button>
          )}
        </div>
      </div>
      {value ? (
        <>
          <p className="flex flex-wrap items-center gap-1.5 text-xs text-muted">
            Version <span className="font-mono">{value.versionId}</span>
            {value.stages.map((s) => (
              <StageBadge key={s} stage={s} />
            ))}
          </p>
          <SecretValueView value={value} />
          <p className="text-xs text-muted">
            Hidden again when you leave this page or the tab stays hidden for a minute.
          </p>
        </>
      ) : (
        <p className="flex items-center gap-2 text-sm text-muted">
          <span aria-hidden className="font-mono tracking-widest">
            ••••••••••••
          </span>
          <span>The value is not loaded until you reveal it.</span>
        </p>
      )}
      {revealed.failure && <ErrorNote>{revealed.failure}</ErrorNote>}
    </section>
  );
}
