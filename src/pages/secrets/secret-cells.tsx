import { Link } from 'react-router';
import type { SecretSummary } from '../../aws/secretsmanager/api';
import { formatDate } from '../../components/format';
import { StatusBadge } from '../../components/ui/status-badge';
import { useRegionHref } from '../../app/use-region';
import { pageHref } from '../registry';

/** The rotation function, linked to its function page once that page exists. */
export function RotationFunctionLink({ arn }: { arn: string }) {
  const href = useRegionHref();
  const name = arn.split(':function:')[1]?.split(':')[0] ?? arn;
  const to = pageHref('functions/:name', { name });
  return to ? (
    <Link to={href(to)} className="font-mono text-accent hover:underline" title={arn}>
      {name}
    </Link>
  ) : (
    <span className="font-mono" title={arn}>
      {name}
    </span>
  );
}

export function SecretNameCell({ secret }: { secret: SecretSummary }) {
  const href = useRegionHref();
  const to = pageHref('secrets/:name', { name: secret.name });
  return to ? (
    <Link to={href(to)} className="font-medium text-accent hover:underline">
      {secret.name}
    </Link>
  ) : (
    <span>{secret.name}</span>
  );
}

export function RotationCell({ secret }: { secret: SecretSummary }) {
  if (!secret.isRotationEnabled) return <span className="text-muted">Off</span>;
  return (
    <span className="flex items-center gap-1.5 whitespace-nowrap">
      <StatusBadge status="enabled" tone="success" label="On" />
      {secret.nextRotationAt && <span className="text-xs text-muted">next {formatDate(secret.nextRotationAt)}</span>}
    </span>
  );
}

export function StatusCell({ secret }: { secret: SecretSummary }) {
  return secret.deletionAt ? (
    <span className="flex items-center gap-1.5 whitespace-nowrap">
      <StatusBadge status="deleting" tone="danger" label="Scheduled for deletion" />
      <span className="text-xs text-muted">{formatDate(secret.deletionAt)}</span>
    </span>
  ) : (
    <StatusBadge status="active" tone="success" label="Active" />
  );
}

export function TagsCell({ secret }: { secret: SecretSummary }) {
  if (secret.tags.length === 0) return <span className="text-muted">–</span>;
  const text = secret.tags.map((t) => `${t.key}=${t.value}`).join(', ');
  return (
    <span className="truncate font-mono text-xs" title={text}>
      {text}
    </span>
  );
}
