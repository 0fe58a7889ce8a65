import { useState } from 'react';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useNavigate, useParams } from 'react-router';
import { FilePlus2, History, Pencil, RotateCw, Tags, Trash2, Undo2 } from 'lucide-react';
import { rowsOf } from '../../aws/paging';
import { hasGivenUp } from '../../aws/polling';
import { probeGetSecretValue } from '../../aws/secretsmanager/api';
import { useRestoreSecret, useRotateSecret } from '../../aws/secretsmanager/mutations';
import { secretsQueries } from '../../aws/secretsmanager/queries';
import { ErrorNotice } from '../../components/error-notice';
import { formatDate } from '../../components/format';
import { RelativeTime } from '../../components/relative-time';
import { StageMovesNote } from '../../components/secrets/stage-moves-note';
import { shortVersion, stageMoves, type StageMove } from '../../components/secrets/stage-moves';
import { VersionTable } from '../../components/secrets/version-table';
import { SERVICE_ICONS } from '../../components/service-icons';
import { Button } from '../../components/ui/button';
import { ConfirmDialog } from '../../components/ui/confirm-dialog';
import { ErrorNote } from '../../components/ui/error-note';
import { KeyValueList } from '../../components/ui/key-value';
import { ActionsMenu } from '../../components/ui/menu';
import { PageHeader } from '../../components/ui/page-header';
import { Skeleton } from '../../components/ui/skeleton';
import { StatusBadge } from '../../components/ui/status-badge';
import { useToast } from '../../app/toasts';
import { useConfig } from '../../app/config-context';
import { errorProps } from '../../app/error-props';
import { usePermission, useDeniedReason } from '../../app/use-permission';
import { routes } from '../../app/routes';
import { useLinkTo, useRegion } from '../../app/use-region';
import { DeleteSecretDialog } from './delete-secret-dialog';
import { EditDetailsDialog } from './edit-details-dialog';
import { PutValueDialog } from './put-value-dialog';
import { RotationDialog } from './rotation-dialog';
import { SecretValuePanel } from './secret-value-panel';
import { TagsDialog } from './tags-dialog';
import { useRevealedValue } from './use-revealed-value';
import { RotationFunctionLink } from './secret-cells';

type Dialog = 'put' | 'edit' | 'tags' | 'delete' | 'restore' | 'rotation' | 'rotate-now';

interface Rotation {
  versionId: string;
  since: number;
  before: Record<string, string[]>;
}

const ROTATION_TIMEOUT_MS = 60_000;

/** One secret: metadata, the value on demand, versions and stages, rotation, tags, delete and restore. */
export default function SecretPage() {
  const name = useParams().name ?? '';
  // A new secret is a new page: nothing revealed for the last one survives.
  return <SecretDetails key={name} name={name} />;
}

function SecretDetails({ name }: { name: string }) {
  const config = useConfig();
  const region = useRegion();
  const linkTo = useLinkTo();
  const navigate = useNavigate();
  const toast = useToast();
  const [dialog, setDialog] = useState<Dialog | undefined>();
  const [moves, setMoves] = useState<StageMove[]>([]);
  const [rotation, setRotation] = useState<Rotation | undefined>();
  const [target, setTarget] = useState('stage:AWSCURRENT');
  const isRotating = rotation !== undefined && !hasGivenUp(rotation.since, ROTATION_TIMEOUT_MS);
  const secret = useQuery({
    ...secretsQueries.describe(region, name),
    // While a rotation runs: refetch every second until its version is AWSCURRENT, for a minute at most.
    refetchInterval: (query) =>
      rotation &&
      !query.state.data?.versionStages[rotation.versionId]?.includes('AWSCURRENT') &&
      !hasGivenUp(rotation.since, ROTATION_TIMEOUT_MS)
        ? 1000
        : false,
  });
  const versions = useInfiniteQuery(secretsQueries.versions(region, name));
  const revealed = useRevealedValue(region, name);
  const restore = useRestoreSecret();
  const rotate = useRotateSecret();
  const canReveal = usePermission('secretsmanager:GetSecretValue', undefined, {
    key: ['secretsmanager', 'GetSecretValue', name],
    run: async (signal) => {
      const r = await probeGetSecretValue({ region, secretId: name }, signal);
      return r?.isAllowed === false
        ? { isAllowed: false, reason: `Your role does not allow ${r.action ?? 'secretsmanager:GetSecretValue'}` }
        : { isAllowed: true };
    },
  });
  const putDenied = useDeniedReason('secretsmanager:PutSecretValue');
  const deleteDenied = useDeniedReason('secretsmanager:DeleteSecret');
  const restoreDenied = useDeniedReason('secretsmanager:RestoreSecret');
  const s = secret.data;
  const isScheduled = s?.deletionAt !== undefined;
  const scheduledReason = isScheduled ? 'The secret is scheduled for deletion: restore it first' : undefined;

  const rotationDone = rotation && s?.versionStages[rotation.versionId]?.includes('AWSCURRENT') ? rotation : undefined;
  const rotationMoves = rotationDone && s ? stageMoves(rotationDone.before, s.versionStages) : [];

  function startRotationWatch(versionId: string | undefined) {
    setMoves([]);
    if (versionId && s) setRotation({ versionId, since: Date.now(), before: s.versionStages });
  }

  if (secret.error && !s) {
    return (
      <div className="flex flex-col gap-4">
        <PageHeader icon={<SERVICE_ICONS.secretsmanager />} title={name} />
        <ErrorNotice {...errorProps(secret.error, config, 'secretsmanager', () => void secret.refetch())} />
      </div>
    );
  }

  return (
    <div className="flex flex-col gap-4">
      <PageHeader
        icon={<SERVICE_ICONS.secretsmanager />}
        title={<span className="break-all">{name}</span>}
        description={s?.description}
        actions={
          <>
            {isScheduled ? (
              <Button
                variant="primary"
                icon={<Undo2 aria-hidden />}
                onClick={() => setDialog('restore')}
                {...optional(restoreDenied)}
              >
                Restore secret
              </Button>
            ) : (
              <Button
                variant="primary"
                icon={<FilePlus2 aria-hidden />}
                onClick={() => setDialog('put')}
                disabledReason={putDenied ?? (s ? undefined : 'Loading the secret…')}
              >
                New value
              </Button>
            )}
            <ActionsMenu
              items={[
                {
                  label: 'Edit description and KMS key…',
                  icon: <Pencil aria-hidden />,
                  onSelect: () => setDialog('edit'),
                  ...optional(scheduledReason),
                },
                {
                  label: 'Edit tags…',
                  icon: <Tags aria-hidden />,
                  onSelect: () => setDialog('tags'),
                  ...optional(scheduledReason),
                },
                {
                  label: 'Rotate now',
                  icon: <RotateCw aria-hidden />,
                  onSelect: () => setDialog('rotate-now'),
                  ...optional(
                    scheduledReason ??
                      (s?.rotationLambdaArn ? undefined : 'No rotation function is set: use Rotation settings'),
                  ),
                },
                {
                  label: 'Rotation settings…',
                  icon: <History aria-hidden />,
                  onSelect: () => setDialog('rotation'),
                  ...optional(scheduledReason),
                },
                {
                  label: 'Delete secret…',
                  icon: <Trash2 aria-hidden />,
                  isDestructive: true,
                  separatorBefore: true,
                  onSelect: () => setDialog('delete'),
                  ...optional(deleteDenied ?? (isScheduled ? 'Already scheduled for deletion' : undefined)),
                },
              ]}
            />
          </>
        }
      />

      {isScheduled && s?.deletionAt && (
        <div
          role="status"
          className="flex flex-wrap items-center gap-2 rounded-md border border-warning bg-warning-soft px-3 py-2 text-sm text-warning"
        >
          <StatusBadge status="scheduled" tone="danger" label="Scheduled for deletion" />
          Deleted on {formatDate(s.deletionAt)}. Restore it before then to keep it; until then its value cannot be read.
        </div>
      )}

      <section aria-labelledby="secret-details-heading" className="rounded-lg border border-border bg-surface p-4">
        <h2 id="secret-details-heading" className="mb-3 text-base font-semibold">
          Details
        </h2>
        {s ? (
          <KeyValueList
            columns={3}
            items={[
              { label: 'ARN', value: s.arn, isMono: true },
              {
                label: 'KMS key',
                value: s.kmsKeyId ?? 'aws/secretsmanager (default)',
                isMono: s.kmsKeyId !== undefined,
              },
              { label: 'Created', value: <RelativeTime date={s.createdAt} /> },
              { label: 'Last changed', value: <RelativeTime date={s.lastChangedAt} /> },
              { label: 'Last read', value: s.lastAccessedAt ? formatDate(s.lastAccessedAt) : 'Never' },
              {
                label: 'Tags',
                value: s.tags.length ? s.tags.map((t) => `${t.key}=${t.value}`).join(', ') : undefined,
              },
            ]}
          />
        ) : (
          <Skeleton className="h-24 w-full" />
        )}
      </section>

      {!isScheduled && (
        <SecretValuePanel
          versionStages={s?.versionStages ?? {}}
          target={target}
          onTargetChange={setTarget}
          revealed={revealed}
          revealDisabledReason={canReveal.reason}
        />
      )}

      <StageMovesNote moves={moves} />

      <section aria-labelledby="secret-rotation-heading" className="rounded-lg border border-border bg-surface p-4">
        <h2 id="secret-rotation-heading" className="mb-3 text-base font-semibold">
          Rotation
        </h2>
        {s && (
          <KeyValueList
            columns={3}
            items={[
              {
                label: 'Rotation',
                value: s.isRotationEnabled ? (
                  <StatusBadge status="enabled" tone="success" label="On" />
                ) : (
                  <StatusBadge status="disabled" tone="neutral" label="Off" />
                ),
              },
              { label: 'Function', value: s.rotationLambdaArn && <RotationFunctionLink arn={s.rotationLambdaArn} /> },
              { label: 'Schedule', value: s.rotationDays ? `Every ${s.rotationDays} days` : undefined },
              { label: 'Last rotated', value: <RelativeTime date={s.lastRotatedAt} /> },
              { label: 'Next rotation', value: s.nextRotationAt ? formatDate(s.nextRotationAt) : undefined },
            ]}
          />
        )}
        {rotation && isRotating && !rotationDone && (
          <p role="status" className="mt-3 text-sm text-muted">
            Rotating: waiting for version {shortVersion(rotation.versionId)} to become AWSCURRENT…
          </p>
        )}
        {rotation && !isRotating && !rotationDone && (
          <div className="mt-3">
            <ErrorNote>
              The rotation did not finish within a minute: version {shortVersion(rotation.versionId)} is not AWSCURRENT.
              The rotation function&apos;s logs say why.
            </ErrorNote>
          </div>
        )}
        {rotationDone && (
          <div className="mt-3 flex flex-col gap-2">
            <p role="status" className="text-sm">
              Rotation finished: AWSCURRENT is now version{' '}
              <span className="font-mono">{shortVersion(rotationDone.versionId)}</span>.
            </p>
            <StageMovesNote moves={rotationMoves} />
          </div>
        )}
        {rotate.failure && !dialog && (
          <div className="mt-3">
            <ErrorNote>{rotate.failure}</ErrorNote>
          </div>
        )}
      </section>

      <section aria-labelledby="secret-versions-heading" className="flex flex-col gap-3">
        <h2 id="secret-versions-heading" className="text-base font-semibold">
          Versions
        </h2>
        {versions.error && !versions.data ? (
          <ErrorNotice {...errorProps(versions.error, config, 'secretsmanager', () => void versions.refetch())} />
        ) : versions.data ? (
          <VersionTable
            versions={rowsOf(versions.data)}
            {...(isScheduled
              ? {}
              : {
                  onReveal: (id: string) => {
                    setTarget(`version:${id}`);
                    revealed.reveal({ versionId: id });
                  },
                })}
            {...(canReveal.reason ? { revealDisabledReason: canReveal.reason } : {})}
          />
        ) : (
          <Skeleton className="h-20 w-full" />
        )}
      </section>

      {s && (
        <>
          <PutValueDialog
            open={dialog === 'put'}
            onOpenChange={(o) => setDialog(o ? 'put' : undefined)}
            region={region}
            secretId={name}
            onStored={(m) => {
              revealed.hide();
              setRotation(undefined);
              setMoves(m);
              toast(`Stored a new value in ${name}`, 'success');
            }}
          />
          {dialog === 'edit' && (
            <EditDetailsDialog
              open
              onOpenChange={(o) => setDialog(o ? 'edit' : undefined)}
              region={region}
              secretId={name}
              description={s.description ?? ''}
              kmsKeyId={s.kmsKeyId ?? ''}
            />
          )}
          {dialog === 'tags' && (
            <TagsDialog
              open
              onOpenChange={(o) => setDialog(o ? 'tags' : undefined)}
              region={region}
              secretId={name}
              tags={s.tags}
            />
          )}
          {dialog === 'rotation' && (
            <RotationDialog
              open
              onOpenChange={(o) => setDialog(o ? 'rotation' : undefined)}
              region={region}
              secretId={name}
              secretArn={s.arn}
              {...(s.rotationLambdaArn ? { currentFunctionArn: s.rotationLambdaArn } : {})}
              {...(s.rotationDays ? { currentDays: s.rotationDays } : {})}
              onStarted={startRotationWatch}
            />
          )}
          <DeleteSecretDialog
            open={dialog === 'delete'}
            onOpenChange={(o) => setDialog(o ? 'delete' : undefined)}
            region={region}
            name={name}
            onDeleted={(isForced) => {
              revealed.hide();
              if (isForced) {
                toast(`Deleted secret ${name}`, 'success');
                void navigate(linkTo(routes.secrets));
              } else toast(`Scheduled the deletion of ${name}`, 'success');
            }}
          />
          <ConfirmDialog
            open={dialog === 'restore'}
            onOpenChange={(o) => setDialog(o ? 'restore' : undefined)}
            verb="Restore"
            tone="primary"
            noun={{ one: 'secret', other: 'secrets' }}
            names={[name]}
            consequence="The deletion is cancelled and the secret can be read again."
            error={restore.failure}
            isPending={restore.isPending}
            onConfirm={async () => {
              await restore.mutateAsync({ region, secretId: name });
              toast(`Restored ${name}`, 'success');
            }}
          />
          <ConfirmDialog
            open={dialog === 'rotate-now'}
            onOpenChange={(o) => setDialog(o ? 'rotate-now' : undefined)}
            verb="Rotate"
            tone="primary"
            noun={{ one: 'secret', other: 'secrets' }}
            names={[name]}
            consequence={
              <>
                The function <span className="font-mono break-all">{s.rotationLambdaArn}</span> makes a new value and
                moves AWSCURRENT to it; the current value becomes AWSPREVIOUS.
              </>
            }
            confirmLabel="Rotate now"
            error={rotate.failure}
            isPending={rotate.isPending}
            onConfirm={async () => {
              const out = await rotate.mutateAsync({ region, secretId: name });
              startRotationWatch(out.versionId);
            }}
          />
        </>
      )}
    </div>
  );
}

/** `{ disabledReason }` only when there is one (exactOptionalPropertyTypes). */
function optional(reason: string | undefined): { disabledReason?: string } {
  return reason ? { disabledReason: reason } : {};
}
