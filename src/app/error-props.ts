import { endpointFor, type ConsoleConfig, type ServiceName } from '../aws/config';
import { networkHint, toAppError } from '../aws/errors';
import type { ErrorNoticeProps } from '../components/error-notice';

/** An SDK error as ErrorNotice props; a network error gets the advice that fits its service. */
export function errorProps(
  error: unknown,
  config: ConsoleConfig,
  service: ServiceName,
  onRetry?: () => void,
): ErrorNoticeProps {
  const e = toAppError(error);
  // No credentials: the service was never asked, so neither its permissions nor its CORS are to blame.
  if (e.source === 'credentials')
    return {
      kind: 'credentials',
      message: e.message,
      hint: `The identity pool (${endpointFor(config, 'cognitoIdentity') ?? 'Cognito'}) did not give this sign-in AWS credentials. Retry, or sign out and in again; if it persists, check the identity pool's role mapping for your groups.`,
      ...(onRetry ? { onRetry } : {}),
    };
  return {
    kind: e.kind,
    message: e.message,
    ...(e.action ? { action: e.action } : {}),
    ...(e.resource ? { resource: e.resource } : {}),
    ...(e.kind === 'network'
      ? { hint: networkHint(service, endpointFor(config, service), window.location.origin) }
      : {}),
    ...(onRetry ? { onRetry } : {}),
  };
}

/** "Retrying (2)…" while a query retries after throttling or a 5xx, so a wait is never a silent spinner. */
export function retryingText(query: { failureCount: number; isFetching: boolean }): string | undefined {
  return query.isFetching && query.failureCount > 0 ? `Retrying (${query.failureCount})…` : undefined;
}
