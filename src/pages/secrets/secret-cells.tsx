import { Link } from 'react-router';
import type { SecretSummary } from '../../aws/secretsmanager/api';
import { formatDate } from '../../components/format';
import { StatusBadge } from '../../components/ui/status-badge';
import { routes } from '../../app/routes';
import { useLinkTo } from '../../app/use-region';

/** The rotation function by name, its ARN on hover (a link once the console has a function page). */
export function RotationFunctionLink({ arn }: { arn: string }) {
  const name = arn.split(':function:')[1]?.split(':')[0] ?? arn;
  return (
    <span className="font-mono" title={arn}>
      {name}
    </span>
  );
}

export function SecretNameCell({ secret }: { secret: SecretSummary }) {
  const linkTo = useLinkTo();
  return (
    <Link to={linkTo(routes.secret, { name: secret.name })} className="font-medium text-accent hover:underline">
      {secret.name}
    </Link>
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
