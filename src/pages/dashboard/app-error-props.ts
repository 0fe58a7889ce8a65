import { endpointFor, type ConsoleConfig, type ServiceName } from '../../aws/config';
import { networkHint, toAppError } from '../../aws/errors';
import type { ErrorNoticeProps } from '../../components/error-notice';

/** An SDK error as ErrorNotice props; a network error gets the CORS explanation where it applies. */
export function errorProps(
  error: unknown,
  config: ConsoleConfig,
  service: ServiceName,
  onRetry: () => void,
): ErrorNoticeProps {
  const e = toAppError(error);
  return {
    kind: e.kind,
    message: e.message,
    ...(e.action ? { action: e.action } : {}),
    ...(e.resource ? { resource: e.resource } : {}),
    ...(e.kind === 'network' ? { hint: networkHint(endpointFor(config, service), window.location.origin) } : {}),
    onRetry,
  };
}
